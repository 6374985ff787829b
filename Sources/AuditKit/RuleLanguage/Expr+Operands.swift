extension Expr {
    /// The expressions this one is built from, in the order written: the operands of an
    /// operator, the arguments of a call, the items of a list, the source and condition of a
    /// quantifier or filter. Empty for a literal or a name.
    var operands: [Expr] {
        var operands: [Expr] = []
        _ = allOperands { operand in
            operands.append(operand)
            return true
        }
        return operands
    }

    /// True when `test` holds for every operand (in the order of ``operands``), asked of each in
    /// turn until one fails, without making a list of them.
    func allOperands(_ test: (Expr) -> Bool) -> Bool {
        switch kind {
        case .literal, .name: return true
        case .duration(let operand, _), .member(let operand, _), .unary(_, let operand), .test(let operand, _, _):
            return test(operand)
        case .list(let items), .call(_, let items): return items.allSatisfy(test)
        case .lookup(let lhs, let rhs), .binary(_, let lhs, let rhs), .membership(let lhs, let rhs, _),
            .within(let lhs, let rhs), .uniqueIn(let lhs, let rhs), .quantifier(_, _, let lhs, let rhs),
            .filter(_, let lhs, let rhs):
            return test(lhs) && test(rhs)
        }
    }
}
