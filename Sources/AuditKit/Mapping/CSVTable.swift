import CSV

/// A spreadsheet register saved as CSV: UTF-8 with or without a byte order mark, comma,
/// semicolon or tab separated (detected from the header line unless given), quoted fields that
/// may hold line breaks. Parsed by the CSV.swift package; this type adds the line of each row.
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

    /// Reads the CSV file at `path`.
    ///
    /// - Parameter separator: The separator; nil to take whichever of `;`, `,` and tab occurs most
    ///   often outside quotes on the header line.
    /// - Throws: ``RecordLoadError`` when the file cannot be read, is not UTF-8 or is not CSV.
    public static func read(path: String, separator: Character? = nil) throws(RecordLoadError) -> (table: CSVTable, bytes: [UInt8]) {
        let reader = try InputReader(path: path)
        let bytes = try reader.readAll()
        return (try parse(bytes: bytes, path: path, separator: separator), bytes)
    }

    /// Parses CSV `bytes` read from `path`.
    public static func parse(bytes: [UInt8], path: String, separator: Character? = nil) throws(RecordLoadError) -> CSVTable {
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
        guard let text = String(validating: content, as: UTF8.self) else {
            throw RecordLoadError(file: path, message: "the file is not UTF-8 text; save the spreadsheet as \"CSV UTF-8\"")
        }
        guard !text.allSatisfy(\.isWhitespace) else {
            throw RecordLoadError(file: path, message: "the file is empty; a register needs a header line naming its columns")
        }
        let chosen = separator ?? detectSeparator(text)
        guard let delimiter = chosen.unicodeScalars.first, chosen.unicodeScalars.count == 1 else {
            throw RecordLoadError(file: path, message: "the separator must be a single character")
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: false, delimiter: delimiter)
        } catch {
            throw RecordLoadError(file: path, line: 1, column: 1, message: "the header line cannot be read: \(error)")
        }
        let header = (reader.headerRow ?? []).map(trimmedScalar)
        var line = 2 + (reader.headerRow ?? []).reduce(0) { $0 + lineBreaks(in: $1) }
        var rows: [Row] = []
        while let cells = reader.next() {
            if let error = reader.error {
                throw RecordLoadError(file: path, line: line, column: 1, message: "this row cannot be read as CSV: \(error)")
            }
            let start = line
            line += 1 + cells.reduce(0) { $0 + lineBreaks(in: $1) }
            let trimmed = cells.map(trimmedScalar)
            if trimmed.allSatisfy(\.isEmpty) { continue }
            if trimmed.count > header.count, trimmed[header.count...].contains(where: { !$0.isEmpty }) {
                throw RecordLoadError(
                    file: path, line: start, column: 1,
                    message: "this row has \(trimmed.count) cells but the header names \(header.count) columns; check the separator ('\(chosen)') and the quotes")
            }
            rows.append(Row(line: start, cells: trimmed))
        }
        if let error = reader.error {
            throw RecordLoadError(file: path, line: line, column: 1, message: "the file cannot be read as CSV: \(error)")
        }
        return CSVTable(header: header, rows: rows, separator: chosen)
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

    /// Line breaks inside a cell: CR LF, LF or CR each count once.
    static func lineBreaks(in text: String) -> Int {
        var count = 0
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                count += 1
                previousCR = true
            } else {
                if scalar == "\n", !previousCR { count += 1 }
                previousCR = false
            }
        }
        return count
    }
}
