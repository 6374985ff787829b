/// A day-month-year date layout such as `dd/mm/yyyy`, `dd.mm.yyyy` or `yyyy/mm/dd`, used by
/// mappings to turn spreadsheet dates into ISO 8601.
public struct DateFormat: Sendable, Equatable, CustomStringConvertible {
    /// One part of a date.
    public enum Part: Sendable, Equatable { case day, month, year }

    /// The order of the three parts.
    public var order: [Part]
    /// The layout as written in the mapping.
    public var description: String

    /// Parses a layout made of `dd`, `mm` and `yyyy` (or `d`, `m`, `yy`… in any case) separated
    /// by punctuation or spaces; nil when it is not one.
    public init?(_ layout: String) {
        var order: [Part] = []
        var current = ""
        func flush() -> Bool {
            defer { current = "" }
            guard !current.isEmpty else { return true }
            let letters = Set(current)
            guard letters.count == 1, let letter = letters.first else { return false }
            let part: Part
            switch letter {
            case "d": part = .day
            case "m": part = .month
            case "y": part = .year
            default: return false
            }
            guard !order.contains(part) else { return false }
            order.append(part)
            return true
        }
        for character in layout.lowercased() {
            if character.isLetter {
                if let last = current.last, last != character { guard flush() else { return nil } }
                current.append(character)
            } else {
                guard flush() else { return nil }
            }
        }
        guard flush(), order.count == 3 else { return nil }
        self.order = order
        self.description = layout
    }

    /// The ISO 8601 text of `text` read with this layout (`15/03/2026` → `2026-03-15`; a time after
    /// the date, `15/03/2026 09:30`, is kept: `2026-03-15T09:30:00`); nil when `text` is not a
    /// real date in this layout. Fractions of a second (`09:30:00.123456`, as ERPNext writes
    /// its timestamps) are dropped.
    public func iso(_ text: String) -> String? {
        var text = Substring(text)
        if let dot = text.lastIndex(of: "."), text[..<dot].contains(":") {
            let fraction = text[text.index(after: dot)...]
            if !fraction.isEmpty, fraction.count <= 9, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) {
                text = text[..<dot]
            }
        }
        var groups: [Int] = []
        var digits = 0
        var value = 0
        var count = 0
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                value = value * 10 + digit
                digits += 1
                guard digits <= 4 else { return nil }
            } else {
                if digits > 0 { groups.append(value) }
                digits = 0
                value = 0
                guard
                    character == " " || character == "/" || character == "." || character == "-" || character == ":"
                        || character == "T"
                else { return nil }
            }
            count += 1
        }
        if digits > 0 { groups.append(value) }
        guard groups.count == 3 || groups.count == 5 || groups.count == 6, count <= 40 else { return nil }
        var year = 0, month = 0, day = 0
        for (part, number) in zip(order, groups) {
            switch part {
            case .day: day = number
            case .month: month = number
            case .year: year = number < 100 ? 2000 + number : number
            }
        }
        guard let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        guard groups.count > 3 else { return date.description }
        let hour = groups[3], minute = groups[4], second = groups.count == 6 ? groups[5] : 0
        guard hour < 24, minute < 60, second < 60 else { return nil }
        func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return "\(date.description)T\(two(hour)):\(two(minute)):\(two(second))"
    }
}
