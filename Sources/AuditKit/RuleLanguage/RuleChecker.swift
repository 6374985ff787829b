/// Checks parsed rule files before any record is read: names, functions, types, duplicates.
public enum RuleChecker {
    /// Checks parsed files together (ids and parameters are global). Returns errors and warnings, sorted.
    ///
    /// - Parameter files: The parsed files, in load order (earlier declarations win).
    /// - Returns: Every problem found, not only the first, sorted by file, line and column.
    public static func check(_ files: [RuleFile]) -> [RuleDiagnostic] {
        var checker = Checker(files: files)
        checker.run()
        return Array(Set(checker.diagnostics)).sorted()
    }
}

/// A loop variable in scope.
struct Binding {
    var name: String
    var type: ValueType
    var location: SourceLocation
    /// The records contract's fields of the record the variable holds, when the contract defines
    /// them (a loop over `complaints`); nil otherwise.
    var fields: [ContractField]? = nil
}

/// The state of one check run.
struct Checker {
    let files: [RuleFile]
    var diagnostics: [RuleDiagnostic] = []
    /// Parameters of all files, first declaration wins.
    var parameters: [String: (declaration: ParameterDeclaration, path: String)] = [:]
    /// The path of the file being checked.
    var path = ""

    init(files: [RuleFile]) { self.files = files }

    mutating func report(_ message: String, at location: SourceLocation) {
        diagnostics.append(RuleDiagnostic(file: path, at: location, message: message))
    }

    func place(_ path: String, _ location: SourceLocation) -> String {
        "\(path):\(location.line):\(location.column)"
    }

    mutating func run() {
        for file in files {
            path = file.path
            file.parameters.forEach { declare($0) }
        }
        var terms: [String: (declaration: TermDeclaration, path: String)] = [:]
        for file in files {
            path = file.path
            for term in file.terms {
                if term.code.isEmpty || term.label.isEmpty || term.translations.values.contains(where: \.isEmpty) {
                    report("a term needs a code and a label, neither empty", at: term.location)
                }
                guard let first = terms[term.code] else {
                    terms[term.code] = (term, path)
                    continue
                }
                if first.declaration.label != term.label || first.declaration.translations != term.translations {
                    report(
                        "term \"\(term.code.excerpt)\" is already declared at \(place(first.path, first.declaration.location)) "
                            + "with other labels", at: term.location)
                }
            }
        }
        var ruleIDs: [String: (path: String, location: SourceLocation)] = [:]
        for file in files {
            path = file.path
            for definition in file.definitions {
                // Checked once on its own, its parameters of any type, so that a definition no rule
                // calls yet is checked too; every call is checked again where it is written out.
                let scope = definition.parameters.map { Binding(name: $0, type: .any, location: definition.location) }
                _ = infer(definition.body, scope)
            }
            for rule in file.rules {
                if let first = ruleIDs[rule.id] {
                    report(
                        "rule id '\(rule.id.excerpt)' is already used at \(place(first.path, first.location))",
                        at: rule.location)
                } else {
                    ruleIDs[rule.id] = (file.path, rule.location)
                }
                check(rule)
            }
        }
    }

    // MARK: - Declarations

    private mutating func declare(_ parameter: ParameterDeclaration) {
        let name = parameter.name
        if name == "audit_date" {
            report("parameter 'audit_date' hides the audit date; choose another name", at: parameter.location)
        } else if BuiltinFunction(name: name) != nil {
            report(
                "parameter '\(name.excerpt)' has the name of a built-in function; choose another name",
                at: parameter.location)
        }
        guard let first = parameters[name] else {
            parameters[name] = (parameter, path)
            return
        }
        if first.declaration.defaultValue != parameter.defaultValue {
            report(
                "parameter '\(name.excerpt)' is already declared at \(place(first.path, first.declaration.location)) "
                    + "with a different default", at: parameter.location)
        }
    }

    private mutating func check(_ rule: RuleDeclaration) {
        var scope: [Binding] = []
        if let loop = rule.scope {
            let type = infer(loop.source, scope)
            if type.isKnown, type != .list {
                report("'for each' needs a list after 'in', but this is \(type.phrase)", at: loop.source.location)
            }
            scope = bind(loop.variable, over: loop.source, at: loop.source.location, in: scope)
        }
        for value in rule.namedValues { _ = infer(value.value, scope) }
        if let filter = rule.filter { expectCondition(filter, scope, "'where'") }
        expectCondition(rule.requirement, scope, "'require'")
        for conditional in rule.conditionalGrades {
            expectCondition(conditional.condition, scope, "'grade \(conditional.grade.rawValue) when'")
        }
        let messages = [rule.message] + rule.translations.sorted { $0.key < $1.key }.compactMap(\.value.message)
        for message in messages {
            for case .placeholder(let expression) in message.parts {
                _ = infer(expression, scope)
            }
        }
    }

    /// Adds a loop variable to `scope`, reporting a name that hides another.
    mutating func bind(_ name: String, over source: Expr, at location: SourceLocation, in scope: [Binding])
        -> [Binding]
    {
        if name == "audit_date" {
            report("loop variable 'audit_date' hides the audit date; choose another name", at: location)
        } else if let parameter = parameters[name] {
            report(
                "loop variable '\(name.excerpt)' hides the parameter '\(name.excerpt)' declared at "
                    + "\(place(parameter.path, parameter.declaration.location)); choose another name", at: location)
        } else if let outer = scope.last(where: { $0.name == name }) {
            report(
                "loop variable '\(name.excerpt)' hides the loop variable '\(name.excerpt)' of line \(outer.location.line); "
                    + "choose another name", at: location)
        }
        return scope + [
            Binding(
                name: name, type: itemType(of: source, scope), location: location,
                fields: itemFields(of: source, scope))
        ]
    }

    /// The type of the items of a loop's source: records of a collection or field, or the items
    /// of a literal list.
    private func itemType(of source: Expr, _ scope: [Binding]) -> ValueType {
        switch source.kind {
        case .name(let name):
            return isTopLevel(name, scope) ? .record : .any
        case .member:
            return .record
        case .list(let items):
            let types = Set(items.map { literalType($0) })
            return types.count == 1 ? types.first! : .any
        default:
            return .any
        }
    }

    private func literalType(_ expression: Expr) -> ValueType {
        guard case .literal(let literal) = expression.kind else { return .any }
        return literal.valueType
    }

    /// True for a bare name that is neither a loop variable, a parameter nor `audit_date`.
    func isTopLevel(_ name: String, _ scope: [Binding]) -> Bool {
        !scope.contains { $0.name == name } && parameters[name] == nil && name != "audit_date"
    }

    /// Reports `expression` when it is known not to be true/false.
    mutating func expectCondition(_ expression: Expr, _ scope: [Binding], _ context: String) {
        let type = infer(expression, scope)
        if type.isKnown, type != .boolean {
            report("\(context) needs a true/false condition, but this is \(type.phrase)", at: expression.location)
        }
    }
}

extension ValueType {
    /// True when the checker knows the type well enough to report a mismatch (records may be
    /// plain values of the export, so they are not).
    var isKnown: Bool { self != .any && self != .record }
}

extension Expr.Literal {
    /// The static type of the literal.
    var valueType: ValueType {
        switch self {
        case .number: return .number
        case .text: return .text
        case .bool: return .boolean
        case .date: return .date
        case .duration: return .duration
        }
    }
}
