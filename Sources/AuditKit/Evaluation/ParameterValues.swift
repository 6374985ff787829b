import Foundation

/// Resolves parameter values: the defaults of the rule files, replaced by `--param` overrides
/// read as the type of the default.
enum ParameterValues {
    static func resolve(declared: [String: ParameterDeclaration],
                        overrides: [String: String]) throws(AuditError) -> [String: Expr.Literal] {
        var values = declared.mapValues(\.defaultValue)
        for (name, text) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let declaration = declared[name] else {
                throw .unknownParameter(name, suggestion: NearMatch.best(for: name, among: declared.keys.sorted()))
            }
            values[name] = try read(text, like: declaration.defaultValue, name: name)
        }
        return values
    }

    private static func read(_ text: String, like example: Expr.Literal, name: String) throws(AuditError) -> Expr.Literal {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch example {
        case .number:
            guard let number = RuntimeValue.parseNumber(trimmed) else {
                throw .invalidParameterValue(name: name, value: text, expected: "a number")
            }
            return .number(number)
        case .bool:
            guard let bool = RuntimeValue.text(trimmed).bool else {
                throw .invalidParameterValue(name: name, value: text, expected: "true or false")
            }
            return .bool(bool)
        case .date:
            guard let date = CalendarDate.parse(trimmed) else {
                throw .invalidParameterValue(name: name, value: text, expected: "a date written YYYY-MM-DD")
            }
            return .date(date)
        case .duration:
            let parts = trimmed.split(separator: " ")
            let units: [String: Expr.DurationUnit] = ["day": .days, "days": .days, "week": .weeks, "weeks": .weeks,
                                                     "month": .months, "months": .months, "year": .years, "years": .years]
            guard parts.count == 2, let amount = Int(parts[0]), let unit = units[parts[1].lowercased()] else {
                throw .invalidParameterValue(name: name, value: text, expected: "a duration such as '30 days'")
            }
            return .duration(amount, unit)
        case .text:
            return .text(text)
        }
    }
}
