/// Writes out the `let` values and `define` conditions of a parsed rule file wherever they are
/// used, after checking their names, so that the checker, the compiler and the reports see every
/// rule as if it had been written in full: a rule evaluates, and names its message arguments,
/// exactly as before it used them.
///
/// Checked here: a name used before its `let`, a `define` that calls itself (directly or through
/// another), the number of arguments of a call, names that would hide another (a parameter, a
/// collection of the records contract, the audit date, a built-in function, a loop variable), and
/// a loop variable that would capture a name the written-out expression reads. Written out, an
/// expression must stay within ``RuleLimits/maximumExpressionDepth`` levels, and a file within
/// ``RuleLimits/maximumWrittenOutParts`` parts.
struct NamedExpressionExpander {
    /// A written-out expression, with what would be costly to find again by walking it (it may
    /// share parts with others): how many parts (nodes) it has and the names it reads unbound.
    private struct Sized {
        var expression: Expr
        var size: Int
        var freeNames: Set<String>
    }

    private let path: String
    /// The file's parameters, by name.
    private let parameters: [String: ParameterDeclaration]
    /// The definitions as parsed, by name.
    private let declared: [String: ConditionDefinition]
    /// Definitions whose bodies are written out, by name, with their sizes.
    private var expanded: [String: (definition: ConditionDefinition, body: Sized)] = [:]
    /// Parts the file's expressions may still have.
    private var budget = RuleLimits.maximumWrittenOutParts
    /// Parts of definition bodies walked to write calls out; never more than the parts written
    /// out, so it stays within the same limit (bodies share parts, and walking them costs time
    /// even before the result is counted).
    private var walked = 0

    /// The file with every `let` and `define` written out where it is used; the file itself when
    /// it has neither.
    ///
    /// - Throws: A ``RuleDiagnostic`` at the first misuse found.
    static func expand(_ file: RuleFile) throws(RuleDiagnostic) -> RuleFile {
        guard !file.definitions.isEmpty || file.rules.contains(where: { !$0.namedValues.isEmpty }) else { return file }
        var declared: [String: ConditionDefinition] = [:]
        for definition in file.definitions {
            if let first = declared[definition.name] {
                throw RuleDiagnostic(
                    file: file.path, at: definition.location,
                    message: "'\(definition.name.excerpt)' is already defined at line \(first.location.line)")
            }
            declared[definition.name] = definition
        }
        var parameters: [String: ParameterDeclaration] = [:]
        for parameter in file.parameters where parameters[parameter.name] == nil {
            parameters[parameter.name] = parameter
        }
        var expander = NamedExpressionExpander(path: file.path, parameters: parameters, declared: declared)
        var result = file
        result.definitions = try expander.expandDefinitions(in: file.definitions)
        result.rules = []
        for rule in file.rules { result.rules.append(try expander.expand(rule)) }
        return result
    }

    private init(path: String, parameters: [String: ParameterDeclaration], declared: [String: ConditionDefinition]) {
        self.path = path
        self.parameters = parameters
        self.declared = declared
    }

    private func error(_ message: String, at location: SourceLocation) -> RuleDiagnostic {
        RuleDiagnostic(file: path, at: location, message: message)
    }

    // MARK: - Names

    /// Reports a name that would hide something a rule can read.
    ///
    /// - Parameter subject: How the name is introduced in the message: "the named value 'x'".
    private func checkHides(_ name: String, _ subject: String, at location: SourceLocation) throws(RuleDiagnostic) {
        if name == "audit_date" {
            throw error("\(subject) hides the audit date; choose another name", at: location)
        }
        if BuiltinFunction(name: name) != nil {
            throw error("\(subject) has the name of a built-in function; choose another name", at: location)
        }
        if let parameter = parameters[name] {
            throw error(
                "\(subject) hides the parameter '\(name.excerpt)' declared at line \(parameter.location.line); "
                    + "choose another name", at: location)
        }
        if RecordsContract.entry(name) != nil {
            throw error(
                "\(subject) hides the collection '\(name.excerpt)' of the records; choose another name",
                at: location)
        }
    }

    // MARK: - Definitions

    /// Every definition with the definitions it calls written out, in the order written; a
    /// definition that calls itself, directly or through others, is refused.
    private mutating func expandDefinitions(in definitions: [ConditionDefinition])
        throws(RuleDiagnostic) -> [ConditionDefinition]
    {
        for definition in definitions {
            if BuiltinFunction(name: definition.name) != nil {
                throw error(
                    "'\(definition.name.excerpt)' is the name of a built-in function; choose another name",
                    at: definition.location)
            }
            for parameter in definition.parameters {
                try checkHides(
                    parameter, "the parameter '\(parameter.excerpt)' of '\(definition.name.excerpt)'",
                    at: definition.location)
            }
        }
        for definition in try Self.dependencyOrder(definitions, path: path) {
            let bound = Dictionary(definition.parameters.map { ($0, definition.location) }) { first, _ in first }
            let body = try topLevel(try expand(definition.body, values: [:], bound: bound, outer: bound))
            var written = definition
            written.body = body.expression
            expanded[definition.name] = (written, body)
        }
        return definitions.map { expanded[$0.name]?.definition ?? $0 }
    }

    /// The definitions ordered so that each comes after those it calls (Kahn's algorithm, without
    /// recursion over the definitions, however long a chain of calls).
    private static func dependencyOrder(_ definitions: [ConditionDefinition], path: String)
        throws(RuleDiagnostic) -> [ConditionDefinition]
    {
        let names = Set(definitions.map(\.name))
        var calls: [String: Set<String>] = [:]
        var callers: [String: [String]] = [:]
        for definition in definitions where calls[definition.name] == nil {
            let called = definition.body.calledNames.intersection(names)
            calls[definition.name] = called
            for callee in called { callers[callee, default: []].append(definition.name) }
        }
        var waiting = calls.mapValues(\.count)
        var ready = definitions.filter { waiting[$0.name] == 0 }.map(\.name)
        var order: [String] = []
        while let name = ready.popLast() {
            order.append(name)
            for caller in callers[name] ?? [] {
                waiting[caller]! -= 1
                if waiting[caller] == 0 { ready.append(caller) }
            }
        }
        let byName = Dictionary(definitions.map { ($0.name, $0) }) { first, _ in first }
        guard order.count == byName.count else {
            let first = definitions.first { waiting[$0.name]! > 0 }!
            throw RuleDiagnostic(
                file: path, at: first.location, message: cycleMessage(from: first.name, calls, waiting))
        }
        return order.map { byName[$0]! }
    }

    /// "'a' calls itself through 'b' (a → b → a); …", following calls among the definitions left
    /// in a cycle until one repeats.
    private static func cycleMessage(from start: String, _ calls: [String: Set<String>], _ waiting: [String: Int])
        -> String
    {
        var path = [start]
        var name = start
        while true {
            name = calls[name]!.filter { waiting[$0]! > 0 }.sorted().first!
            if let repeated = path.firstIndex(of: name) {
                let cycle = Array(path[repeated...]) + [name]
                let through =
                    cycle.count > 2
                    ? " through " + cycle.dropFirst().dropLast().map { "'\($0.excerpt)'" }.joined(separator: ", ") : ""
                return
                    "'\(cycle[0].excerpt)' calls itself\(through) (\(cycle.map(\.excerpt).joined(separator: " → "))); "
                    + "a defined condition cannot use itself"
            }
            path.append(name)
        }
    }

    // MARK: - Rules

    /// The rule with its `let` values written out in its other items.
    private mutating func expand(_ rule: RuleDeclaration) throws(RuleDiagnostic) -> RuleDeclaration {
        var result = rule
        var outer: [String: SourceLocation] = [:]
        if let scope = rule.scope { outer[scope.variable] = scope.source.location }
        var values: [String: Sized] = [:]
        var named: [String: NamedValue] = [:]
        let laterNames = Set(rule.namedValues.map(\.name))
        for value in rule.namedValues {
            if let first = named[value.name] {
                throw error(
                    "this rule already names '\(value.name.excerpt)' at line \(first.location.line)",
                    at: value.location)
            }
            if value.name == rule.scope?.variable {
                throw error(
                    "the named value '\(value.name.excerpt)' hides the rule's loop variable; choose another name",
                    at: value.location)
            }
            if declared[value.name] != nil {
                throw error(
                    "the named value '\(value.name.excerpt)' has the name of a condition defined in this file; "
                        + "choose another name", at: value.location)
            }
            try checkHides(value.name, "the named value '\(value.name.excerpt)'", at: value.location)
            let later = laterNames.subtracting(values.keys)
            if let used = value.value.freeNames.intersection(later).sorted().first {
                let message =
                    used == value.name
                    ? "'\(used.excerpt)' cannot use itself"
                    : "'\(used.excerpt)' is named later in this rule; move its 'let' above this one"
                throw error(message, at: value.value.location)
            }
            let written = try topLevel(try expand(value.value, values: values, bound: [:], outer: outer))
            values[value.name] = written
            named[value.name] = NamedValue(name: value.name, value: written.expression, location: value.location)
        }
        result.namedValues = rule.namedValues.map { named[$0.name]! }
        if let scope = rule.scope {
            if let value = rule.namedValues.first(where: { scope.source.freeNames.contains($0.name) }) {
                throw error(
                    "'for each' cannot use '\(value.name.excerpt)', a value the rule names with 'let'; "
                        + "write its expression there", at: scope.source.location)
            }
            result.scope?.source = try write(scope.source, [:], [:])
        }
        if let filter = rule.filter { result.filter = try write(filter, values, outer) }
        result.requirement = try write(rule.requirement, values, outer)
        for index in rule.conditionalGrades.indices {
            result.conditionalGrades[index].condition = try write(
                rule.conditionalGrades[index].condition, values, outer)
        }
        result.message = try write(rule.message, values, outer)
        for (language, translation) in rule.translations {
            if let message = translation.message {
                result.translations[language]?.message = try write(message, values, outer)
            }
        }
        return result
    }

    /// One item of a rule, written out.
    private mutating func write(_ expression: Expr, _ values: [String: Sized], _ outer: [String: SourceLocation])
        throws(RuleDiagnostic) -> Expr
    {
        if let size = unchangedSize(expression, values) {
            return try topLevel(Sized(expression: expression, size: size, freeNames: [])).expression
        }
        return try topLevel(try expand(expression, values: values, bound: [:], outer: outer)).expression
    }

    /// The number of parts of `expression` when writing it out changes nothing and finds nothing
    /// to report: it reads no named value, calls only built-in functions and binds no loop
    /// variable named like a value. Nil otherwise (``expand(_:values:bound:outer:)`` decides).
    private func unchangedSize(_ expression: Expr, _ values: [String: Sized]) -> Int? {
        // Most rules name no value, most files define no condition: then no name is looked up.
        switch expression.kind {
        case .name(let name) where !values.isEmpty && values[name] != nil: return nil
        case .call(let name, _)
        where (!expanded.isEmpty && expanded[name] != nil) || BuiltinFunction(name: name) == nil:
            return nil
        case .quantifier(_, let variable, _, _) where !values.isEmpty && values[variable] != nil: return nil
        case .filter(let variable, _, _) where !values.isEmpty && values[variable] != nil: return nil
        default: break
        }
        var size = 1
        let unchanged = expression.allOperands { operand in
            guard let parts = unchangedSize(operand, values) else { return false }
            size += parts
            return true
        }
        return unchanged ? size : nil
    }

    /// A message with its placeholders written out.
    private mutating func write(
        _ message: MessageTemplate, _ values: [String: Sized],
        _ outer: [String: SourceLocation]
    ) throws(RuleDiagnostic) -> MessageTemplate {
        // Mostly nothing changes: then each placeholder is only counted, and the message kept.
        var unchanged: [Sized] = []
        for case .placeholder(let expression) in message.parts {
            guard let size = unchangedSize(expression, values) else { break }
            unchanged.append(Sized(expression: expression, size: size, freeNames: []))
        }
        if unchanged.count == message.parts.count(where: { if case .placeholder = $0 { true } else { false } }) {
            for sized in unchanged { _ = try topLevel(sized) }
            return message
        }
        var result = message
        for index in message.parts.indices {
            if case .placeholder(let expression) = message.parts[index] {
                result.parts[index] = .placeholder(try write(expression, values, outer))
            }
        }
        return result
    }

    // MARK: - Expressions

    /// `expression` with the names of `values` and the calls of definitions written out.
    ///
    /// - Parameters:
    ///   - bound: Names bound inside the item around this point (loop variables of quantifiers
    ///     and filters; a definition's parameters), with where they are bound.
    ///   - outer: The rule's own loop variable, which a `let` value may read but a definition
    ///     may not.
    private mutating func expand(
        _ expression: Expr, values: [String: Sized], bound: [String: SourceLocation],
        outer: [String: SourceLocation]
    ) throws(RuleDiagnostic) -> Sized {
        let at = expression.location
        switch expression.kind {
        case .name(let name) where bound[name] == nil:
            guard let value = values[name] else { break }
            if let captured = value.freeNames.sorted().first(where: { bound[$0] != nil }) {
                throw error(
                    "'\(name.excerpt)' reads '\(captured.excerpt)', which here is the loop variable of line "
                        + "\(bound[captured]!.line); give that loop variable another name", at: at)
            }
            return value
        case .call(let name, let arguments):
            var written: [Sized] = []
            for argument in arguments {
                written.append(try expand(argument, values: values, bound: bound, outer: outer))
            }
            if let definition = expanded[name] {
                return try call(
                    definition.definition, body: definition.body, written, bound.merging(outer) { inner, _ in inner },
                    at: at)
            }
            if BuiltinFunction(name: name) == nil {
                let names = BuiltinFunction.allCases.map(\.name) + declared.keys.sorted()
                throw error("unknown function '\(name.excerpt)'\(NearMatch.hint(for: name, among: names))", at: at)
            }
            return Sized(
                expression: Expr(.call(name, written.map(\.expression)), at: at),
                size: written.reduce(1) { $0 + $1.size },
                freeNames: written.reduce(into: Set()) { $0.formUnion($1.freeNames) })
        case .quantifier(_, let variable, _, _), .filter(let variable, _, _):
            if let value = values[variable] {
                throw error(
                    "loop variable '\(variable.excerpt)' hides the value named '\(variable.excerpt)' at line "
                        + "\(value.expression.location.line); choose another name", at: at)
            }
        default:
            break
        }
        return try Self.rebuild(expression) { (operand: Expr, variable: String?) throws(RuleDiagnostic) -> Sized in
            var inner = bound
            if let variable { inner[variable] = at }
            return try expand(operand, values: values, bound: inner, outer: outer)
        }
    }

    /// A call of `definition`, its body with the arguments in place of its parameters.
    ///
    /// - Parameter around: Every name bound where the call is written.
    private mutating func call(
        _ definition: ConditionDefinition, body: Sized, _ arguments: [Sized],
        _ around: [String: SourceLocation], at location: SourceLocation
    )
        throws(RuleDiagnostic) -> Sized
    {
        let name = definition.name.excerpt
        let count = definition.parameters.count
        guard arguments.count == count else {
            let given = arguments.count
            throw error(
                "'\(name)' takes \(count) \(count == 1 ? "argument" : "arguments"), but \(given) "
                    + "\(given == 1 ? "was" : "were") given", at: location)
        }
        let reads = body.freeNames.subtracting(definition.parameters)
        if let captured = reads.sorted().first(where: { around[$0] != nil }) {
            throw error(
                "'\(name)' reads '\(captured.excerpt)', which here is the loop variable of line "
                    + "\(around[captured]!.line); pass it as an argument, or give that loop variable another name",
                at: location)
        }
        walked += body.size
        if walked > RuleLimits.maximumWrittenOutParts { throw tooManyParts(at: location) }
        let values = Dictionary(uniqueKeysWithValues: zip(definition.parameters, arguments))
        var result = try substitute(definition.body, values, inner: [], definition: name, at: location)
        // The names the result reads, found without walking it: the body's own, and those of the
        // arguments of the parameters it reads (substitute refuses a capture).
        result.freeNames = reads
        for parameter in body.freeNames.intersection(definition.parameters) {
            result.freeNames.formUnion(values[parameter]!.freeNames)
        }
        return result
    }

    /// `body` with `arguments` in place of the parameters it reads.
    private func substitute(
        _ body: Expr, _ arguments: [String: Sized], inner: Set<String>, definition: String,
        at location: SourceLocation
    ) throws(RuleDiagnostic) -> Sized {
        if case .name(let name) = body.kind, !inner.contains(name), let argument = arguments[name] {
            if !inner.isEmpty, let captured = argument.freeNames.sorted().first(where: inner.contains) {
                throw error(
                    "an argument of '\(definition)' reads '\(captured.excerpt)', which '\(definition)' uses as a "
                        + "loop variable of its own; give one of them another name", at: location)
            }
            return argument
        }
        return try Self.rebuild(body, findingNames: false) {
            (operand: Expr, variable: String?) throws(RuleDiagnostic) -> Sized in
            try substitute(
                operand, arguments, inner: variable.map { inner.union([$0]) } ?? inner,
                definition: definition, at: location)
        }
    }

    /// `expression` rebuilt from its operands, each replaced by `transform`, which also learns the
    /// loop variable bound around the operand (the condition of a quantifier or filter).
    ///
    /// - Parameter findingNames: false to leave ``Sized/freeNames`` empty below the root, for a
    ///   definition's body: it may be large, and the names of the whole are known without it.
    private static func rebuild(
        _ expression: Expr, findingNames: Bool = true,
        _ transform: (Expr, String?) throws(RuleDiagnostic) -> Sized
    ) throws(RuleDiagnostic)
        -> Sized
    {
        var size = 1
        var names = Set<String>()
        func each(_ operand: Expr, inside variable: String? = nil) throws(RuleDiagnostic) -> Expr {
            let written = try transform(operand, variable)
            size += written.size
            if findingNames {
                names.formUnion(variable.map { written.freeNames.subtracting([$0]) } ?? written.freeNames)
            }
            return written.expression
        }
        let kind: Expr.Kind
        switch expression.kind {
        case .literal:
            return Sized(expression: expression, size: 1, freeNames: [])
        case .name(let name):
            return Sized(expression: expression, size: 1, freeNames: findingNames ? [name] : [])
        case .duration(let amount, let unit): kind = .duration(try each(amount), unit)
        case .list(let items):
            var written: [Expr] = []
            for item in items { written.append(try each(item)) }
            kind = .list(written)
        case .member(let base, let field): kind = .member(try each(base), field)
        case .lookup(let base, let key): kind = .lookup(try each(base), try each(key))
        case .call(let name, let arguments):
            var written: [Expr] = []
            for argument in arguments { written.append(try each(argument)) }
            kind = .call(name, written)
        case .unary(let op, let operand): kind = .unary(op, try each(operand))
        case .binary(let op, let lhs, let rhs): kind = .binary(op, try each(lhs), try each(rhs))
        case .test(let subject, let test, let negated): kind = .test(try each(subject), test, negated: negated)
        case .membership(let item, let list, let negated):
            kind = .membership(try each(item), try each(list), negated: negated)
        case .within(let date, let duration): kind = .within(try each(date), try each(duration))
        case .uniqueIn(let value, let collection): kind = .uniqueIn(try each(value), try each(collection))
        case .quantifier(let quantifier, let variable, let source, let condition):
            kind = .quantifier(
                quantifier, variable: variable, source: try each(source),
                condition: try each(condition, inside: variable))
        case .filter(let variable, let source, let condition):
            kind = .filter(
                variable: variable, source: try each(source), condition: try each(condition, inside: variable))
        }
        return Sized(expression: Expr(kind, at: expression.location), size: size, freeNames: names)
    }

    /// Checks a written-out expression that stands alone (a rule item, a `let` value, a
    /// definition's body) against the limits, and counts its parts against the file's budget.
    private mutating func topLevel(_ sized: Sized) throws(RuleDiagnostic) -> Sized {
        if sized.expression.depth > RuleLimits.maximumExpressionDepth {
            throw error(
                "with its named values and defined conditions written out, this expression is nested more than "
                    + "\(RuleLimits.maximumExpressionDepth) levels deep; split it into smaller conditions",
                at: sized.expression.location)
        }
        budget -= sized.size
        if budget < 0 { throw tooManyParts(at: sized.expression.location) }
        return sized
    }

    private func tooManyParts(at location: SourceLocation) -> RuleDiagnostic {
        error(
            "with their named values and defined conditions written out, the rules of this file have more than "
                + "\(Display.grouped(RuleLimits.maximumWrittenOutParts)) parts; name fewer large expressions, "
                + "or split the file", at: location)
    }
}

extension Expr {
    /// The names of every function or definition this expression calls.
    fileprivate var calledNames: Set<String> {
        var names = Set<String>()
        collectCalls(into: &names)
        return names
    }

    private func collectCalls(into names: inout Set<String>) {
        if case .call(let name, _) = kind { names.insert(name) }
        for operand in operands { operand.collectCalls(into: &names) }
    }

}
