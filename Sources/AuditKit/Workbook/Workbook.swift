/// An .xlsx workbook opened for reading: its archive, sheets, shared strings, styles and date
/// system, read once; each sheet is then streamed a row at a time with ``readSheet(_:onRow:)``.
final class Workbook {
    let archive: WorkbookArchive
    let index: WorkbookIndex
    private let context: SheetReader.Context

    /// The workbook's path, as given.
    var path: String { archive.path }

    /// Opens the workbook at `path` and reads its index, shared strings and styles.
    ///
    /// - Throws: ``RecordLoadError`` naming the file and part when any of them cannot be read.
    init(path: String, limits: WorkbookLimits = .standard) throws(RecordLoadError) {
        archive = try WorkbookArchive(path: path, limits: limits)
        guard archive.has(WorkbookIndex.workbookPart) else {
            throw RecordLoadError(
                file: path,
                message:
                    "the file is a ZIP archive but not an Excel workbook: it has no \(WorkbookIndex.workbookPart) part")
        }
        index = try WorkbookIndex.read(from: archive, limits: limits)
        let strings = try SharedStrings.read(from: archive, part: index.sharedStringsPart, limits: limits)
        let styles = try CellStyles.read(from: archive, part: index.stylesPart)
        context = SheetReader.Context(strings: strings, styles: styles, dates1904: index.dates1904, limits: limits)
    }

    /// A cell's place: this workbook, the sheet and the cell (`C12`).
    func place(sheet: String, column: Int, row: Int) -> WorkbookLoader.Place {
        WorkbookLoader.Place(file: path, sheet: sheet, cell: CellReference(column: column, row: row).description)
    }

    /// Streams the rows of `sheet` with at least one non-empty cell to `onRow` (row number,
    /// cells in column order).
    ///
    /// - Returns: The sheet's merged ranges, which the part lists after its rows.
    func readSheet(
        _ sheet: WorkbookIndex.Sheet,
        onRow: @escaping (Int, [SheetReader.Cell]) throws(RecordLoadError) -> Void
    )
        throws(RecordLoadError) -> [(from: CellReference, to: CellReference)]
    {
        guard let part = sheet.part else {
            throw RecordLoadError(
                file: "\(path):\(sheet.name)",
                message:
                    "the workbook lists the sheet but not the part holding it; the workbook may be damaged")
        }
        let reader = SheetReader(context: context, sheetPlace: "\(path):\(sheet.name)!", onRow: onRow)
        try archive.read(part, into: reader)
        return reader.merges
    }
}
