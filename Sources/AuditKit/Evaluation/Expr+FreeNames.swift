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

    /// The one field through which this expression reads the names `isLoopVariable` accepts
    /// (`complaint.channel` in `some pub in channels satisfies lower(pub) = lower(complaint.channel)`),
    /// when it reads them only through that field; nil when it reads one whole (`complaint`), or
    /// through several fields, or none.
    func onlyFieldRead(of isLoopVariable: (String) -> Bool) -> (variable: String, field: String)? {
        var found: (variable: String, field: String)?
        var single = true
        func visit(_ expr: Expr, bound: Set<String>) {
            guard single else { return }
            switch expr.kind {
            case .member(let base, let field):
                if case .name(let name) = base.kind, !bound.contains(name), isLoopVariable(name) {
                    if let found, found != (name, field) { single = false }
                    found = (name, field)
                } else {
                    visit(base, bound: bound)
                }
            case .name(let name):
                if !bound.contains(name), isLoopVariable(name) { single = false }
            case .quantifier(_, let variable, let source, let condition),
                .filter(let variable, let source, let condition):
                visit(source, bound: bound)
                visit(condition, bound: bound.union([variable]))
            default:
                for operand in expr.operands { visit(operand, bound: bound) }
            }
        }
        visit(self, bound: [])
        return single ? found : nil
    }

    /// The operands of a chain of `and`s (`a and b and c` gives a, b, c); the expression itself
    /// when it is not an `and`.
    var conjuncts: [Expr] {
        if case .binary(.and, let lhs, let rhs) = kind { return lhs.conjuncts + rhs.conjuncts }
        return [self]
    }
}
