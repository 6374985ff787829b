/// Finds the column of an element's start tag after the fact, for error messages.
///
/// libxml2's SAX2 parser gives the line where a start tag ends but no column. Errors are rare, so
/// when one concerns an element the loader rereads the file and counts start tags on that line.
enum XMLElementColumn {
    /// The 1-based byte column of the `ordinal`-th (1-based) start tag on `line`, or 0 when the
    /// file cannot be reread or has no such tag there.
    static func find(path: String, line: Int, ordinal: Int) -> Int {
        guard line > 0, ordinal > 0,
            let reader = try? InputReader(path: path),
            let raw = try? reader.readAll()
        else { return 0 }
        let bytes = XMLRecordLoader.utf16Transcoded(raw) ?? raw
        return find(in: bytes, line: line, ordinal: ordinal)
    }

    /// The same, over the bytes of a file.
    static func find(in bytes: [UInt8], line target: Int, ordinal: Int) -> Int {
        var line = 1
        var lineStart = 0
        var seen = 0
        var index = 0
        func starts(_ text: StaticString, at position: Int) -> Bool {
            let count = text.utf8CodeUnitCount
            guard position + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[position + offset] != text.utf8Start[offset] { return false }
            return true
        }
        /// Moves past `terminator`, counting lines.
        func skip(past terminator: StaticString) {
            while index < bytes.count {
                if starts(terminator, at: index) {
                    index += terminator.utf8CodeUnitCount
                    return
                }
                if bytes[index] == 0x0A {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
        }
        while index < bytes.count, line <= target {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                index += 1
                lineStart = index
            } else if byte == UInt8(ascii: "<") {
                if starts("<!--", at: index) {
                    skip(past: "-->")
                } else if starts("<![CDATA[", at: index) {
                    skip(past: "]]>")
                } else if starts("<?", at: index) {
                    skip(past: "?>")
                } else if starts("<!", at: index) || starts("</", at: index) {
                    index += 2
                } else {
                    if line == target {
                        seen += 1
                        if seen == ordinal { return index - lineStart + 1 }
                    }
                    index += 1
                }
            } else {
                index += 1
            }
        }
        return 0
    }
}
