/// Finds the columns of start tags and of their attributes in one pass over an XML file, for
/// error messages: libxml2 reports a line for a schema error but no useful column.
///
/// A start tag is known by the line where it ends and its rank among the start tags ending on
/// that line (``SchemaValidationState/TagKey``), as the SAX callbacks see it. Columns are 1-based
/// byte columns on that line; a tag that starts on an earlier line, or an attribute written on
/// another line, gets no column (0).
enum XMLTagScanner {
    /// The columns found.
    struct Columns {
        /// Start tag → column of its `<`.
        var elements: [SchemaValidationState.TagKey: Int] = [:]
        /// Start tag → attribute name → column of the name.
        var attributes: [SchemaValidationState.TagKey: [String: Int]] = [:]
        /// How many bytes the scan stepped over: each at most once.
        var steps = 0
    }

    /// The columns of the `wanted` start tags and of the named attributes of each, in `bytes`
    /// (UTF-8, a well-formed document).
    static func columns(in bytes: [UInt8], wanted: [SchemaValidationState.TagKey: Set<String>]) -> Columns {
        var found = Columns()
        bytes.withUnsafeBufferPointer { bytes in
            var scanner = Scanner(bytes: bytes)
            // Attributes of the current start tag: name start, name end, line, column.
            var attributes: [(start: Int, end: Int, line: Int, column: Int)] = []
            var endLine = 0, ordinal = 0
            while scanner.index < bytes.count {
                let byte = bytes[scanner.index]
                guard byte == UInt8(ascii: "<") else {
                    scanner.advance()
                    continue
                }
                if scanner.starts("<!--") {
                    scanner.skip(past: "-->")
                } else if scanner.starts("<![CDATA[") {
                    scanner.skip(past: "]]>")
                } else if scanner.starts("<?") {
                    scanner.skip(past: "?>")
                } else if scanner.starts("<!") || scanner.starts("</") {
                    scanner.skip(past: ">")
                } else {
                    let startLine = scanner.line
                    let startColumn = scanner.column
                    scanner.advance()
                    scanner.skipName()
                    attributes.removeAll(keepingCapacity: true)
                    while scanner.index < bytes.count {
                        scanner.skipSpace()
                        guard scanner.index < bytes.count else { break }
                        let next = bytes[scanner.index]
                        if next == UInt8(ascii: ">") || next == UInt8(ascii: "/") {
                            if next == UInt8(ascii: "/") { scanner.advance() }
                            break
                        }
                        let start = scanner.index, line = scanner.line, column = scanner.column
                        scanner.skipName()
                        attributes.append((start, scanner.index, line, column))
                        if scanner.index == start { scanner.advance() }  // not a name: never stall
                        scanner.skipSpace()
                        if scanner.index < bytes.count, bytes[scanner.index] == UInt8(ascii: "=") { scanner.advance() }
                        scanner.skipSpace()
                        if scanner.index < bytes.count,
                            bytes[scanner.index] == UInt8(ascii: "\"") || bytes[scanner.index] == UInt8(ascii: "'")
                        {
                            let quote = bytes[scanner.index]
                            scanner.advance()
                            scanner.skip(to: quote)
                        }
                    }
                    // At the ">" of the start tag: the line libxml2 gives it.
                    if scanner.line == endLine { ordinal += 1 } else { endLine = scanner.line; ordinal = 1 }
                    scanner.advance()
                    let key = SchemaValidationState.TagKey(line: endLine, ordinal: ordinal)
                    guard let names = wanted[key] else { continue }
                    found.elements[key] = startLine == endLine ? startColumn : 0
                    guard !names.isEmpty else { continue }
                    var columns: [String: Int] = [:]
                    for attribute in attributes where attribute.line == endLine {
                        let name = String(
                            decoding: UnsafeBufferPointer(rebasing: bytes[attribute.start..<attribute.end]),
                            as: UTF8.self)
                        if names.contains(name), columns[name] == nil { columns[name] = attribute.column }
                    }
                    found.attributes[key] = columns
                }
            }
            found.steps = scanner.steps
        }
        return found
    }

    /// A position in the bytes with its line and column; LF, CR LF and a lone CR end a line.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var line = 1
        var lineStart = 0
        var steps = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
        }

        var column: Int { index - lineStart + 1 }

        mutating func advance() {
            let byte = bytes[index]
            index += 1
            steps += 1
            if byte == 0x0A || (byte == 0x0D && (index == bytes.count || bytes[index] != 0x0A)) {
                line += 1
                lineStart = index
            }
        }

        func starts(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return false }
            return true
        }

        mutating func skip(past terminator: StaticString) {
            while index < bytes.count {
                if starts(terminator) {
                    for _ in 0..<terminator.utf8CodeUnitCount { advance() }
                    return
                }
                advance()
            }
        }

        /// Moves past the next `byte`.
        mutating func skip(to byte: UInt8) {
            while index < bytes.count {
                let current = bytes[index]
                advance()
                if current == byte { return }
            }
        }

        mutating func skipSpace() {
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
                advance()
            }
        }

        mutating func skipName() {
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ">")
                    || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
                {
                    return
                }
                advance()
            }
        }
    }
}
