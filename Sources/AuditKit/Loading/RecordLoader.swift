import Crypto
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Loads records exports (XML or JSON) into a ``RecordSet``.
///
/// Both spellings of the same records give the same tree of ``Value``s; only the
/// ``SourceLocation``s differ. The input file is only ever read.
public enum RecordLoader {
    /// Loads one export file.
    ///
    /// The format comes from the extension (`.xml`, `.json` or `.xlsx`, any case); for any other
    /// name it is sniffed: a ZIP archive is read as a workbook (``WorkbookLoader``), otherwise the
    /// first non-whitespace byte tells (`<` for XML, `{` or `[` for JSON). An encrypted workbook
    /// or an old `.xls` file is refused with a message saying what to do.
    ///
    /// - Parameters:
    ///   - path: The file to read.
    ///   - fileIndex: The value every ``SourceLocation/file`` of the loaded records carries.
    ///   - names: The run's table, where the records' names go (give every file of a run the
    ///     same table).
    /// - Returns: The records, with one ``InputFile`` describing the file.
    /// - Throws: ``RecordLoadError`` when the file cannot be read or is not a valid export.
    public static func load(path: String, fileIndex: Int32 = 0, names: NameTable = NameTable()) throws(RecordLoadError)
        -> RecordSet
    {
        let file = try InputReader(path: path)
        if isWorkbook(file) {
            return try WorkbookLoader.load(path: path, names: names).shiftingFiles(to: fileIndex)
        }
        let format: InputFormat
        switch file.extensionLowercased {
        case "xml": format = .xml
        case "json": format = .json
        default:
            switch file.firstSignificantByte {
            case UInt8(ascii: "<"): format = .xml
            case UInt8(ascii: "{"), UInt8(ascii: "["): format = .json
            case nil:
                throw RecordLoadError(file: path, message: "the file is empty; a records export must be XML or JSON")
            default:
                throw RecordLoadError(
                    file: path,
                    message:
                        "cannot tell whether the file is XML or JSON: it does not end in .xml or .json and does not start with '<', '{' or '['"
                )
            }
        }
        let root: Record
        let digest: String
        if format == .json {
            // Read and hashed on a second core a little ahead of the parser, and handed back to
            // the system behind it: the file is never in memory whole beside the tree.
            let stream = file.streamed()
            do {
                root = try JSONRecordLoader.load(
                    stream: stream, size: file.size, path: path, fileIndex: fileIndex, names: names)
            } catch {
                // A file that could not be read to its end looks cut short to the parser: say why.
                throw stream.readFailure() ?? error
            }
            digest = try stream.digest()
        } else {
            // libxml2 streams the file itself; hash it in chunks rather than holding it in memory.
            if file.head.isEmpty || (file.firstSignificantByte == nil && file.head.count < InputReader.headSize) {
                throw RecordLoadError(
                    file: path,
                    message: "the file is empty; a records export must be XML with a <records> element, or JSON")
            }
            if let place = XMLRecordLoader.doctypePosition(in: file.head) {
                throw XMLRecordLoader.doctypeError(path: path, line: place.line, column: place.column)
            }
            // Parse the descriptor already open, so the file hashed is the file parsed even if
            // the path is replaced meanwhile. The hash is computed on a second core while libxml2
            // parses; it reads the same descriptor with pread, which leaves the offset libxml2
            // reads at alone.
            let descriptor = try file.rewound()
            let hasher = BackgroundDigest(descriptor: descriptor, path: path, size: file.size)
            do {
                root = try XMLRecordLoader.load(descriptor: descriptor, path: path, fileIndex: fileIndex, names: names)
            } catch {
                hasher.cancel()
                throw error
            }
            digest = try hasher.checkedResult()
        }
        let input = InputFile(path: path, format: format, sha256: digest, records: root.countRecords())
        return RecordSet(root: root, inputs: [input], names: names)
    }
}

extension RecordLoader {
    /// True for an Excel workbook by its name (`.xlsx`, `.xlsm`, `.xls`) or its first bytes (a ZIP
    /// archive, or the compound file of an encrypted workbook or `.xls`).
    static func isWorkbook(_ file: InputReader) -> Bool {
        if ["xlsx", "xlsm", "xls"].contains(file.extensionLowercased) { return true }
        return file.head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || file.head.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
    }
}

extension RecordSet {
    /// The same records with every location's file index moved up by `first` (for a set loaded
    /// on its own and given a place in a longer list of inputs).
    func shiftingFiles(to first: Int32) -> RecordSet {
        guard first != 0 else { return self }
        var copy = self
        var shift = FileShift(offset: first)
        copy.root = shift.record(root)
        return copy
    }
}

/// An open input file: its first bytes for sniffing, then either all of it or a digest of it.
/// Reads with plain POSIX calls and never writes.
final class InputReader {
    let path: String
    /// The first bytes of the file (up to ``headSize``; all of it when it is smaller).
    private(set) var head: [UInt8] = []
    private let descriptor: Int32
    private let expectedSize: Int
    /// The file's size when it was opened.
    var size: Int { expectedSize }
    private var atEnd = false
    static let headSize = 64 * 1024

    init(path: String) throws(RecordLoadError) {
        self.path = path
        // Non-blocking: opening a named pipe would otherwise wait for a writer before the type
        // check below could refuse it. Reads from a regular file are not affected.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw RecordLoadError(file: path, message: InputReader.describe(errno: errno))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw RecordLoadError(file: path, message: InputReader.describe(errno: code))
        }
        guard (info.st_mode & S_IFMT) != S_IFDIR else {
            close(descriptor)
            throw RecordLoadError(file: path, message: "this is a folder, not a records export file")
        }
        if let kind = RegularFile.kind(mode: info.st_mode) {
            close(descriptor)
            throw RecordLoadError(
                file: path, message: "this is \(kind), not a regular file; give the path of a records export file")
        }
        self.descriptor = descriptor
        self.expectedSize = max(Int(info.st_size), 0)
        head = try readChunk(capacity: InputReader.headSize)
    }

    deinit { close(descriptor) }

    /// Reads up to `capacity` bytes; fewer only at the end of the file.
    private func readChunk(capacity: Int) throws(RecordLoadError) -> [UInt8] {
        guard !atEnd else { return [] }
        var failure: Int32 = 0
        let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            var filled = 0
            while filled < capacity {
                let n = read(descriptor, buffer.baseAddress! + filled, capacity - filled)
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
        if failure != 0 {
            throw RecordLoadError(file: path, message: InputReader.describe(errno: failure))
        }
        if chunk.count < capacity { atEnd = true }
        return chunk
    }

    /// The whole file.
    func readAll() throws(RecordLoadError) -> [UInt8] {
        var bytes = head
        guard !atEnd else { return bytes }
        // One read for the rest as the size was when opened, then more if the file grew.
        bytes.append(contentsOf: try readChunk(capacity: max(expectedSize - bytes.count, 0) + 1))
        while !atEnd { bytes.append(contentsOf: try readChunk(capacity: 1 << 20)) }
        return bytes
    }

    /// The rest of the file, read on another thread a little ahead of its parser.
    func streamed() -> StreamedFileBuffer {
        StreamedFileBuffer(descriptor: descriptor, head: head, size: expectedSize, path: path)
    }

    /// The open descriptor, moved back to the start of the file, for a parser that reads it itself.
    func rewound() throws(RecordLoadError) -> Int32 {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw RecordLoadError(file: path, message: InputReader.describe(errno: errno))
        }
        return descriptor
    }

    /// Lower-case hexadecimal SHA-256 of the whole file, read in chunks.
    func streamDigest() throws(RecordLoadError) -> String {
        var hasher = SHA256()
        hasher.update(data: head)
        while !atEnd { hasher.update(data: try readChunk(capacity: 1 << 20)) }
        return InputReader.hex(hasher.finalize())
    }

    /// Lower-case hexadecimal SHA-256 of the whole file open at `descriptor`, read with pread
    /// (the descriptor's offset does not move), in chunks; nil once `isCancelled` says so (it is
    /// asked before each chunk).
    static func positionalDigest(
        descriptor: Int32, path: String, isCancelled: () -> Bool = { false }
    ) -> Result<String, RecordLoadError>? {
        var hasher = SHA256()
        let capacity = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var offset: off_t = 0
        while true {
            if isCancelled() { return nil }
            let n = pread(descriptor, buffer.baseAddress!, capacity, offset)
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(RecordLoadError(file: path, message: InputReader.describe(errno: errno)))
            }
            if n == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            offset += off_t(n)
        }
        return .success(InputReader.hex(hasher.finalize()))
    }

    static func describe(errno code: Int32) -> String {
        switch code {
        case ENOENT: return "the file does not exist"
        case EACCES, EPERM: return "the file cannot be read: permission denied"
        case EISDIR: return "this is a folder, not a records export file"
        default:
            let reason = strerror(code).map { String(cString: $0) } ?? "error \(code)"
            return "the file cannot be read: \(reason)"
        }
    }

    var extensionLowercased: String {
        guard let dot = path.lastIndex(of: "."),
            !path[dot...].contains("/")
        else { return "" }
        return path[path.index(after: dot)...].lowercased()
    }

    /// The first byte after an optional UTF-8 byte order mark and whitespace.
    var firstSignificantByte: UInt8? {
        var index = 0
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { index = 3 }
        while index < head.count {
            switch head[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return head[index]
            }
        }
        return nil
    }

    /// Lower-case hexadecimal of the first `prefix` bytes of `digest` (all of them by default).
    static func hex(_ digest: SHA256.Digest, prefix: Int = SHA256.byteCount) -> String {
        digest.withUnsafeBytes { bytes in
            let count = min(prefix, bytes.count)
            return String(unsafeUninitializedCapacity: count * 2) { out in
                for index in 0..<count {
                    let byte = bytes[index]
                    out[2 * index] = hexDigit(byte >> 4)
                    out[2 * index + 1] = hexDigit(byte & 15)
                }
                return count * 2
            }
        }
    }

    /// The ASCII code of one lower-case hexadecimal digit (`value` below 16).
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 48 + value : 87 + value
    }
}

/// Computes the SHA-256 of an open file, on a ``WorkerThread`` when it is large.
final class BackgroundDigest: @unchecked Sendable {
    private struct State {
        /// Set when the digest is no longer wanted: the hashing stops at its next chunk.
        var cancelled = false
        var outcome: Result<String, RecordLoadError>?
    }
    private let hashing = WorkerThread(State())

    /// Hashes the whole file open at `descriptor` (with pread; its offset does not move).
    init(descriptor: Int32, path: String, size: Int) {
        // Small inputs are hashed inline; threads cost more than they save there.
        let threaded =
            size >= 1 << 20
            && hashing.start { hashing in
                let outcome = InputReader.positionalDigest(descriptor: descriptor, path: path) {
                    hashing.withLock { $0.cancelled }
                }
                hashing.withLock { $0.outcome = outcome }
            }
        if !threaded {
            let outcome = InputReader.positionalDigest(descriptor: descriptor, path: path)
            hashing.withLock { $0.outcome = outcome }
        }
    }

    /// Waits for the hash and returns it as lower-case hexadecimal.
    func checkedResult() throws(RecordLoadError) -> String {
        hashing.join()
        return try (hashing.withLock { $0.outcome } ?? .success("")).get()
    }

    /// Stops the hashing (the load failed) and waits for its thread to end.
    func cancel() {
        hashing.withLock { $0.cancelled = true }
        hashing.join()
    }
}

/// Leading and trailing whitespace removed, as both loaders store scalar text.
func trimmedScalar(_ text: String) -> String {
    let utf8 = text.utf8
    if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
        return text  // the common case: nothing to trim, and no need to look at Unicode properties
    }
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return text }
    return String(scalars[first...last])
}

/// The UTF-8 `bytes` as text, leading and trailing whitespace removed as ``trimmedScalar(_:)`` does.
func trimmedScalar(bytes: UnsafeBufferPointer<UInt8>) -> String {
    var decoder = ScalarInterner(inputBytes: 0)
    return trimmedScalar(bytes: bytes, interner: &decoder)
}

/// ``trimmedScalar(bytes:)``, sharing repeated long texts through `interner`.
func trimmedScalar(bytes: UnsafeBufferPointer<UInt8>, interner: inout ScalarInterner) -> String {
    let (inner, plain) = trimmedScalarBytes(bytes)
    if plain { return interner.text(inner) }
    // Other whitespace (non-breaking spaces, vertical tabs…) is rare: let the general rule decide.
    return trimmedScalar(String(decoding: inner, as: UTF8.self))
}

/// The UTF-8 `bytes` of a scalar without the ASCII spaces, tabs and line breaks at its ends;
/// `plain` when what is left starts and ends with a visible ASCII character, so that no other
/// trimming applies and the bytes are the scalar as ``trimmedScalar(_:)`` gives it.
@inline(__always)
func trimmedScalarBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> (bytes: UnsafeBufferPointer<UInt8>, plain: Bool) {
    @inline(__always) func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }
    var start = 0, end = bytes.count
    while start < end, isSpace(bytes[start]) { start += 1 }
    while end > start, isSpace(bytes[end - 1]) { end -= 1 }
    let inner = UnsafeBufferPointer(rebasing: bytes[start..<end])
    guard let first = inner.first, let last = inner.last else { return (inner, false) }
    return (inner, first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80)
}
