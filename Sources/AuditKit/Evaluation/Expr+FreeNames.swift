/// The names an expression reads without binding them itself, used by the compiler to tell which
/// parts of a condition depend on which loop variable.
extension Expr {
    /// Every bare name read by this expression that is not bound by a quantifier or filter inside it.
    var freeNames: Set<String> {
        var names = Set<String>()
        collectFreeNames(into: &names, bound: [])
        return names
    }

    private func collectFreeNames(into names: inout Set<String>, bound: Set<String>) {
        switch kind {
        case .literal:
            break
        case .duration(let amount, _):
            amount.collectFreeNames(into: &names, bound: bound)
        case .list(let items):
            for item in items { item.collectFreeNames(into: &names, bound: bound) }
        case .name(let name):
            if !bound.contains(name) { names.insert(name) }
        case .member(let base, _):
            base.collectFreeNames(into: &names, bound: bound)
        case .lookup(let base, let key):
            base.collectFreeNames(into: &names, bound: bound)
            key.collectFreeNames(into: &names, bound: bound)
        case .call(_, let arguments):
            for argument in arguments { argument.collectFreeNames(into: &names, bound: bound) }
        case .unary(_, let operand):
            operand.collectFreeNames(into: &names, bound: bound)
        case .binary(_, let lhs, let rhs):
            lhs.collectFreeNames(into: &names, bound: bound)
            rhs.collectFreeNames(into: &names, bound: bound)
        case .test(let operand, _, _):
            operand.collectFreeNames(into: &names, bound: bound)
        case .membership(let value, let list, _):
            value.collectFreeNames(into: &names, bound: bound)
            list.collectFreeNames(into: &names, bound: bound)
        case .within(let date, let duration):
            date.collectFreeNames(into: &names, bound: bound)
            duration.collectFreeNames(into: &names, bound: bound)
        case .uniqueIn(let value, let collection):
            value.collectFreeNames(into: &names, bound: bound)
            collection.collectFreeNames(into: &names, bound: bound)
        case .quantifier(_, let variable, let source, let condition), .filter(let variable, let source, let condition):
            source.collectFreeNames(into: &names, bound: bound)
            condition.collectFreeNames(into: &names, bound: bound.union([variable]))
        }
    }

    /// The operands of a chain of `and`s (`a and b and c` gives a, b, c); the expression itself
    /// when it is not an `and`.
    var conjuncts: [Expr] {
        if case .binary(.and, let lhs, let rhs) = kind { return lhs.conjuncts + rhs.conjuncts }
        return [self]
    }
}
