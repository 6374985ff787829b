import Foundation

/// Resolves parameter values: the defaults of the rule files, replaced by `--param` overrides
/// read as the type of the default.
enum ParameterValues {
    static func resolve(
        declared: [String: ParameterDeclaration],
        overrides: [String: String]
    ) throws(AuditError) -> [String: Expr.Literal] {
        var values = declared.mapValues(\.defaultValue)
        for (name, text) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let declaration = declared[name] else {
                throw .unknownParameter(name, suggestion: NearMatch.best(for: name, among: declared.keys.sorted()))
            }
            values[name] = try read(text, like: declaration, name: name)
        }
        return values
    }

    /// `text` read as the type of the declaration's default, within its range.
    private static func read(_ text: String, like declaration: ParameterDeclaration, name: String)
        throws(AuditError) -> Expr.Literal
    {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch declaration.defaultValue {
        case .number:
            let expected =
                switch (declaration.minimum, declaration.maximum) {
                case (nil, nil): "a number"
                case (_?, _?): "a number \(declaration.rangeDescription)"  // from 0 to 1
                default: "a number of \(declaration.rangeDescription)"  // of at least 0
                }
            // `parseNumber` refuses infinities and NaN; a number past ±10¹⁵ is refused like one in a rule file.
            guard let number = RuntimeValue.parseNumber(trimmed), abs(number) < 1e15, declaration.allows(number) else {
                throw .invalidParameterValue(name: name, value: text, expected: expected)
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
            let units: [String: Expr.DurationUnit] = [
                "day": .days, "days": .days, "week": .weeks, "weeks": .weeks,
                "month": .months, "months": .months, "year": .years, "years": .years
            ]
            // Durations stay below 100,000 units, as computed ones do: dates moved further mean nothing.
            guard parts.count == 2, let amount = Int(parts[0]), abs(amount) < 100_000,
                let unit = units[parts[1].lowercased()]
            else {
                throw .invalidParameterValue(name: name, value: text, expected: "a duration such as '30 days'")
            }
            return .duration(amount, unit)
        case .text:
            return .text(text)
        }
    }
}
