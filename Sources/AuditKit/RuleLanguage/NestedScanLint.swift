/// Warns where a rule compares every record of one collection with every record of another (or of
/// the same one) without an equality or a date bound the evaluator can index (``JoinPlan``): such
/// a condition is evaluated as a nested scan, and its time grows with the square of the register.
///
/// A quantifier (`some`, `no`, `every`) or a filter (`count(x in … where …)`) is a nested scan when
/// its source is a top-level collection of the export (`nonconformities`; not a short list inside
/// a group such as `complaints_handling.channels`), its condition reads an outer
/// loop variable (so it cannot be worked out once), and either it is an `every` (which must see
/// every item) or its condition has neither `key = probe`, `probe in x.list` nor a date bound such
/// as `x.raised_on after nc.closed_on`. Requirements, `where` filters, conditional grades and the
/// messages of each language are checked; each place is reported once.
public enum NestedScanLint {
    /// One warning per nested scan, at the quantifier or filter.
    public static func check(_ files: [RuleFile]) -> [RuleDiagnostic] {
        var diagnostics = Set<RuleDiagnostic>()
        for file in files {
            for rule in file.rules {
                var outer: [String: String] = [:]
                if let scope = rule.scope { outer[scope.variable] = scope.source.canonicalText }
                var expressions =
                    [rule.filter, rule.requirement].compactMap { $0 } + rule.conditionalGrades.map(\.condition)
                for message in [rule.message] + rule.translations.values.compactMap(\.message) {
                    for case .placeholder(let expr) in message.parts { expressions.append(expr) }
                }
                for expr in expressions {
                    visit(expr, outer: outer) { location, inner, outerVariable, outerSource in
                        diagnostics.insert(
                            RuleDiagnostic(
                                file: file.path, at: location, severity: .warning,
                                message:
                                    "rule '\(rule.id.excerpt)': this condition compares every record of \(outerSource.excerpt) "
                                    + "(\(outerVariable.excerpt)) with every record of \(inner.excerpt); with no equality on a field "
                                    + "('x.root_cause = \(outerVariable.excerpt).root_cause') and no date bound "
                                    + "('x.raised_on after \(outerVariable.excerpt).closed_on') to look the records up by, it is evaluated "
                                    + "as a nested scan, which grows with the square of the register: add such a condition if it keeps "
                                    + "the rule's meaning, or count per value instead"))
                    }
                }
            }
        }
        return diagnostics.sorted()
    }

    /// Walks `expr` with the loop variables in scope (`outer`: variable → what it walks) and
    /// calls `report` for each nested scan.
    private static func visit(
        _ expr: Expr, outer: [String: String],
        report: (SourceLocation, String, String, String) -> Void
    ) {
        switch expr.kind {
        case .quantifier(let quantifier, let variable, let source, let condition):
            check(
                variable, source, condition, every: quantifier == .every, at: expr.location, outer: outer,
                report: report)
            visit(source, outer: outer, report: report)
            visit(condition, outer: outer.merging([variable: source.canonicalText]) { $1 }, report: report)
        case .filter(let variable, let source, let condition):
            check(variable, source, condition, every: false, at: expr.location, outer: outer, report: report)
            visit(source, outer: outer, report: report)
            visit(condition, outer: outer.merging([variable: source.canonicalText]) { $1 }, report: report)
        default:
            for child in expr.operands { visit(child, outer: outer, report: report) }
        }
    }

    private static func check(
        _ variable: String, _ source: Expr, _ condition: Expr, every: Bool, at location: SourceLocation,
        outer: [String: String], report: (SourceLocation, String, String, String) -> Void
    ) {
        let isBound = { (name: String) in name != variable && outer[name] != nil }
        // A list inside a group (`complaints_handling.channels`) or a record is not a register.
        guard case .name(let name) = source.kind, !isBound(name) else { return }
        guard let outerVariable = condition.freeNames.filter(isBound).sorted().first,
            let outerSource = outer[outerVariable]
        else { return }
        if !every, JoinPlan(variable: variable, condition: condition, isBound: isBound).isIndexed { return }
        report(location, source.canonicalText, outerVariable, outerSource)
    }
}
