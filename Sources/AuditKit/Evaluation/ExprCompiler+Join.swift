/// Equality joins: `some later in nonconformities satisfies (lower(later.root_cause) = lower(nc.root_cause) and …)`
/// inside `for each nc in nonconformities` would test every pair of records, which grows with the
/// square of the export. When a quantifier (`some`, `no`) or a filter runs over a source that does
/// not depend on the loop variables, and one conjunct of its condition is `key = probe` where `key`
/// reads only the quantifier's variable and `probe` does not read it, the items are indexed once
/// by `key`, and each evaluation tests only the items whose key can equal the probe.
///
/// The answer is the same as testing every item: an item whose key is plain text (neither a number
/// nor a date, which compare by value) equals a text probe exactly when the texts are equal, so any
/// other such item makes the conjunct false, the whole condition false (Kleene `and`), and the
/// quantifier or filter ignores it. Items whose key is absent make the equality unknown: they
/// can never satisfy the condition, so a filter drops them and `some`/`no` test them last, only
/// while the answer could still be "unknown" (and not at all for a `no` whose only use is to be
/// false or not, see ``ExprCompiler/compileRequirement(_:)``). Items whose key is anything else
/// are always tested, and a probe that is not text falls back to testing every item.
///
/// Without an equality, a membership `probe in key` (`process.id in a.processes`) indexes each
/// item under every value of its list: a plain-text value is in the list exactly when one of its
/// values is that text; an item with an absent or empty list is never a candidate (the membership
/// is false); a blank probe (the membership is unknown for every item) tests every item.
extension ExprCompiler {
    /// An equality join found in a condition.
    struct Join {
        /// The items that may satisfy the condition, in source order (`live`), and the items
        /// whose key is absent (`absentKey`): for those the equality is unknown, so the condition
        /// is unknown or false, never true. A filter never keeps them; a `some` or `no` only needs
        /// them to tell "unknown" from a clear answer.
        var candidates: (EvaluationFrame) -> (live: RuntimeList, absentKey: RuntimeList)
        /// The probe's text when the whole result depends on nothing else: every other part of the
        /// condition reads no loop variable but the quantifier's own. Results can then be
        /// remembered per probe (``ProbeMemo``), so `count(d in complaints where d.category =
        /// c.category and …)` inside a walk over the complaints costs one pass per category, not
        /// one per complaint.
        var memoKey: ((EvaluationFrame) -> String?)?
    }

    /// The equality join of `condition`, or nil when it has no usable equality and every item
    /// must be tested.
    ///
    /// Call with `variable` bound to `slot`; `sourceIsConstant` says the source reads no loop variable.
    mutating func compileCandidates(
        variable: String, slot: Int, source: @escaping Evaluation,
        sourceIsConstant: Bool, condition: Expr
    ) -> Join? {
        guard indexesJoins, sourceIsConstant else { return nil }
        let plan = JoinPlan(variable: variable, condition: condition, isBound: { isBound($0) })
        guard case let (join, membership)? = plan.equality.map({ ($0, false) }) ?? plan.membership.map({ ($0, true) })
        else {
            return nil
        }
        let index = JoinIndex(source: source, key: compile(join.key), slot: slot, membership: membership)
        let probe = compile(join.probe)
        let independent = plan.conjuncts.enumerated().allSatisfy { position, conjunct in
            position == join.conjunct || conjunct.freeNames.allSatisfy { $0 == variable || !isBound($0) }
        }
        return Join(
            candidates: { frame in index.candidates(for: probe(frame), frame: frame) },
            memoKey: independent
                ? { frame in
                    if case .text(let text) = probe(frame) { return text }
                    return nil
                } : nil)
    }
}

/// Results of a joined quantifier or filter remembered per probe text, for one rule evaluation.
final class ProbeMemo {
    private var results: [String: RuntimeValue] = [:]

    /// The remembered result for `key`, or `compute()` remembered.
    func value(for key: String?, _ compute: () -> RuntimeValue) -> RuntimeValue {
        guard let key else { return compute() }
        if let known = results[key] { return known }
        let value = compute()
        results[key] = value
        return value
    }
}

/// The items of one source grouped by the text of a key, built on first use.
final class JoinIndex {
    private let source: Evaluation
    private let key: Evaluation
    private let slot: Int
    private var items = RuntimeList.empty
    /// The positions of the items under each key (four bytes each: an export's collection has
    /// fewer than 2³¹ items).
    private var byKey: [String: [Int32]] = [:]
    /// Items whose key is present but not plain text: they are tested whatever the probe.
    private var always: [Int32] = []
    /// Items whose key is absent (unknown): the equality with a text probe is unknown for them.
    private var absentKeyItems: [RuntimeValue] = []
    private var built = false
    /// True for `probe in key`: each item is indexed under every value of its list, and an item
    /// whose list is absent or empty is left out (the membership is false for it).
    private let membership: Bool

    init(source: @escaping Evaluation, key: @escaping Evaluation, slot: Int, membership: Bool = false) {
        self.source = source
        self.key = key
        self.slot = slot
        self.membership = membership
    }

    /// The items whose key may equal `probe`, in source order, and those whose key is absent;
    /// every item (and none apart) when the probe is not text.
    func candidates(for probe: RuntimeValue, frame: EvaluationFrame) -> (live: RuntimeList, absentKey: RuntimeList) {
        if !built { build(frame) }
        // A blank probe is in no list (the membership is unknown): every item is tested.
        guard case .text(let text) = probe, !membership || probe.isPresent else { return (items, .empty) }
        return (RuntimeList(live(for: text)), RuntimeList(absentKeyItems))
    }

    /// The items whose key is `text`, and those whose key is present but not plain text.
    private func live(for text: String) -> [RuntimeValue] {
        let matches = byKey[text] ?? []
        if always.isEmpty { return matches.map { items[Int($0)] } }
        var result: [RuntimeValue] = []
        result.reserveCapacity(matches.count + always.count)
        var m = 0, a = 0
        while m < matches.count || a < always.count {
            if a == always.count || (m < matches.count && matches[m] < always[a]) {
                result.append(items[Int(matches[m])])
                m += 1
            } else {
                result.append(items[Int(always[a])])
                a += 1
            }
        }
        return result
    }

    private func build(_ frame: EvaluationFrame) {
        built = true
        items = source(frame).items
        let saved = frame.slots[slot]
        for (position, item) in items.enumerated() {
            frame.slots[slot] = item
            let value = key(frame)
            if membership {
                index(position, byValuesOf: value)
                continue
            }
            if case .text(let text) = value, RangeJoinIndex.isPlainText(text) {
                byKey[text, default: []].append(Int32(truncatingIfNeeded: position))
            } else if case .unknown = value {
                absentKeyItems.append(item)
            } else {
                always.append(Int32(truncatingIfNeeded: position))
            }
        }
        frame.slots[slot] = saved
    }

    /// Indexes the item at `position` under each value of its list `value` when they are all plain
    /// text; tests it whatever the probe otherwise.
    private func index(_ position: Int, byValuesOf value: RuntimeValue) {
        var texts: [String] = []
        for element in value.items {
            guard case .text(let text) = element, RangeJoinIndex.isPlainText(text) else {
                always.append(Int32(truncatingIfNeeded: position))
                return
            }
            if !texts.contains(text) { texts.append(text) }
        }
        for text in texts { byKey[text, default: []].append(Int32(truncatingIfNeeded: position)) }
    }
}
