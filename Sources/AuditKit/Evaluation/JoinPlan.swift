/// How a quantifier or filter over a collection can find the items its condition may be true for,
/// read from the conjuncts of the condition (`a and b and c`). Shared by the compiler, which
/// indexes what the plan names, and by `rules lint` (``NestedScanLint``), which warns where a
/// condition reading an outer loop variable has nothing to index on.
///
/// Each conjunct is one of:
/// - the **equality** `key = probe` (the first one found): `key` reads the item's variable and no
///   other loop variable, `probe` does not read the item's variable; without one, the
///   **membership** `probe in key` (`process.id in a.processes`) indexes the items by each value
///   of their list, and is also tested as a dependent conjunct;
/// - a **date bound** on one field of the item: `item.f after probe`, `item.f before probe`,
///   `probe after item.f`, `probe before item.f`, or one of these under `not (…)`, where `probe`
///   reads an outer loop variable (`nc.closed_on + 12 months`);
/// - the **exclusion** `item.f != probe` (the first one found), `probe` reading an outer variable;
/// - **static**: it reads no loop variable but the item's, so its value is worked out once per item;
/// - **dependent**: anything else, tested item by item.
struct JoinPlan {
    /// A bound on the item's date: how the item's date must stand to the probe's date.
    enum Relation: Equatable {
        /// `item.f after probe`: strictly later.
        case after
        /// `not (item.f after probe)`: on or before.
        case notAfter
        /// `item.f before probe`: strictly earlier.
        case before
        /// `not (item.f before probe)`: on or after.
        case notBefore

        var negated: Relation {
            switch self {
            case .after: return .notAfter
            case .notAfter: return .after
            case .before: return .notBefore
            case .notBefore: return .before
            }
        }
    }

    struct Equality {
        var conjunct: Int
        var key: Expr
        var probe: Expr
    }

    struct DateBound {
        var conjunct: Int
        var relation: Relation
        var probe: Expr
    }

    /// The date bounds on one field of the item (`later.raised_on`).
    struct Range {
        var field: String
        var item: Expr
        var bounds: [DateBound]
    }

    struct Exclusion {
        var conjunct: Int
        var item: Expr
        var probe: Expr
    }

    let conjuncts: [Expr]
    var equality: Equality?
    /// `probe in key`, looked for only when there is no equality.
    var membership: Equality?
    var range: Range?
    var exclusion: Exclusion?
    /// Positions of the conjuncts that read no loop variable but the item's.
    var staticConjuncts: [Int] = []
    /// Positions of the conjuncts tested item by item.
    var dependentConjuncts: [Int] = []

    /// The plan of `condition` for the item variable `variable`; `isBound` tells the loop
    /// variables in scope outside the quantifier or filter.
    init(variable: String, condition: Expr, isBound: (String) -> Bool) {
        conjuncts = condition.conjuncts
        func readsOnlyItem(_ expr: Expr) -> Bool { expr.freeNames.allSatisfy { $0 == variable || !isBound($0) } }
        for (position, conjunct) in conjuncts.enumerated() where equality == nil {
            guard case .binary(.equal, let lhs, let rhs) = conjunct.kind else { continue }
            for (keySide, probeSide) in [(lhs, rhs), (rhs, lhs)] {
                let keyNames = keySide.freeNames
                guard keyNames.contains(variable), readsOnlyItem(keySide),
                    !probeSide.freeNames.contains(variable)
                else { continue }
                equality = Equality(conjunct: position, key: keySide, probe: probeSide)
                break
            }
        }
        for (position, conjunct) in conjuncts.enumerated() where equality == nil && membership == nil {
            guard case .membership(let probe, let key, negated: false) = conjunct.kind,
                key.freeNames.contains(variable), readsOnlyItem(key), !probe.freeNames.contains(variable)
            else { continue }
            membership = Equality(conjunct: position, key: key, probe: probe)
        }
        for (position, conjunct) in conjuncts.enumerated() where position != equality?.conjunct {
            if readsOnlyItem(conjunct) {
                staticConjuncts.append(position)
                continue
            }
            if let (field, item, bound) = Self.dateBound(conjunct, position: position, variable: variable),
                range == nil || range?.field == field
            {
                if range == nil { range = Range(field: field, item: item, bounds: []) }
                range?.bounds.append(bound)
                continue
            }
            if exclusion == nil, case .binary(.notEqual, let lhs, let rhs) = conjunct.kind {
                if Self.fieldOf(lhs, variable) != nil, !rhs.freeNames.contains(variable) {
                    exclusion = Exclusion(conjunct: position, item: lhs, probe: rhs)
                    continue
                }
                if Self.fieldOf(rhs, variable) != nil, !lhs.freeNames.contains(variable) {
                    exclusion = Exclusion(conjunct: position, item: rhs, probe: lhs)
                    continue
                }
            }
            dependentConjuncts.append(position)
        }
    }

    /// True when the items can be narrowed down rather than all tested: by an equality, a
    /// membership or a date bound.
    var isIndexed: Bool { equality != nil || membership != nil || range != nil }

    /// `variable.field` → `field`.
    private static func fieldOf(_ expr: Expr, _ variable: String) -> String? {
        guard case .member(let base, let field) = expr.kind, case .name(variable) = base.kind else { return nil }
        return field
    }

    /// The date bound written by `conjunct`, if it is one.
    private static func dateBound(_ conjunct: Expr, position: Int, variable: String) -> (String, Expr, DateBound)? {
        var negated = false
        var expr = conjunct
        if case .unary(.not, let operand) = expr.kind {
            negated = true
            expr = operand
        }
        guard case .binary(let op, let lhs, let rhs) = expr.kind, op == .after || op == .before else { return nil }
        let itemFirst: Bool
        if fieldOf(lhs, variable) != nil, !rhs.freeNames.contains(variable) {
            itemFirst = true
        } else if fieldOf(rhs, variable) != nil, !lhs.freeNames.contains(variable) {
            itemFirst = false
        } else {
            return nil
        }
        // `probe after item` is `item before probe`.
        var relation: Relation = (op == .after) == itemFirst ? .after : .before
        if negated { relation = relation.negated }
        let item = itemFirst ? lhs : rhs
        guard let field = fieldOf(item, variable) else { return nil }
        return (field, item, DateBound(conjunct: position, relation: relation, probe: itemFirst ? rhs : lhs))
    }
}
