/// How every JSON text auditready writes (reports, record exports, schemas) spells a string: in
/// quotes, `"` and `\` escaped with a backslash, control characters as `\b`, `\t`, `\n`, `\f`,
/// `\r` or `\u00xx` (lower-case hexadecimal), everything else (`/`, DEL and non-ASCII included)
/// as it is — as Foundation's `JSONEncoder` spells it with `.withoutEscapingSlashes`.
enum JSONEscaping {
    /// Hands `utf8` in quotes to `emit`, a run of bytes at a time: the runs that need no escape
    /// as they are, each escape sequence on its own.
    @inline(__always)
    static func quote(_ utf8: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        let quote: StaticString = "\""
        quote.withUTF8Buffer(emit)
        var start = 0
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if start < index { emit(UnsafeBufferPointer(rebasing: utf8[start..<index])) }
            escape(byte, emit)
            start = index + 1
        }
        if start < utf8.count { emit(UnsafeBufferPointer(rebasing: utf8[start...])) }
        quote.withUTF8Buffer(emit)
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var text = text
        var out = ""
        out.reserveCapacity(text.utf8.count + 2)
        // Native strings are contiguous UTF-8: read them in place.
        text.withUTF8 { utf8 in quote(utf8) { out += String(decoding: $0, as: UTF8.self) } }
        return out
    }

    /// The escape sequence of a byte below 0x20, `"` or `\`.
    @inline(__always)
    private static func escape(_ byte: UInt8, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        let sequence: StaticString
        switch byte {
        case UInt8(ascii: "\""): sequence = "\\\""
        case UInt8(ascii: "\\"): sequence = "\\\\"
        case 0x08: sequence = "\\b"
        case 0x09: sequence = "\\t"
        case 0x0A: sequence = "\\n"
        case 0x0C: sequence = "\\f"
        case 0x0D: sequence = "\\r"
        default:
            controlEscapes.withUTF8Buffer { table in
                let start = Int(byte) * 6
                emit(UnsafeBufferPointer(rebasing: table[start..<start + 6]))
            }
            return
        }
        sequence.withUTF8Buffer(emit)
    }

    /// `\u0000` to `\u001f`, six bytes each.
    private static let controlEscapes: StaticString = """
        \\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\u0008\\u0009\\u000a\\u000b\\u000c\\u000d\\u000e\\u000f\
        \\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f
        """
}
