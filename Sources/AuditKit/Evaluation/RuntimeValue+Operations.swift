/// Comparison, arithmetic and display of runtime values. Every operation is total: a value of the
/// wrong kind gives `nil` / `.unknown`, never a crash.
extension RuntimeValue {
    /// The kind two values are compared as, decided by the typed side, or by what both texts read as.
    private enum ComparisonKind { case number, date, bool, text }

    private static func comparisonKind(_ lhs: RuntimeValue, _ rhs: RuntimeValue) -> ComparisonKind? {
        switch (lhs, rhs) {
        case (.number, _), (_, .number): return .number
        case (.date, _), (_, .date): return .date
        case (.bool, _), (_, .bool): return .bool
        case (.text(let a), .text(let b)):
            // Numbers and dates start with a digit, a sign or a point: other texts compare as text.
            if !mayReadAsNumberOrDate(a) || !mayReadAsNumberOrDate(b) { return .text }
            if parseNumber(a) != nil, parseNumber(b) != nil { return .number }
            if CalendarDate.parse(a) != nil, CalendarDate.parse(b) != nil { return .date }
            return .text
        case (.record, .record), (.record, .text), (.text, .record): return .text
        default: return nil
        }
    }

    /// False when `text` can be neither a number nor a date, by its first byte alone.
    @inline(__always)
    static func mayReadAsNumberOrDate(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return (first >= 0x30 && first <= 0x39) || first == 0x2D || first == 0x2B || first == 0x2E
    }

    /// Orders two values: negative, zero or positive; nil when they cannot be ordered.
    static func order(_ lhs: RuntimeValue, _ rhs: RuntimeValue) -> Int? {
        switch comparisonKind(lhs, rhs) {
        case .number:
            guard let a = lhs.number, let b = rhs.number else { return nil }
            return a < b ? -1 : (a > b ? 1 : 0)
        case .date:
            guard let a = lhs.date, let b = rhs.date else { return nil }
            return a < b ? -1 : (b < a ? 1 : 0)
        default:
            return nil
        }
    }

    /// Equality; nil when either side is absent or they cannot be compared.
    static func equals(_ lhs: RuntimeValue, _ rhs: RuntimeValue) -> Bool? {
        switch comparisonKind(lhs, rhs) {
        case .number, .date: return order(lhs, rhs).map { $0 == 0 }
        case .bool:
            guard let a = lhs.bool, let b = rhs.bool else { return nil }
            return a == b
        case .text:
            guard let a = lhs.identity, let b = rhs.identity else { return nil }
            return a == b
        case nil:
            return nil
        }
    }

    /// Text used for equality: a scalar's text, or a record's id.
    private var identity: String? {
        switch self {
        case .text(let text): return text
        case .record(let record): return record.id
        default: return nil
        }
    }

    /// `lhs + rhs` or `lhs - rhs`: numbers, or a date moved by a duration.
    static func add(_ lhs: RuntimeValue, _ rhs: RuntimeValue, sign: Int) -> RuntimeValue {
        if case .duration(let amount, let unit) = rhs, let date = lhs.date {
            return .date(date.moved(by: amount * sign, unit))
        }
        if sign > 0, case .duration(let amount, let unit) = lhs, let date = rhs.date {
            return .date(date.moved(by: amount, unit))
        }
        guard let a = lhs.number, let b = rhs.number else { return .unknown }
        return finite(a + Double(sign) * b)
    }

    /// `lhs * rhs` or `lhs / rhs`; division by zero gives unknown.
    static func multiply(_ lhs: RuntimeValue, _ rhs: RuntimeValue, divide: Bool) -> RuntimeValue {
        guard let a = lhs.number, let b = rhs.number else { return .unknown }
        if divide { return b == 0 ? .unknown : finite(a / b) }
        return finite(a * b)
    }

    static func finite(_ number: Double) -> RuntimeValue {
        number.isFinite ? .number(number) : .unknown
    }

    /// The value as written in an English message.
    var display: String { display(in: .en) }

    /// The value as written in a message in `language`; a text that is a code declared with
    /// `term` is written as the term's label in that language.
    func display(in language: Language, terms: Terms = Terms()) -> String {
        let french = language == .fr
        switch self {
        case .unknown: return french ? "(non renseigné)" : "(not recorded)"
        case .notExported: return french ? "non disponible dans l'export" : "not in the export"
        case .number(let number): return RuntimeValue.format(number, in: language)
        case .text(let text): return terms.label(text, in: language) ?? text
        case .bool(let bool): return bool ? (french ? "oui" : "yes") : (french ? "non" : "no")
        case .date(let date): return date.description
        case .duration(let amount, let unit):
            let names: [Expr.DurationUnit: (String, String, String, String)] = [
                .days: ("day", "days", "jour", "jours"), .weeks: ("week", "weeks", "semaine", "semaines"),
                .months: ("month", "months", "mois", "mois"), .years: ("year", "years", "an", "ans")
            ]
            let (one, many, un, plusieurs) = names[unit] ?? ("", "", "", "")
            let singular = french ? abs(amount) < 2 : abs(amount) == 1
            return "\(amount) \(singular ? (french ? un : one) : (french ? plusieurs : many))"
        case .list(let items):
            return items.isEmpty
                ? (french ? "(aucun)" : "(none)")
                : items.map { $0.display(in: language, terms: terms) }.joined(separator: ", ")
        case .record(let record): return record.id ?? (french ? "(enregistrement)" : "(record)")
        }
    }

    /// A number without trailing zeros: `3`, `2.5`, `0.33` (French: `2,5`).
    static func format(_ number: Double, in language: Language = .en) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        var text = String((number * 100).rounded() / 100)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return language == .fr ? String(text.map { $0 == "." ? "," : $0 }) : text
    }
}

extension CalendarDate {
    /// This date moved by an amount of a duration unit.
    func moved(by amount: Int, _ unit: Expr.DurationUnit) -> CalendarDate {
        var moved: CalendarDate
        switch unit {
        case .days: moved = adding(days: amount)
        case .weeks: moved = adding(days: amount * 7)
        case .months: moved = adding(months: amount)
        case .years: moved = adding(months: amount * 12)
        }
        moved.secondOfDay = secondOfDay
        moved.offsetSeconds = offsetSeconds
        return moved
    }
}
