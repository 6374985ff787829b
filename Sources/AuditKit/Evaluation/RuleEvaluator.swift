/// Evaluates one rule over the records and produces its findings.
struct RuleEvaluator {
    /// A finding before its location is turned into a file path.
    struct RawFinding: Sendable {
        var grade: Grade
        var collection: String?
        var record: String?
        var message: String
        var location: SourceLocation?
        /// The values the message shows, by position in the rule's ``MessageRenderer/argumentNames``.
        var arguments: [MessageArgument] = []
    }

    private let rule: RuleDeclaration
    private let slotCount: Int
    private let itemSlot: Int?
    private let source: Evaluation?
    private let filter: Evaluation?
    private let requirement: Evaluation
    private let grades: [(Grade, Evaluation)]
    private let renderer: MessageRenderer
    private let arguments: [Evaluation]
    private let collection: String?
    private let language: Language
    private let terms: Terms

    /// Compiles `rule` against one run's environment.
    init(rule: RuleDeclaration, environment: EvaluationEnvironment, language: Language = .en) {
        self.rule = rule
        self.language = language
        self.terms = environment.terms
        var compiler = ExprCompiler(environment: environment)
        compiler.language = language
        if let scope = rule.scope {
            source = compiler.compile(scope.source)
            itemSlot = compiler.bind(scope.variable, over: scope.source)
            collection = RuleEvaluator.collectionName(of: scope.source)
        } else {
            source = nil
            itemSlot = nil
            collection = nil
        }
        filter = rule.filter.map { compiler.compile($0) }
        requirement = compiler.compileRequirement(rule.requirement)
        grades = rule.conditionalGrades.map { ($0.grade, compiler.compile($0.condition)) }
        renderer = MessageRenderer(rule: rule)
        compiler.marksNotExported = true
        arguments = renderer.argumentExpressions.map { compiler.compile($0) }
        slotCount = compiler.slotCount
    }

    /// What one rule gave: its findings, and how many records it examined (the denominator of
    /// systemic escalation).
    struct Outcome: Sendable {
        var findings: [RawFinding] = []
        /// Items that passed `where` (1 or 0 for a rule about the export as a whole).
        var examined = 0
    }

    /// The findings of this rule, in record order, and the number of records examined.
    func evaluate() -> Outcome {
        let frame = EvaluationFrame(size: slotCount)
        var outcome = Outcome()
        guard let source, let itemSlot else {
            if let finding = check(frame, item: nil, examined: &outcome.examined) { outcome.findings.append(finding) }
            return outcome
        }
        for item in source(frame).items {
            frame.slots[itemSlot] = item
            if let finding = check(frame, item: item, examined: &outcome.examined) { outcome.findings.append(finding) }
        }
        return outcome
    }

    private func check(_ frame: EvaluationFrame, item: RuntimeValue?, examined: inout Int) -> RawFinding? {
        if let filter, filter(frame).bool != true { return nil }
        examined += 1
        guard requirement(frame).bool == false else { return nil }
        let grade = grades.first { $0.1(frame).bool == true }?.0 ?? rule.grade
        let values = arguments.map { $0(frame) }
        let record = item?.record
        return RawFinding(
            grade: grade, collection: collection, record: record?.id ?? item.flatMap(\.scalarText),
            message: renderer.render(values, in: language, terms: terms), location: record?.location,
            arguments: values.map(MessageArgument.init))
    }

    /// `complaints` for `for each c in complaints`, `analyses` for `… in complaints_handling.analyses`.
    private static func collectionName(of expr: Expr) -> String? {
        switch expr.kind {
        case .name(let name): return name
        case .member(_, let field): return field
        default: return nil
        }
    }
}

extension RuntimeValue {
    /// The text of a scalar item (a code in a list), used to name it in a finding.
    var scalarText: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}
