/// The static type of a rule-language expression, as far as the checker can know it.
public enum ValueType: String, Sendable, Equatable {
    case number, text, boolean, date, duration, list, record
    /// Not known before evaluation: a field of the export, whose text takes the type its use asks for.
    case any

    /// How the type is named in messages: "a date", "a number".
    public var phrase: String {
        switch self {
        case .number: return "a number"
        case .text: return "a text"
        case .boolean: return "a true/false value"
        case .date: return "a date"
        case .duration: return "a duration"
        case .list: return "a list"
        case .record: return "a record"
        case .any: return "a value"
        }
    }

    /// True when a value of this type may be used where `expected` is needed.
    public func fits(_ expected: ValueType) -> Bool {
        self == .any || expected == .any || self == expected
    }
}
