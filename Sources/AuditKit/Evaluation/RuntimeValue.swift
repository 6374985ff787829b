/// A value while a rule is evaluated: an export value given a type by its use, or a computed one.
enum RuntimeValue {
    /// Absent data, or a value that cannot be computed (an invalid date, a division by zero).
    case unknown
    case number(Double)
    case text(String)
    case bool(Bool)
    case date(CalendarDate)
    case duration(Int, Expr.DurationUnit)
    case list([RuntimeValue])
    case record(Record)

    /// Wraps a value read from the export.
    init(_ value: Value?) {
        switch value {
        case nil: self = .unknown
        case .text(let text)?: self = .text(text)
        case .list(let items)?: self = .list(items.map { RuntimeValue($0) })
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
        case .text(let text):
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// The items, treating absent as an empty list and a single value as a list of one.
    var items: [RuntimeValue] {
        switch self {
        case .unknown: return []
        case .list(let items): return items
        default: return [self]
        }
    }

    /// True when the value exists: not absent, not blank text, not an empty list.
    var isPresent: Bool {
        switch self {
        case .unknown: return false
        case .text(let text): return !text.allSatisfy(\.isWhitespace)
        case .list(let items): return !items.isEmpty
        default: return true
        }
    }

    /// The record, when this is one.
    var record: Record? {
        if case .record(let record) = self { return record }
        return nil
    }

    /// Strict decimal number syntax: `-12`, `3.5`, `1e3`; nothing else (no `nan`, `inf`, hex).
    static func parseNumber(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        var mantissa = digits()
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            mantissa += digits()
        }
        guard mantissa > 0 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            guard digits() > 0 else { return nil }
        }
        guard index == bytes.count, let number = Double(text), number.isFinite else { return nil }
        return number
    }
}
