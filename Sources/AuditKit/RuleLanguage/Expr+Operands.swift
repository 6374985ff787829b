extension Expr {
    /// The expressions this one is built from, in the order written: the operands of an
    /// operator, the arguments of a call, the items of a list, the source and condition of a
    /// quantifier or filter. Empty for a literal or a name.
    var operands: [Expr] {
        switch kind {
        case .literal, .name: return []
        case .duration(let amount, _): return [amount]
        case .list(let items): return items
        case .member(let base, _): return [base]
        case .lookup(let base, let key): return [base, key]
        case .call(_, let arguments): return arguments
        case .unary(_, let operand), .test(let operand, _, _): return [operand]
        case .binary(_, let lhs, let rhs), .membership(let lhs, let rhs, _), .within(let lhs, let rhs),
            .uniqueIn(let lhs, let rhs):
            return [lhs, rhs]
        case .quantifier(_, _, let source, let condition), .filter(_, let source, let condition):
            return [source, condition]
        }
    }
}
