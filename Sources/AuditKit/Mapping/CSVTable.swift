/// A spreadsheet register saved as CSV: UTF-8 with or without a byte order mark, comma,
/// semicolon or tab separated (detected from the header line unless given), quoted fields that
/// may hold line breaks, read by ``CSVRowReader``; this type keeps every row with its line.
public struct CSVTable: Sendable {
    /// One data row.
    public struct Row: Sendable {
        /// The 1-based line of the file where the row starts.
        public var line: Int
        /// The cells, trimmed, in header order.
        public var cells: [String]
    }

    /// The column names of the header line, trimmed.
    public var header: [String]
    /// The data rows; blank rows are left out.
    public var rows: [Row]
    /// The separator used.
    public var separator: Character

    /// Reads the CSV file at `path` whole (``CSVRowReader`` reads one row at a time).
    ///
    /// - Parameter separator: The separator; nil to take whichever of `;`, `,` and tab occurs most
    ///   often outside quotes on the header line.
    /// - Returns: The table and the file's SHA-256 (lower-case hexadecimal).
    /// - Throws: ``RecordLoadError`` when the file cannot be read, is not UTF-8 or is not CSV.
    public static func read(path: String, separator: Character? = nil) throws(RecordLoadError) -> (
        table: CSVTable, sha256: String
    ) {
        var reader = try CSVRowReader(path: path, separator: separator)
        return (try table(from: &reader), reader.sha256)
    }

    /// Parses CSV `bytes` read from `path`.
    public static func parse(bytes: [UInt8], path: String, separator: Character? = nil) throws(RecordLoadError)
        -> CSVTable
    {
        var reader = try CSVRowReader(bytes: bytes, path: path, separator: separator)
        return try table(from: &reader)
    }

    private static func table(from reader: inout CSVRowReader) throws(RecordLoadError) -> CSVTable {
        let header = try reader.readHeader()
        var rows: [Row] = []
        var cells: [String] = []
        while let line = try reader.nextDataRow(into: &cells, columns: header.count) {
            rows.append(Row(line: line, cells: cells))
        }
        return CSVTable(header: header, rows: rows, separator: Character(Unicode.Scalar(reader.separator)))
    }

    /// The cell of `row` in the column at `index`; nil when it is empty.
    public func cell(_ row: Row, _ index: Int) -> String? {
        guard index < row.cells.count, !row.cells[index].isEmpty else { return nil }
        return row.cells[index]
    }

    /// The separator that occurs most often outside quotes on the first line (`;` on a tie).
    static func detectSeparator(_ text: String) -> Character {
        var counts: [Character: Int] = [";": 0, ",": 0, "\t": 0]
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if !quoted, character == "\n" || character == "\r\n" || character == "\r" { break }
            if !quoted, counts[character] != nil { counts[character]! += 1 }
        }
        let best = counts.max { lhs, rhs in
            lhs.value != rhs.value ? lhs.value < rhs.value : order(lhs.key) > order(rhs.key)
        }
        return (best?.value ?? 0) > 0 ? best!.key : ","
    }

    private static func order(_ separator: Character) -> Int {
        separator == ";" ? 0 : separator == "," ? 1 : 2
    }
}
