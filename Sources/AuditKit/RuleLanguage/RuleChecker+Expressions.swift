extension Checker {
    /// The static type of `expression`, reporting every problem found inside it.
    mutating func infer(_ expression: Expr, _ scope: [Binding]) -> ValueType {
        let at = expression.location
        switch expression.kind {
        case .literal(let literal):
            return literal.valueType
        case .duration(let amount, let unit):
            let type = infer(amount, scope)
            if type.isKnown, type != .number {
                report(
                    "a duration needs a number before '\(unit.rawValue)', but this is \(type.phrase)",
                    at: amount.location)
            }
            return .duration
        case .list(let items):
            items.forEach { _ = infer($0, scope) }
            return .list
        case .name(let name):
            return nameType(name, scope, at: at)
        case .member(let base, let field):
            let type = infer(base, scope)
            if type.isKnown, type != .list {
                report("cannot read field '\(field.excerpt)' of \(type.phrase)", at: at)
            }
            return type == .list ? .list : contractType(ofField: field, in: base, scope)
        case .lookup(let base, let key):
            requireCollection(base, scope)
            _ = infer(key, scope)
            return .record
        case .call(let name, let arguments):
            return call(name, arguments, scope, at: at)
        case .unary(let op, let operand):
            return unary(op, operand, scope)
        case .binary(let op, let left, let right):
            return binary(op, left, right, scope, at: at)
        case .test(let subject, _, _):
            _ = infer(subject, scope)
            return .boolean
        case .membership(let item, let list, _):
            _ = infer(item, scope)
            expect(list, scope, .list, "'in' needs a list on the right")
            return .boolean
        case .within(let date, let duration):
            expect(date, scope, .date, "'within' needs a date on the left")
            expect(duration, scope, .duration, "'within' needs a duration on the right, such as '12 months'")
            return .boolean
        case .uniqueIn(let value, let collection):
            _ = infer(value, scope)
            requireCollection(collection, scope)
            return .boolean
        case .quantifier(let quantifier, let variable, let source, let condition):
            expect(source, scope, .list, "'\(quantifier.rawValue)' needs a list after 'in'")
            let inner = bind(variable, over: source, at: at, in: scope)
            expectCondition(condition, inner, "'satisfies'")
            return .boolean
        case .filter(let variable, let source, let condition):
            expect(source, scope, .list, "a filter needs a list after 'in'")
            let inner = bind(variable, over: source, at: at, in: scope)
            expectCondition(condition, inner, "'where'")
            return .list
        }
    }

    /// Infers `expression` and reports it when its known type is not `expected`.
    private mutating func expect(_ expression: Expr, _ scope: [Binding], _ expected: ValueType, _ need: String) {
        let type = infer(expression, scope)
        if type.isKnown, type != expected {
            report("\(need), but this is \(type.phrase)", at: expression.location)
        }
    }

    private mutating func nameType(_ name: String, _ scope: [Binding], at location: SourceLocation) -> ValueType {
        if let binding = scope.last(where: { $0.name == name }) { return binding.type }
        if let parameter = parameters[name] { return parameter.declaration.defaultValue.valueType }
        if name == "audit_date" { return .date }
        if BuiltinFunction(name: name) != nil {
            report(
                "'\(name.excerpt)' is a function; call it with parentheses, such as \(name.excerpt)(…)", at: location)
        }
        return .any
    }

    /// Lookups and `is unique in` need a top-level collection.
    private mutating func requireCollection(_ base: Expr, _ scope: [Binding]) {
        if case .name(let name) = base.kind, isTopLevel(name, scope) { return }
        _ = infer(base, scope)
        report("look records up by id in a top-level collection, such as people[…]", at: base.location)
    }

    // MARK: - Calls

    private mutating func call(_ name: String, _ arguments: [Expr], _ scope: [Binding], at location: SourceLocation)
        -> ValueType
    {
        let types = arguments.map { infer($0, scope) }
        guard let function = BuiltinFunction(name: name) else {
            let names = BuiltinFunction.allCases.map(\.name)
            report("unknown function '\(name.excerpt)'\(NearMatch.hint(for: name, among: names))", at: location)
            return .any
        }
        if !function.arity.contains(arguments.count) {
            report(arityMessage(function, given: arguments.count), at: location)
        }
        if function == .claims, arguments.count == 2, case .literal(.text(let name)) = arguments[1].kind,
            Standard(claim: name) == nil
        {
            report(
                "'claims' knows \"ISO 9001\" and \"ISO 10002\", not \"\(name.excerpt)\"; write for example claims(organisation.standards, \"ISO 10002\")",
                at: arguments[1].location)
        }
        for (position, argument) in arguments.enumerated() {
            let isFilter = if case .filter = argument.kind { true } else { false }
            if function.requiresFilter, !isFilter {
                report(
                    "'\(name.excerpt)' needs a filter such as \(name.excerpt)(x in LIST where CONDITION)",
                    at: argument.location)
                continue
            }
            let expected = function.argumentTypes[min(position, function.argumentTypes.count - 1)]
            let type = types[position]
            if type.isKnown, !type.fits(expected) {
                report(
                    "'\(name.excerpt)' needs \(expected.phrase) as argument \(position + 1), but this is \(type.phrase)",
                    at: argument.location)
            }
        }
        return refinedResult(function, arguments, types, scope)
    }

    private func arityMessage(_ function: BuiltinFunction, given: Int) -> String {
        let range = function.arity
        let count = range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
        let noun = range == 1...1 ? "argument" : "arguments"
        return "'\(function.name)' takes \(count) \(noun), but \(given) \(given == 1 ? "was" : "were") given"
    }

    /// `min`/`max` of a literal list of dates or numbers, `first_present` of values of one type,
    /// and `if` whose two values have one type.
    private mutating func refinedResult(
        _ function: BuiltinFunction, _ arguments: [Expr], _ types: [ValueType],
        _ scope: [Binding]
    ) -> ValueType {
        switch function {
        case .min, .max:
            guard arguments.count == 1, case .list(let items) = arguments[0].kind, !items.isEmpty else { break }
            let itemTypes = Set(items.map { infer($0, scope) })
            if itemTypes.count == 1, let type = itemTypes.first, type == .date || type == .number { return type }
        case .firstPresent:
            if Set(types).count == 1, let type = types.first { return type }
        case .choice:
            if types.count == 3, types[1] == types[2] { return types[1] }
        default:
            break
        }
        return function.resultType
    }

    // MARK: - Operators

    private mutating func unary(_ op: Expr.UnaryOperator, _ operand: Expr, _ scope: [Binding]) -> ValueType {
        let type = infer(operand, scope)
        switch op {
        case .not:
            if type.isKnown, type != .boolean {
                report("'not' needs a true/false value, but this is \(type.phrase)", at: operand.location)
            }
            return .boolean
        case .negate:
            if type.isKnown, type != .number, type != .duration {
                report("'-' needs a number or a duration, but this is \(type.phrase)", at: operand.location)
                return .any
            }
            return type
        }
    }

    private mutating func binary(
        _ op: Expr.BinaryOperator, _ left: Expr, _ right: Expr, _ scope: [Binding],
        at location: SourceLocation
    ) -> ValueType {
        switch op {
        case .and, .or:
            for side in [left, right] {
                let type = infer(side, scope)
                if type.isKnown, type != .boolean {
                    report(
                        "'\(op.rawValue)' needs true/false values on both sides, but this is \(type.phrase)",
                        at: side.location)
                }
            }
            return .boolean
        case .before, .after:
            expect(left, scope, .date, "'\(op.rawValue)' needs dates on both sides")
            expect(right, scope, .date, "'\(op.rawValue)' needs dates on both sides")
            return .boolean
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            compare(op, infer(left, scope), infer(right, scope), at: location)
            return .boolean
        case .multiply, .divide:
            expect(left, scope, .number, "'\(op.rawValue)' needs numbers on both sides")
            expect(right, scope, .number, "'\(op.rawValue)' needs numbers on both sides")
            return .number
        case .add, .subtract:
            return arithmetic(op, left, right, scope, at: location)
        }
    }

    private mutating func compare(
        _ op: Expr.BinaryOperator, _ left: ValueType, _ right: ValueType,
        at location: SourceLocation
    ) {
        guard left.isKnown, right.isKnown else { return }
        if left != right {
            report("cannot compare \(left.phrase) with \(right.phrase)", at: location)
        } else if op != .equal, op != .notEqual, ![.number, .date, .duration, .text].contains(left) {
            report(
                "'\(op.rawValue)' needs numbers, dates, durations or texts, but this is \(left.phrase)",
                at: location)
        }
    }

    /// `+` and `-`: numbers, a date and a duration, or two durations.
    private mutating func arithmetic(
        _ op: Expr.BinaryOperator, _ left: Expr, _ right: Expr, _ scope: [Binding],
        at location: SourceLocation
    ) -> ValueType {
        let lhs = infer(left, scope)
        let rhs = infer(right, scope)
        for (side, type) in [(left, lhs), (right, rhs)]
        where type.isKnown && ![.number, .date, .duration].contains(type) {
            report(
                "'\(op.rawValue)' needs numbers, or a date and a duration, but this is \(type.phrase)",
                at: side.location)
            return .any
        }
        guard lhs.isKnown, rhs.isKnown else { return .any }
        switch (lhs, rhs) {
        case (.number, .number): return .number
        case (.duration, .duration): return .duration
        case (.date, .duration): return .date
        case (.duration, .date) where op == .add: return .date
        case (.date, .number): report(unitAdvice(right), at: right.location)
        case (.number, .date) where op == .add: report(unitAdvice(left), at: left.location)
        case (.date, .date) where op == .subtract: report("subtract dates with days_between(a, b)", at: location)
        default:
            let message =
                op == .add
                ? "cannot add \(lhs.phrase) and \(rhs.phrase)"
                : "cannot subtract \(rhs.phrase) from \(lhs.phrase)"
            report(message, at: location)
        }
        return .any
    }

    /// "add a unit to 3, for example '3 days'".
    private func unitAdvice(_ amount: Expr) -> String {
        guard let text = Self.spelling(amount) else { return "add a unit to the number, for example '3 days'" }
        return "add a unit to \(text), for example '\(text) days'"
    }

    /// How a simple expression was written: a number, a name or a field.
    static func spelling(_ expression: Expr) -> String? {
        switch expression.kind {
        case .literal(.number(let value)):
            return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .name(let name): return name
        case .member(let base, let field): return spelling(base).map { "\($0).\(field.excerpt)" }
        default: return nil
        }
    }
}
