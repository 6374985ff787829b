/// Writes JSON straight into UTF-8 bytes, laid out byte for byte as Foundation's `JSONEncoder`
/// lays it out with `.prettyPrinted`, `.sortedKeys` and `.withoutEscapingSlashes`: two spaces of
/// indentation per level, `"key" : value`, an empty array or object as `[` or `{`, an empty line,
/// then the closing bracket, strings escaped as that encoder escapes them.
///
/// It does not sort keys: callers write each object's members in the byte order of their keys,
/// which is the order `.sortedKeys` gives.
struct JSONWriter: ~Copyable {
    /// The bytes written so far.
    private var bytes: ByteBuffer
    /// Nesting depth of the container being written.
    private var depth = 0
    /// True while the container being written has no member or element yet.
    private var empty = true
    #if DEBUG
        /// The key of the member written last in the object being written.
        private var previousKey = ""
    #endif

    /// Where the bytes go a piece at a time.
    private let sink: (UnsafeRawBufferPointer) throws -> Void
    /// The first error the sink threw; nothing more is handed to it after one.
    private var sinkError: (any Error)?
    /// Bytes kept before they are handed to the sink (at the next line break).
    private static let pieceSize = 1 << 20

    /// Hands what it writes to `sink`, about a megabyte at a time (``finish()`` hands the rest).
    init(streamingTo sink: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.sink = sink
        bytes = ByteBuffer(capacity: Self.pieceSize + 64 * 1024)
    }

    /// Ends the output with a line break and hands the rest to the sink; throws the first error
    /// the sink threw.
    consuming func finish() throws {
        bytes.append(UInt8(ascii: "\n"))
        handOver()
        if let sinkError { throw sinkError }
    }

    /// Hands the bytes written so far to the sink and starts again from empty.
    private mutating func handOver() {
        if sinkError == nil {
            do { try bytes.withUnsafeBytes(sink) } catch { sinkError = error }
        }
        bytes.removeAll()
    }

    /// An object whose members `body` writes.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    /// An array whose elements `body` writes.
    mutating func array(_ body: (inout JSONWriter) -> Void) {
        container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), body)
    }

    /// An array of `values`.
    mutating func array<Element: JSONWritable>(_ values: [Element]) {
        array { json in
            for value in values { json.element(value) }
        }
    }

    /// A member of the object being written, named by the key its `Codable` conformance uses.
    mutating func member(_ key: some CodingKey, _ value: some JSONWritable) {
        memberKey(key)
        value.write(to: &self)
    }

    /// A member that is `null` when `value` is nil, as `encode(_:forKey:)` writes an optional.
    mutating func member(_ key: some CodingKey, orNull value: (some JSONWritable)?) {
        memberKey(key)
        if let value { value.write(to: &self) } else { null() }
    }

    /// A member left out when `value` is nil, as `encodeIfPresent(_:forKey:)` (and so a
    /// synthesized `Encodable` conformance) leaves it.
    mutating func member(_ key: some CodingKey, ifPresent value: (some JSONWritable)?) {
        guard let value else { return }
        member(key, value)
    }

    /// An element of the array being written.
    mutating func element(_ value: some JSONWritable) {
        separate()
        value.write(to: &self)
    }

    /// A string, escaped as `JSONEncoder` escapes it (``JSONEscaping``).
    mutating func string(_ text: String) {
        var text = text
        // Native strings are contiguous UTF-8: read them in place.
        text.withUTF8 { quoted($0) }
    }

    /// An integer in decimal.
    mutating func int(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes.reverse(from: start)
    }

    /// `true` or `false`.
    mutating func bool(_ value: Bool) {
        bytes.append(value ? "true" : "false")
    }

    /// `null`.
    mutating func null() {
        bytes.append("null")
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout JSONWriter) -> Void) {
        bytes.append(open)
        let outer = empty
        empty = true
        #if DEBUG
            let outerKey = previousKey
            defer { previousKey = outerKey }
        #endif
        depth += 1
        body(&self)
        depth -= 1
        if empty { bytes.append(UInt8(ascii: "\n")) }
        newline()
        bytes.append(close)
        empty = outer
    }

    /// The comma (after the first member or element), the line break and the indentation.
    private mutating func separate() {
        if empty {
            empty = false
            newline()
        } else {
            lineStart(from: 0)
        }
    }

    /// The line break and the indentation.
    private mutating func newline() {
        lineStart(from: 1)
    }

    /// `,`, the line break and the indentation from `start` (0 with the comma, 1 without).
    private mutating func lineStart(from start: Int) {
        if bytes.count >= Self.pieceSize { handOver() }
        let lineStarts: StaticString = ",\n                                                                "
        lineStarts.withUTF8Buffer { lineStarts in
            let end = 2 + 2 * depth
            bytes.append(UnsafeBufferPointer(rebasing: lineStarts[start..<min(end, lineStarts.count)]))
            for _ in lineStarts.count..<max(end, lineStarts.count) { bytes.append(UInt8(ascii: " ")) }
        }
    }

    /// A member whose key is known only when writing (a dictionary's), escaped as a string is.
    mutating func member(named key: String, _ value: some JSONWritable) {
        separate()
        var key = key
        key.withUTF8 { quoted($0) }
        bytes.append(" : ")
        value.write(to: &self)
    }

    /// The key in quotes and the separator; keys are plain words that need no escaping. In a
    /// debug build, a key that does not follow the one before in byte order stops the program:
    /// members are written in the order `.sortedKeys` gives.
    private mutating func memberKey(_ key: some CodingKey) {
        var name = key.stringValue
        #if DEBUG
            precondition(
                empty || previousKey.utf8.lexicographicallyPrecedes(name.utf8),
                "JSON member \(name) written after \(previousKey)")
            previousKey = name
        #endif
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8 { bytes.append($0) }
        bytes.append("\" : ")
    }

    /// `utf8` in quotes, escaped as ``JSONEscaping`` escapes every JSON string.
    private mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        JSONEscaping.quote(utf8) { bytes.append($0) }
    }
}

/// A value that writes itself with a ``JSONWriter``, exactly as its `Encodable` conformance
/// encodes it with `JSONEncoder`.
protocol JSONWritable {
    func write(to json: inout JSONWriter)
}

extension String: JSONWritable {
    func write(to json: inout JSONWriter) { json.string(self) }
}

extension Int: JSONWritable {
    func write(to json: inout JSONWriter) { json.int(self) }
}

extension Bool: JSONWritable {
    func write(to json: inout JSONWriter) { json.bool(self) }
}

extension Dictionary: JSONWritable where Key == String, Value: JSONWritable {
    /// An object with the keys in byte order, as `.sortedKeys` writes them.
    func write(to json: inout JSONWriter) {
        let members = sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        json.object { json in
            for (key, value) in members { json.member(named: key, value) }
        }
    }
}

extension Array: JSONWritable where Element: JSONWritable {
    func write(to json: inout JSONWriter) { json.array(self) }
}

/// Enumerations encoded as their raw text.
extension JSONWritable where Self: RawRepresentable, RawValue == String {
    func write(to json: inout JSONWriter) { json.string(rawValue) }
}
