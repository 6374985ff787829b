extension Expr {
    /// The operands of this expression, for passes that walk every part of it.
    var children: [Expr] {
        switch kind {
        case .literal, .name: return []
        case .duration(let amount, _): return [amount]
        case .list(let items): return items
        case .member(let base, _): return [base]
        case .lookup(let base, let key): return [base, key]
        case .call(_, let arguments): return arguments
        case .unary(_, let operand), .test(let operand, _, _): return [operand]
        case .binary(_, let lhs, let rhs), .membership(let lhs, let rhs, _), .within(let lhs, let rhs),
             .uniqueIn(let lhs, let rhs), .quantifier(_, _, let lhs, let rhs), .filter(_, let lhs, let rhs):
            return [lhs, rhs]
        }
    }
}
