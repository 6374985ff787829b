import Crypto
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a CSV register one row at a time, a megabyte of the file at a time, so a large
/// spreadsheet is never in memory whole (neither its bytes nor a table of all its cells).
///
/// The format is RFC 4180 as spreadsheets write it: UTF-8 with or without a byte order mark,
/// one separator byte (`;`, `,`, tab…), CR LF, LF or CR line ends, and cells that start with a
/// quote run to the next lone quote (`""` is a quote inside), separators and line breaks
/// included. A quote inside an unquoted cell is kept as text. A quoted cell still open at the end
/// of the file is an error pointing at its opening quote, rather than a cell that silently
/// swallows every row after it.
struct CSVRowReader {
    /// The file's path, for messages.
    let path: String
    /// The separator byte.
    let separator: UInt8
    /// Where the bytes come from: an open file (kept open while this is read), or bytes already
    /// in memory.
    private let file: InputReader?
    private var descriptor: Int32 = -1
    private var buffer: [UInt8]
    private var position = 0
    private var atEnd: Bool
    private var hasher = SHA256()
    /// The 1-based line and byte column of the next byte.
    private var line = 1
    private var column = 1
    /// The file's size, for sizing the ``ScalarInterner`` of rows read as text.
    private let size: Int
    /// Shares repeated long texts among the rows read as text; made on first use.
    private var interner: ScalarInterner?
    /// The row being read as text.
    private var scratch = CSVCells()
    /// A row read ahead by ``readHeader()``, and its line.
    private var pending: CSVCells?
    private var pendingLine = 0
    /// The first line of the row ``nextRow(into:)`` read last.
    private var lastRowLine = 0

    /// How much of the file is read at a time (1 MB; tests use less to cross piece boundaries).
    let chunkSize: Int

    /// Opens the CSV file at `path`; `separator` nil takes the one the header line uses most.
    /// The file's first 64 KB are read at once (they give the separator), the rest `chunkSize`
    /// bytes at a time.
    init(path: String, separator: Character?, chunkSize: Int = 1 << 20) throws(RecordLoadError) {
        let reader = try InputReader(path: path)
        try self.init(
            path: path, head: reader.head, file: reader, size: reader.size, separator: separator,
            chunkSize: chunkSize)
    }

    /// Reads CSV `bytes` that came from `path`.
    init(bytes: [UInt8], path: String, separator: Character?) throws(RecordLoadError) {
        try self.init(path: path, head: bytes, file: nil, size: bytes.count, separator: separator, chunkSize: 1 << 20)
    }

    private init(
        path: String, head: [UInt8], file: InputReader?, size: Int, separator: Character?,
        chunkSize: Int
    ) throws(RecordLoadError) {
        self.path = path
        self.chunkSize = max(chunkSize, 1)
        self.file = file
        buffer = head
        atEnd = file == nil || head.count < InputReader.headSize
        self.size = size
        hasher.update(data: head)
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        let start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let chosen = separator ?? CSVTable.detectSeparator(String(decoding: head[start...], as: UTF8.self))
        guard let ascii = chosen.asciiValue, chosen.unicodeScalars.count == 1 else {
            throw RecordLoadError(
                file: path, message: "the separator must be a single character such as ';', ',' or a tab")
        }
        self.separator = ascii
        if let file, !atEnd {
            // The head was read by InputReader; the rest follows from where it stopped.
            descriptor = try file.rewound()
            guard lseek(descriptor, off_t(head.count), SEEK_SET) == off_t(head.count) else {
                throw RecordLoadError(file: path, message: InputReader.describe(errno: errno))
            }
        }
    }

    /// The column names of the header line (the first row), trimmed.
    ///
    /// - Throws: ``RecordLoadError`` for a file with nothing but blank space.
    mutating func readHeader() throws(RecordLoadError) -> [String] {
        var header = CSVCells()
        guard try nextRow(into: &header) != nil else {
            throw RecordLoadError(
                file: path, message: "the file is empty; a register needs a header line naming its columns")
        }
        if header.isBlank {
            // Blank lines only: empty. A blank first line before data is read as a blank header.
            var rest = CSVCells()
            var blank = true
            while blank, try nextRow(into: &rest) != nil { blank = rest.isBlank }
            if blank {
                throw RecordLoadError(
                    file: path, message: "the file is empty; a register needs a header line naming its columns")
            }
            pending = rest
            pendingLine = lastRowLine
        }
        return (0..<header.count).map(header.text)
    }

    /// Reads the next data row (blank rows skipped) into `cells` and returns its first line; nil
    /// at the end of the file.
    ///
    /// - Throws: ``RecordLoadError`` for a row with more cells than `columns` (the header's
    ///   count), besides what ``nextRow(into:)`` throws.
    mutating func nextDataRow(into cells: inout CSVCells, columns: Int) throws(RecordLoadError) -> Int? {
        while true {
            let start: Int
            if let row = pending {
                cells = row
                start = pendingLine
                pending = nil
            } else {
                guard let line = try nextRow(into: &cells) else { return nil }
                start = line
            }
            if cells.isBlank { continue }
            if cells.count > columns, (columns..<cells.count).contains(where: { !cells.isBlank($0) }) {
                throw RecordLoadError(
                    file: path, line: start, column: 1,
                    message:
                        "this row has \(cells.count) cells but the header names \(columns) columns; check the separator ('\(Character(Unicode.Scalar(separator)))') and the quotes"
                )
            }
            return start
        }
    }

    /// ``nextDataRow(into:columns:)-(CSVCells,_)`` with the cells as trimmed text, long repeated
    /// texts shared.
    mutating func nextDataRow(into cells: inout [String], columns: Int) throws(RecordLoadError) -> Int? {
        cells.removeAll(keepingCapacity: true)
        // The row's room is kept from one call to the next.
        var row = scratch
        scratch = CSVCells()
        defer { scratch = row }
        guard let start = try nextDataRow(into: &row, columns: columns) else { return nil }
        if interner == nil { interner = ScalarInterner(inputBytes: size) }
        for index in 0..<row.count { cells.append(row.text(index, interner: &interner!)) }
        return start
    }

    /// Lower-case hexadecimal SHA-256 of the bytes read so far (the whole file once
    /// ``nextRow(into:)`` has returned nil).
    var sha256: String { InputReader.hex(hasher.finalize()) }

    /// Reads the next row's cells (blank rows included) into `cells` and returns the line where
    /// the row starts; nil at the end of the file.
    ///
    /// - Throws: ``RecordLoadError`` for a quoted cell that is never closed, text that is not
    ///   UTF-8, or a file that cannot be read.
    mutating func nextRow(into cells: inout CSVCells) throws(RecordLoadError) -> Int? {
        cells.removeAll()
        guard try peek() != nil else { return nil }
        let start = line
        lastRowLine = start
        var quoted = false
        var cellStart = true
        var openLine = 0, openColumn = 0
        while let byte = try next() {
            if quoted {
                if byte == 0x22 {
                    if try peek() == 0x22 {
                        _ = try next()
                        cells.append(0x22)
                    } else {
                        quoted = false
                    }
                } else {
                    cells.append(byte)
                }
                continue
            }
            switch byte {
            case 0x22 where cellStart:
                quoted = true
                cellStart = false
                openLine = line
                openColumn = column - 1
            case separator:
                try endCell(&cells)
                cellStart = true
            case 0x0D:
                if try peek() == 0x0A { _ = try next() }
                try endCell(&cells)
                return start
            case 0x0A:
                try endCell(&cells)
                return start
            default:
                cells.append(byte)
                cellStart = false
            }
        }
        if quoted {
            throw RecordLoadError(
                file: path, line: openLine, column: openColumn,
                message:
                    "a quoted value starts here and is never closed; add the closing quote (\"), or write a quote inside a value as two quotes (\"\")"
            )
        }
        try endCell(&cells)
        return start
    }

    /// Ends the cell being read, which must be UTF-8.
    private func endCell(_ cells: inout CSVCells) throws(RecordLoadError) {
        let valid = cells.openCell.withUnsafeBufferPointer { bytes in
            !bytes.contains(where: { $0 >= 0x80 }) || String(validating: bytes, as: UTF8.self) != nil
        }
        guard valid else {
            throw RecordLoadError(
                file: path, line: lastRowLine, column: 1,
                message: "this row is not UTF-8 text; save the spreadsheet as \"CSV UTF-8\"")
        }
        cells.endCell()
    }

    /// The next byte without taking it.
    private mutating func peek() throws(RecordLoadError) -> UInt8? {
        if position == buffer.count {
            guard try refill() else { return nil }
        }
        return buffer[position]
    }

    /// Takes the next byte, keeping the line and column up to date (CR LF is one line break).
    @inline(__always)
    private mutating func next() throws(RecordLoadError) -> UInt8? {
        if position == buffer.count {
            guard try refill() else { return nil }
        }
        let byte = buffer[position]
        position += 1
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte == 0x0D {
            // CR LF counts once, at its LF.
            if try peek() != 0x0A {
                line += 1
                column = 1
            }
        } else {
            column += 1
        }
        return byte
    }

    /// Replaces the buffer with the next piece of the file; false at its end.
    private mutating func refill() throws(RecordLoadError) -> Bool {
        guard !atEnd, file != nil else { return false }
        var failure: Int32 = 0
        let capacity = chunkSize
        buffer = [UInt8](unsafeUninitializedCapacity: capacity) { storage, count in
            var filled = 0
            while filled < capacity {
                let n = read(descriptor, storage.baseAddress! + filled, capacity - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { break }
                filled += n
            }
            count = filled
        }
        if failure != 0 { throw RecordLoadError(file: path, message: InputReader.describe(errno: failure)) }
        if buffer.count < capacity { atEnd = true }
        position = 0
        hasher.update(data: buffer)
        return !buffer.isEmpty
    }
}
