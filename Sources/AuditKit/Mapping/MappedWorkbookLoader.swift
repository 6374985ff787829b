/// Reads the sheets of a workbook through a ``Mapping``: each collection whose `file` names the
/// workbook reads its `sheet` (default: the sheet named after the collection) as a CSV register
/// is read, the first row with a value being the header. Each sheet read is one ``InputFile``.
enum MappedWorkbookLoader {
    /// True for a path the mapping reads as a workbook (`.xlsx`, `.xlsm`, `.xls`).
    static func isWorkbook(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") || lower.hasSuffix(".xls")
    }

    /// Loads the sheets of the workbook at `path` that `mapping` names; the first sheet read gets
    /// the file index `firstFileIndex`, the next ones the following indexes.
    static func load(path: String, firstFileIndex: Int32, mapping: Mapping, names: NameTable)
        throws(MappedLoader.LoadError) -> RecordSet
    {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let rules = mapping.collections.filter { $0.file?.lowercased() == name.lowercased() }
        guard !rules.isEmpty else {
            throw .mapping(
                FileFormatError(
                    file: mapping.path, line: 0, column: 0,
                    code: .mapping,
                    message:
                        "no collection of the mapping reads the workbook \(Display.clipped(name)); give the collections it feeds 'file: \(name)' and 'sheet: NAME'"
                ))
        }
        let workbook: Workbook
        do {
            workbook = try Workbook(path: path)
        } catch {
            throw .input(error)
        }
        var records = RecordSet(names: names)
        for rule in rules {
            let wanted = rule.sheet ?? rule.target
            let visible = workbook.index.sheets.filter { !$0.hidden }
            guard
                let sheet = visible.first(where: { $0.name == wanted })
                    ?? visible.first(where: { $0.name.lowercased() == wanted.lowercased() })
            else {
                let names = visible.map(\.name)
                throw .mapping(
                    FileFormatError(
                        file: mapping.path, line: rule.line, column: rule.column,
                        code: .mapping,
                        message: "the sheet '\(Display.clipped(wanted))' is not in \(Display.clipped(name))"
                            + NearMatch.hint(
                                for: wanted, among: names,
                                otherwise: "; its sheets are "
                                    + names.prefix(20).map { "'\(Display.clipped($0))'" }.joined(separator: ", "))))
            }
            let fileIndex = firstFileIndex + Int32(records.inputs.count)
            let (value, count, notes) = try read(
                sheet, of: workbook, rule: rule, fileIndex: fileIndex, mapping: mapping, names: names)
            records.violations += notes
            records.inputs.append(
                InputFile(
                    path: path, format: .xlsx, sha256: workbook.archive.sha256,
                    records: count, sheet: sheet.name))
            records.root = MappedLoader.merged(
                records.root, Record(fields: [Record.Field(name: names.name(rule.target), value: value)], names: names),
                names: names)
        }
        return records
    }

    /// One sheet's rows as records of `rule`'s collection, with the notes about its cells.
    private static func read(
        _ sheet: WorkbookIndex.Sheet, of workbook: Workbook, rule: Mapping.CollectionRule,
        fileIndex: Int32, mapping: Mapping, names: NameTable
    ) throws(MappedLoader.LoadError) -> (Value, Int, [StructuralViolation]) {
        var builder: MappedRowBuilder?
        var header: [String] = []
        var headerRow = 0
        var items: [Value] = []
        var rows: [Int] = []
        var notes: [StructuralViolation] = []
        var mappingError: MappedLoader.LoadError?
        let place = "\(workbook.path):\(sheet.name)"
        let merges: [(from: CellReference, to: CellReference)]
        do throws(RecordLoadError) {
            merges = try workbook.readSheet(sheet) { (row: Int, cells: [SheetReader.Cell]) throws(RecordLoadError) in
                if builder == nil {
                    headerRow = row
                    header = Array(repeating: "", count: cells.last.map(\.column) ?? 0)
                    for cell in cells { header[cell.column - 1] = trimmedScalar(cell.value ?? "") }
                    do throws(MappedLoader.LoadError) {
                        builder = try MappedRowBuilder(
                            rule: rule, header: header, path: place, mapping: mapping, names: names)
                    } catch {
                        mappingError = error
                        throw RecordLoadError(file: place, message: "")
                    }
                    return
                }
                var dense = Array(repeating: "", count: header.count)
                for cell in cells where cell.column <= header.count {
                    if let problem = cell.problem {
                        notes.append(
                            WorkbookLoader.cellNote(
                                problem, workbook.place(sheet: sheet.name, column: cell.column, row: row)))
                    } else if let value = cell.value {
                        dense[cell.column - 1] = value
                    }
                }
                let location = SourceLocation(file: fileIndex, line: row, column: cells[0].column)
                if let record = builder!.record(cells: dense, location: location) {
                    items.append(.record(record))
                    rows.append(row)
                }
            }
        } catch {
            throw mappingError ?? .input(error)
        }
        if let builder {
            // Each column's first field, for merged ranges.
            var byColumn: [Int: Name] = [:]
            for field in builder.rule.fields {
                guard let source = field.source,
                    let index = header.firstIndex(where: { $0.lowercased() == source.lowercased() }),
                    byColumn[index + 1] == nil
                else { continue }
                byColumn[index + 1] = names.name(field.target)
            }
            WorkbookLoader.fillMerged(merges, items: &items, rows: rows, header: byColumn, headerRow: headerRow)
        }
        return (.list(items), items.count, notes)
    }
}
