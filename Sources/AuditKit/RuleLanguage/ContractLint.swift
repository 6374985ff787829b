/// Warns where rules read names the records contract does not define, usually a misspelling
/// (`recieved_on`) that would otherwise read as "never recorded" on every record.
public enum ContractLint {
    /// A name a rule reads: a top-level collection or group, or a field of a record.
    public struct NameRead: Sendable, Equatable {
        /// The rule file.
        public var file: String
        /// The rule's id.
        public var rule: String
        /// The name as written.
        public var name: String
        /// Where the rule reads it.
        public var location: SourceLocation
        /// True for a field (`complaint.received_on`), false for a top-level name (`complaints`).
        public var isField: Bool
    }

    /// Every collection, group and field name the rules of `files` read (loop variables,
    /// parameters and `audit_date` excluded).
    public static func namesRead(_ files: [RuleFile]) -> [NameRead] {
        var names: [NameRead] = []
        let parameters = Set(files.flatMap(\.parameters).map(\.name))
        for file in files {
            for rule in file.rules {
                var visitor = NameVisitor(bound: parameters.union(["audit_date"]))
                if let scope = rule.scope {
                    visitor.visit(scope.source)
                    visitor.bound.insert(scope.variable)
                }
                let expressions =
                    [rule.filter, rule.requirement].compactMap { $0 }
                    + rule.conditionalGrades.map(\.condition)
                    + ([rule.message] + rule.translations.sorted { $0.key < $1.key }.compactMap(\.value.message))
                    .flatMap(\.parts).compactMap { if case .placeholder(let e) = $0 { return e } else { return nil } }
                expressions.forEach { visitor.visit($0) }
                for (name, location, isField) in visitor.unknown {
                    names.append(
                        NameRead(file: file.path, rule: rule.id, name: name, location: location, isField: isField))
                }
            }
        }
        return names
    }

    /// Warnings for every unknown top-level name and field name read by the rules.
    public static func check(_ files: [RuleFile]) -> [RuleDiagnostic] {
        var diagnostics: [RuleDiagnostic] = []
        for read in namesRead(files) {
            let known = read.isField ? RecordsContract.allFields : Set(RecordsContract.collections.keys)
            guard !known.contains(read.name) else { continue }
            let kind = read.isField ? "field" : "collection or group"
            let hint = NearMatch.best(for: read.name, among: known.sorted()).map { "; did you mean '\($0)'?" } ?? ""
            diagnostics.append(
                RuleDiagnostic(
                    file: read.file, at: read.location, severity: .warning,
                    message:
                        "rule '\(read.rule.excerpt)' reads the \(kind) '\(read.name.excerpt)', which the records contract does not define\(hint)"
                ))
        }
        return diagnostics.sorted()
    }

    /// Collects names read in expressions that are not loop variables, parameters or `audit_date`.
    private struct NameVisitor {
        var bound: Set<String>
        var unknown: [(String, SourceLocation, Bool)] = []

        mutating func visit(_ expr: Expr) {
            switch expr.kind {
            case .literal: break
            case .duration(let amount, _): visit(amount)
            case .list(let items): items.forEach { visit($0) }
            case .name(let name): if !bound.contains(name) { unknown.append((name, expr.location, false)) }
            case .member(let base, let field):
                visit(base)
                unknown.append((field, expr.location, true))
            case .lookup(let base, let key): visit(base); visit(key)
            case .call(_, let arguments): arguments.forEach { visit($0) }
            case .unary(_, let operand): visit(operand)
            case .binary(_, let lhs, let rhs), .membership(let lhs, let rhs, _), .within(let lhs, let rhs),
                .uniqueIn(let lhs, let rhs):
                visit(lhs); visit(rhs)
            case .test(let operand, _, _): visit(operand)
            case .quantifier(_, let variable, let source, let condition),
                .filter(let variable, let source, let condition):
                visit(source)
                let saved = bound
                bound.insert(variable)
                visit(condition)
                bound = saved
            }
        }
    }
}
