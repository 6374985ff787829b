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
    /// The format comes from the extension (`.xml` or `.json`, any case); for any other name it is
    /// sniffed from the first non-whitespace byte (`<` for XML, `{` or `[` for JSON).
    ///
    /// - Parameters:
    ///   - path: The file to read.
    ///   - fileIndex: The value every ``SourceLocation/file`` of the loaded records carries.
    /// - Returns: The records, with one ``InputFile`` describing the file.
    /// - Throws: ``RecordLoadError`` when the file cannot be read or is not a valid export.
    public static func load(path: String, fileIndex: Int32 = 0) throws(RecordLoadError) -> RecordSet {
        let file = try InputBytes(path: path)
        let format: String
        switch file.extensionLowercased {
        case "xml": format = "xml"
        case "json": format = "json"
        default:
            switch file.firstSignificantByte {
            case UInt8(ascii: "<"): format = "xml"
            case UInt8(ascii: "{"), UInt8(ascii: "["): format = "json"
            case nil:
                throw RecordLoadError(file: path, message: "the file is empty; a records export must be XML or JSON")
            default:
                throw RecordLoadError(
                    file: path,
                    message: "cannot tell whether the file is XML or JSON: it does not end in .xml or .json and does not start with '<', '{' or '['")
            }
        }
        let root: Record
        let digest: String
        if format == "json" {
            // Hash on a second core while the first one parses.
            let bytes = file.bytes
            let hasher = BackgroundDigest(bytes)
            do {
                root = try JSONRecordLoader.load(bytes: bytes, path: path, fileIndex: fileIndex)
            } catch {
                _ = hasher.result()
                throw error
            }
            digest = hasher.result()
        } else {
            digest = file.sha256()
            root = try XMLRecordLoader.load(path: path, fileIndex: fileIndex)
        }
        let input = InputFile(path: path, format: format, sha256: digest, records: root.countRecords())
        return RecordSet(root: root, inputs: [input])
    }
}

/// The bytes of an input file, read once with plain POSIX calls.
struct InputBytes {
    let path: String
    let bytes: [UInt8]

    init(path: String) throws(RecordLoadError) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw RecordLoadError(file: path, message: InputBytes.describe(errno: errno))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw RecordLoadError(file: path, message: InputBytes.describe(errno: errno))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw RecordLoadError(file: path, message: "this is a folder, not a records export file")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw RecordLoadError(file: path, message: "this is not a regular file; give the path of a records export file")
        }
        var result: [UInt8] = []
        var capacity = max(Int(info.st_size), 0) + 1
        while true {
            // Read into a buffer one byte larger than expected, so a file that grows while it is
            // read is noticed and read to its end.
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
                throw RecordLoadError(file: path, message: InputBytes.describe(errno: failure))
            }
            if result.isEmpty { result = chunk } else { result.append(contentsOf: chunk) }
            if chunk.count < capacity { break }
            capacity = max(capacity, 1 << 20)
        }
        bytes = result
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
              !path[dot...].contains("/") else { return "" }
        return path[path.index(after: dot)...].lowercased()
    }

    /// The first byte after an optional UTF-8 byte order mark and whitespace.
    var firstSignificantByte: UInt8? {
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return bytes[index]
            }
        }
        return nil
    }

    func sha256() -> String { InputBytes.hex(SHA256.hash(data: bytes)) }

    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Computes the SHA-256 of a byte array on another thread.
final class BackgroundDigest: @unchecked Sendable {
    private var thread = pthread_t()
    private var started = false
    private let bytes: [UInt8]
    private var digest = ""

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        // Small files are hashed inline; threads cost more than they save there.
        guard bytes.count >= 1 << 20 else {
            digest = InputBytes.hex(SHA256.hash(data: bytes))
            return
        }
        let context = Unmanaged.passRetained(self).toOpaque()
        #if canImport(Darwin)
        var handle: pthread_t?
        started = pthread_create(&handle, nil, { raw in
            let me = Unmanaged<BackgroundDigest>.fromOpaque(raw).takeRetainedValue()
            me.digest = InputBytes.hex(SHA256.hash(data: me.bytes))
            return nil
        }, context) == 0
        if let handle { thread = handle }
        #else
        started = pthread_create(&thread, nil, { raw in
            guard let raw else { return nil }
            let me = Unmanaged<BackgroundDigest>.fromOpaque(raw).takeRetainedValue()
            me.digest = InputBytes.hex(SHA256.hash(data: me.bytes))
            return nil
        }, context) == 0
        #endif
        if !started {
            Unmanaged<BackgroundDigest>.fromOpaque(context).release()
            digest = InputBytes.hex(SHA256.hash(data: bytes))
        }
    }

    /// Waits for the hash and returns it as lower-case hexadecimal.
    func result() -> String {
        if started {
            pthread_join(thread, nil)
            started = false
        }
        return digest
    }
}

/// Leading and trailing whitespace removed, as both loaders store scalar text.
func trimmedScalar(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return text }
    return String(scalars[first...last])
}
