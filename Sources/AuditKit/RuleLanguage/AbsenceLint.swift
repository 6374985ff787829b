/// Warns where a rule says nothing when a value it needs is absent: a requirement that reads
/// `complaint.acknowledged_on` without a presence test is *unknown*, not false, for a complaint
/// never acknowledged, so the rule stays silent exactly where the gap may be (Rules/GRADING.md:
/// absence that is the gap is reported).
///
/// A field counts as handled when the rule tests it anywhere (`is present`, `is empty`, `is a
/// date`…), passes it to `first_present`, or reads it as a list (`count`, `missing`, a
/// quantifier's source), where absent means empty, or compares it with another recorded date of
/// the same record (`a before b`: an order check, with nothing to compare when one is absent).
/// Writing `where x.f is present` is how a rule
/// says on purpose that another rule reports the missing value.
public enum AbsenceLint {
    /// One warning per rule and unhandled field, at the first place the requirement reads it.
    public static func check(_ files: [RuleFile]) -> [RuleDiagnostic] {
        var diagnostics: [RuleDiagnostic] = []
        for file in files {
            for rule in file.rules {
                var subjects = RecordsContract.groups
                if let scope = rule.scope { subjects.insert(scope.variable) }
                var visitor = Visitor(subjects: subjects)
                if let filter = rule.filter { visitor.visit(filter, reading: false) }
                visitor.visit(rule.requirement, reading: true)
                var reported = Set<String>()
                for (path, location) in visitor.read
                where !visitor.handled.contains(path) && reported.insert(path).inserted {
                    diagnostics.append(
                        RuleDiagnostic(
                            file: file.path, at: location, severity: .warning,
                            message:
                                "rule '\(rule.id.excerpt)' says nothing when '\(path.excerpt)' is absent (its requirement is then unknown); "
                                + "if the missing value is itself the gap, test it ('\(path.excerpt) is present') or use first_present(…); "
                                + "if another rule reports it, add 'where \(path.excerpt) is present'"))
                }
            }
        }
        return diagnostics.sorted()
    }

    /// Collects the fields of the rule's record (or of a top-level group) that the requirement
    /// reads, and those it handles when absent.
    private struct Visitor {
        let subjects: Set<String>
        var read: [(String, SourceLocation)] = []
        var handled = Set<String>()

        /// `record.field` when `expr` reads a field of a subject directly.
        func path(_ expr: Expr) -> String? {
            // An absent id is a defect of the export, reported by its validation.
            guard case .member(let base, let field) = expr.kind, case .name(let name) = base.kind,
                subjects.contains(name), field != "id"
            else { return nil }
            return "\(name).\(field)"
        }

        /// Marks every subject field inside `expr` as handled.
        mutating func handle(_ expr: Expr) {
            if let path = path(expr) { handled.insert(path) }
            for child in expr.operands { handle(child) }
        }

        mutating func visit(_ expr: Expr, reading: Bool) {
            if let path = path(expr) {
                if reading { read.append((path, expr.location)) }
                return
            }
            switch expr.kind {
            case .test(let operand, _, _):
                handle(operand)
            case .call(let name, let arguments):
                switch BuiltinFunction(name: name) {
                case .firstPresent?, .count?, .missing?, .sum?, .share?:
                    arguments.forEach { handle($0) }
                case .choice? where arguments.count == 3:
                    // Like a `where`: an absent value makes the condition not hold, on purpose.
                    visit(arguments[0], reading: false)
                    visit(arguments[1], reading: reading)
                    visit(arguments[2], reading: reading)
                default:
                    arguments.forEach { visit($0, reading: reading) }
                }
            case .quantifier(_, _, let source, let condition):
                handle(source)
                visit(condition, reading: false)
            case .binary(let op, let lhs, let rhs)
            where (op == .before || op == .after) && path(lhs) != nil && path(rhs) != nil:
                // Two recorded dates in order: when either is absent there is nothing to compare,
                // and the check of each step reports the missing date.
                handle(lhs)
                handle(rhs)
            case .membership(let lhs, let rhs, _):
                visit(lhs, reading: reading)
                handle(rhs)
            default:
                for child in expr.operands { visit(child, reading: reading) }
            }
        }
    }
}
