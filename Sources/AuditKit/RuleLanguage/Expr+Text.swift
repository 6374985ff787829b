import Foundation

/// An expression written back in the rule language, in one canonical spelling: the name of a
/// message argument (`count(complaints)`, `complaint.received_on`) in reports.
extension Expr {
    public var canonicalText: String { text(parent: 0) }

    /// Binding strength, as the grammar gives it (docs/rule-language.md), higher binds tighter.
    private static func precedence(_ op: BinaryOperator) -> Int {
        switch op {
        case .or: return 1
        case .and: return 2
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .before, .after: return 4
        case .add, .subtract: return 5
        case .multiply, .divide: return 6
        }
    }

    private func text(parent: Int) -> String {
        func wrap(_ text: String, _ own: Int) -> String { own < parent ? "(\(text))" : text }
        switch kind {
        case .literal(let literal): return Self.text(literal)
        case .duration(let amount, let unit): return "\(amount.text(parent: 7)) \(unit.rawValue)"
        case .list(let items): return "[" + items.map { $0.text(parent: 0) }.joined(separator: ", ") + "]"
        case .name(let name): return name
        case .member(let base, let field): return "\(base.text(parent: 8)).\(field)"
        case .lookup(let base, let key): return "\(base.text(parent: 8))[\(key.text(parent: 0))]"
        case .call(let name, let arguments):
            return "\(name)(" + arguments.map { $0.text(parent: 0) }.joined(separator: ", ") + ")"
        case .unary(.negate, let operand): return wrap("-" + operand.text(parent: 7), 7)
        case .unary(.not, let operand): return wrap("not " + operand.text(parent: 3), 3)
        case .binary(let op, let lhs, let rhs):
            let own = Self.precedence(op)
            return wrap("\(lhs.text(parent: own)) \(op.rawValue) \(rhs.text(parent: own + 1))", own)
        case .test(let operand, let test, let negated):
            let name: String
            switch test {
            case .date: name = "a date"
            case .number: name = "a number"
            default: name = test.rawValue
            }
            return wrap("\(operand.text(parent: 5)) is \(negated ? "not " : "")\(name)", 4)
        case .membership(let lhs, let rhs, let negated):
            return wrap("\(lhs.text(parent: 5)) \(negated ? "not in" : "in") \(rhs.text(parent: 5))", 4)
        case .within(let lhs, let rhs): return wrap("\(lhs.text(parent: 5)) within \(rhs.text(parent: 5))", 4)
        case .uniqueIn(let lhs, let rhs): return wrap("\(lhs.text(parent: 5)) is unique in \(rhs.text(parent: 5))", 4)
        case .quantifier(let quantifier, let variable, let source, let condition):
            return wrap(
                "\(quantifier.rawValue) \(variable) in \(source.text(parent: 5)) satisfies \(condition.text(parent: 0))",
                0)
        case .filter(let variable, let source, let condition):
            return "\(variable) in \(source.text(parent: 5)) where \(condition.text(parent: 0))"
        }
    }

    private static func text(_ literal: Literal) -> String {
        switch literal {
        case .number(let number): return RuntimeValue.format(number)
        case .text(let text):
            // Escaped by hand: Foundation's replacingOccurrences went through NSString, a tenth of
            // the instructions of loading the bundled rules.
            var quoted = "\""
            for character in text.unicodeScalars {
                if character == "\\" || character == "\"" { quoted.unicodeScalars.append("\\") }
                quoted.unicodeScalars.append(character)
            }
            return quoted + "\""
        case .bool(let bool): return bool ? "true" : "false"
        case .date(let date): return date.description
        case .duration(let amount, let unit): return "\(amount) \(unit.rawValue)"
        }
    }
}
