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

    /// Where something at `line` and `column` of this input is, as reports show it: the path and
    /// line for a text file; for a workbook sheet the cell, `registers.xlsx:complaints!C12`,
    /// with no separate line.
    public func place(line: Int, column: Int) -> (file: String, line: Int?) {
        guard let sheet else { return (path, line > 0 ? line : nil) }
        guard line > 0 else { return ("\(path):\(sheet)", nil) }
        return ("\(path):\(sheet)!\(CellReference.letters(max(column, 1)))\(line)", nil)
    }
}
