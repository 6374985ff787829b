/// One export file that was read.
public struct InputFile: Sendable, Equatable, Codable {
    /// The path as given on the command line.
    public var path: String
    /// How the file is written.
    public var format: InputFormat
    /// Lower-case hexadecimal SHA-256 of the file's bytes.
    public var sha256: String
    /// Number of records (collection items) the file holds.
    public var records: Int
    /// For a workbook, the sheet these records come from (each sheet read is one input).
    public var sheet: String?

    /// Creates an input description.
    public init(path: String, format: InputFormat, sha256: String, records: Int, sheet: String? = nil) {
        self.path = path
        self.format = format
        self.sha256 = sha256
        self.records = records
        self.sheet = sheet
    }

    /// Where something at `line` and `column` of this input is: the path and line for a text
    /// file; for a workbook the path, the sheet and the cell (`C12`), with no line.
    public func location(line: Int, column: Int) -> Finding.Location {
        guard let sheet else { return Finding.Location(file: path, line: line > 0 ? line : nil) }
        let cell = line > 0 ? CellReference(column: max(column, 1), row: line).description : nil
        return Finding.Location(file: path, line: nil, sheet: sheet, cell: cell)
    }
}
