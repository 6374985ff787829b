/// The built-in functions of the rule language: their names, arguments and result types.
///
/// The checker validates calls against this table; the evaluator implements each case.
public enum BuiltinFunction: String, Sendable, CaseIterable {
    case count, share, min, max, sum, average
    case daysBetween = "days_between"
    case monthsBetween = "months_between"
    case date, length, missing
    case firstPresent = "first_present"
    case lower, contains, percent, claims, plural
    /// `if(condition, then, otherwise)`: the value chosen by a condition, such as the phrase a
    /// message shows for the one check of several that failed.
    case choice = "if"

    /// The name written in rule files.
    public var name: String { rawValue }

    /// Accepted argument counts.
    public var arity: ClosedRange<Int> {
        switch self {
        case .count, .share, .min, .max, .sum, .average, .date, .length, .lower, .percent: return 1...1
        case .daysBetween, .monthsBetween, .missing, .contains, .claims: return 2...2
        case .firstPresent: return 1...16
        case .plural, .choice: return 3...3
        }
    }

    /// The type each argument must have (the last entry repeats for variadic functions).
    public var argumentTypes: [ValueType] {
        switch self {
        case .count, .share, .min, .max, .sum, .average: return [.list]
        case .daysBetween, .monthsBetween: return [.date, .date]
        case .date: return [.any]
        case .length: return [.any]
        case .missing: return [.list, .list]
        case .firstPresent: return [.any]
        case .lower: return [.text]
        case .contains: return [.text, .text]
        case .percent: return [.number]
        case .claims: return [.list, .text]
        case .plural: return [.number, .text, .text]
        case .choice: return [.boolean, .any, .any]
        }
    }

    /// The result type (for `min`, `max`, `first_present` and `if` the checker may refine it).
    public var resultType: ValueType {
        switch self {
        case .count, .share, .sum, .average, .daysBetween, .monthsBetween, .length: return .number
        case .min, .max, .firstPresent, .choice: return .any
        case .date: return .date
        case .missing: return .list
        case .lower, .percent, .plural: return .text
        case .contains, .claims: return .boolean
        }
    }

    /// True for functions whose single argument must be written `x in LIST where COND`.
    public var requiresFilter: Bool { self == .share }

    /// Finds a function by the name written in a rule file.
    public init?(name: String) {
        guard let function = Self.byName[name] else { return nil }
        self = function
    }

    /// Every function by name: looked up faster than the names are compared one by one.
    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })
}
