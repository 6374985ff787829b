/// Date-window joins: `no later in nonconformities satisfies (lower(later.root_cause) =
/// lower(nc.root_cause) and later.raised_on after nc.closed_on and not (later.raised_on after
/// nc.closed_on + 12 months))` inside `for each nc in nonconformities` tests, for each NC, only
/// the NCs of its root cause raised in its window, found by binary search (``RangeJoinIndex``),
/// rather than every NC of that root cause: linear however many NCs share one root cause.
/// `count(…)` of such a filter is counted from the index without testing the items, when its
/// condition has no part beyond the key, the bounds, the static conjuncts and one exclusion.
extension ExprCompiler {
    /// A quantifier's or filter's condition joined on a date window.
    struct RangeJoin {
        let index: RangeJoinIndex
        let slot: Int
        let condition: Evaluation
        let keyProbe: Evaluation?
        let bounds: [(JoinPlan.Relation, Evaluation)]
        let exclusionProbe: Evaluation?
        /// True when the condition is only the key, the bounds, static conjuncts and the
        /// exclusion, so a count needs no item tested.
        let countsFromIndex: Bool

        private func window(_ frame: EvaluationFrame) -> RangeJoinIndex.Window? {
            index.window(key: keyProbe?(frame), bounds: bounds.map { ($0.0, $0.1(frame)) }, frame: frame)
        }

        private func test(_ position: Int, _ frame: EvaluationFrame) -> Bool? {
            frame.slots[slot] = index.item(position)
            return condition(frame).bool
        }

        /// `some` or `no` over the source; `onlyWhetherFalse` as in ``ExprCompiler/compileRequirement(_:)``.
        func quantify(_ quantifier: Expr.Quantifier, onlyWhetherFalse: Bool, _ frame: EvaluationFrame) -> RuntimeValue {
            var sawUnknown = false
            guard let window = window(frame) else {
                for item in index.allItems {
                    frame.slots[slot] = item
                    switch condition(frame).bool {
                    case true?: return .bool(quantifier == .some)
                    case false?: break
                    case nil: sawUnknown = true
                    }
                }
                return sawUnknown ? .unknown : .bool(quantifier != .some)
            }
            let group = window.group
            for offset in window.lower..<window.upper where group.staticTrue[offset] {
                switch test(group.sorted[offset], frame) {
                case true?: return .bool(quantifier == .some)
                case false?: break
                case nil: sawUnknown = true
                }
            }
            for position in index.alwaysTested(window) {
                switch test(position, frame) {
                case true?: return .bool(quantifier == .some)
                case false?: break
                case nil: sawUnknown = true
                }
            }
            // None of the rest can be true: they only tell "unknown" from a clear answer.
            if !sawUnknown, !(onlyWhetherFalse && quantifier == .no) {
                let undecided = (window.lower..<window.upper).lazy.filter { !group.staticTrue[$0] }.map {
                    group.sorted[$0]
                }
                for position in Array(undecided) + index.neverTrue(window) where test(position, frame) == nil {
                    sawUnknown = true
                    break
                }
            }
            return sawUnknown ? .unknown : .bool(quantifier != .some)
        }

        /// The items for which the condition is true, in source order.
        func filter(_ frame: EvaluationFrame) -> RuntimeList {
            guard let window = window(frame) else {
                return RuntimeList(
                    index.allItems.filter { item in
                        frame.slots[slot] = item
                        return condition(frame).bool == true
                    })
            }
            var kept: [Int] = []
            let group = window.group
            for offset in window.lower..<window.upper
            where group.staticTrue[offset] && test(group.sorted[offset], frame) == true {
                kept.append(group.sorted[offset])
            }
            kept += index.alwaysTested(window).filter { test($0, frame) == true }
            return RuntimeList(kept.sorted().map { index.item($0) })
        }

        /// How many items the condition is true for.
        func count(_ frame: EvaluationFrame) -> Int {
            guard countsFromIndex, let window = window(frame) else { return filter(frame).count }
            let group = window.group
            var count = group.staticTrueBefore[window.upper] - group.staticTrueBefore[window.lower]
            if let exclusionProbe {
                if case .text(let text) = exclusionProbe(frame) {
                    count -= index.excludedCount(window, text: text)
                } else {
                    count =
                        (window.lower..<window.upper).filter {
                            group.staticTrue[$0] && test(group.sorted[$0], frame) == true
                        }.count
                }
            }
            return count + index.alwaysTested(window).filter { test($0, frame) == true }.count
        }
    }

    /// `count(variable in source where condition)` counted from a date-window index; nil when
    /// the condition has no date bound to index.
    mutating func compileJoinedCount(_ variable: String, _ sourceExpr: Expr, _ condition: Expr) -> Evaluation? {
        let source = compile(sourceExpr)
        let sourceIsConstant = isConstant(sourceExpr)
        let join = withVariable(variable, over: sourceExpr) { compiler, slot in
            compiler.compileRangeJoin(
                variable: variable, slot: slot, source: source,
                sourceIsConstant: sourceIsConstant, condition: condition)
        }
        guard let join else { return nil }
        return { frame in .number(Double(join.count(frame))) }
    }

    /// The date-window join of `condition`, or nil when it has no date bound on the item to
    /// index (or joins are not indexed).
    ///
    /// Call with `variable` bound to `slot`; `sourceIsConstant` says the source reads no loop variable.
    mutating func compileRangeJoin(
        variable: String, slot: Int, source: @escaping Evaluation,
        sourceIsConstant: Bool, condition: Expr
    ) -> RangeJoin? {
        guard indexesJoins, sourceIsConstant else { return nil }
        let plan = JoinPlan(
            variable: variable, condition: condition, isBound: { name in name != variable && isBound(name) })
        guard let range = plan.range else { return nil }
        let index = RangeJoinIndex(
            RangeJoinIndex.Parts(
                source: source, slot: slot, key: plan.equality.map { compile($0.key) }, date: compile(range.item),
                staticConditions: plan.staticConjuncts.map { compile(plan.conjuncts[$0]) },
                exclusion: plan.exclusion.map { compile($0.item) }))
        return RangeJoin(
            index: index, slot: slot, condition: compile(condition),
            keyProbe: plan.equality.map { compile($0.probe) },
            bounds: range.bounds.map { ($0.relation, compile($0.probe)) },
            exclusionProbe: plan.exclusion.map { compile($0.probe) },
            countsFromIndex: plan.dependentConjuncts.isEmpty)
    }
}
