/// A value while a rule is evaluated: an export value given a type by its use, or a computed one.
enum RuntimeValue: Sendable {
    /// Absent data, or a value that cannot be computed (an invalid date, a division by zero).
    case unknown
    /// A field the export says it does not contain, read for a message (``ExportedFields``): it
    /// behaves as ``unknown`` and is written "not in the export". Conditions never see it.
    case notExported
    case number(Double)
    case text(String)
    case bool(Bool)
    case date(CalendarDate)
    case duration(Int, Expr.DurationUnit)
    case list(RuntimeList)
    case record(Record)

    /// Wraps a value read from the export.
    init(_ value: Value?) {
        switch value {
        case nil: self = .unknown
        case .text(let text)?: self = .text(text)
        case .list(let items)?: self = .list(RuntimeList(exported: items))
        case .record(let record)?: self = .record(record)
        }
    }

    /// Wraps a literal written in a rule.
    init(_ literal: Expr.Literal) {
        switch literal {
        case .number(let number): self = .number(number)
        case .text(let text): self = .text(text)
        case .bool(let bool): self = .bool(bool)
        case .date(let date): self = .date(date)
        case .duration(let amount, let unit): self = .duration(amount, unit)
        }
    }

    /// True for ``notExported``.
    var isNotExported: Bool {
        if case .notExported = self { return true }
        return false
    }

    /// The value as a number, when it is one or is text that reads as one.
    var number: Double? {
        switch self {
        case .number(let number): return number.isFinite ? number : nil
        case .text(let text): return RuntimeValue.parseNumber(text)
        default: return nil
        }
    }

    /// The value as a date, when it is one or is text that reads as one.
    var date: CalendarDate? {
        switch self {
        case .date(let date): return date
        case .text(let text): return CalendarDate.parse(text)
        default: return nil
        }
    }

    /// The value as a boolean, when it is one or is the text `true` or `false`.
    var bool: Bool? {
        switch self {
        case .bool(let bool): return bool
        case .text(let text): return RuntimeValue.parseBool(text)
        default: return nil
        }
    }

    /// The items, treating absent as an empty list and a single value as a list of one.
    var items: RuntimeList {
        switch self {
        case .unknown, .notExported: return .empty
        case .list(let items): return items
        default: return RuntimeList([self])
        }
    }

    /// True when the value exists: not absent, not blank text, not an empty list.
    var isPresent: Bool {
        switch self {
        case .unknown, .notExported: return false
        case .text(let text):
            // Loaders trim scalars, so text almost always starts with a visible ASCII character.
            if let first = text.utf8.first, first > 0x20, first < 0x7F { return true }
            return !text.allSatisfy(\.isWhitespace)
        case .list(let items): return !items.isEmpty
        default: return true
        }
    }

    /// The record, when this is one.
    var record: Record? {
        if case .record(let record) = self { return record }
        return nil
    }

    /// `text.lowercased()`, without Unicode's case tables for ASCII texts (whose only lower-case
    /// mappings are A–Z to a–z): the text itself when it has no capital, else its bytes with the
    /// capitals lowered. Codes and channels are read through `lower()` for every record.
    static func lowercased(_ text: String) -> String {
        var text = text
        let capitals = text.withUTF8 { bytes -> Int? in
            var capitals = 0
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte >= 0x41 && byte <= 0x5A { capitals += 1 }
            }
            return capitals
        }
        guard let capitals else { return text.lowercased() }
        if capitals == 0 { return text }
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for index in 0..<bytes.count {
                    let byte = bytes[index]
                    buffer[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                }
                return bytes.count
            }
        }
    }

    /// `true` or `false` in any case; nil for anything else. Only ASCII letters lower-case to
    /// these words, so comparing bytes gives the same answer as `lowercased()` without a copy.
    static func parseBool(_ text: String) -> Bool? {
        let utf8 = text.utf8
        let count = utf8.count
        guard count == 4 || count == 5 else { return nil }
        var word: UInt64 = 0
        for byte in utf8 {
            guard byte < 0x80 else { return nil }
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            word = word << 8 | UInt64(lower)
        }
        if word == 0x74_72_75_65 { return true }  // "true"
        if word == 0x66_61_6C_73_65 { return false }  // "false"
        return nil
    }

    /// Strict decimal number syntax: `-12`, `3.5`, `1e3`; nothing else (no `nan`, `inf`, hex).
    static func parseNumber(_ text: String) -> Double? {
        var copy = text
        let valid = copy.withUTF8 { bytes -> Bool in
            var index = 0
            func digits() -> Int {
                let start = index
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
                return index - start
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                index += 1
            }
            var mantissa = digits()
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                mantissa += digits()
            }
            guard mantissa > 0 else { return false }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                    index += 1
                }
                guard digits() > 0 else { return false }
            }
            return index == bytes.count
        }
        guard valid, let number = Double(text), number.isFinite else { return nil }
        return number
    }
}
