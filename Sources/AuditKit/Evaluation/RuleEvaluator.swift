/// Evaluates one rule over the records and produces its findings.
struct RuleEvaluator {
    /// A finding before its location is turned into a file path.
    struct RawFinding: Sendable {
        // In this order the small ones share a word: 64 bytes a finding, not 80.
        /// The message and the values it shows, by position in the rule's
        /// ``MessageRenderer/argumentNames``.
        var text: FindingText
        var location: SourceLocation?
        var grade: Grade
        var collection: String?
        var record: String?

        /// The message, written.
        var message: String { text.message }

        /// A finding with its message and arguments as given.
        init(
            grade: Grade, collection: String?, record: String?, message: String, location: SourceLocation?,
            arguments: [MessageArgument] = []
        ) {
            self.init(
                grade: grade, collection: collection, record: record, text: .given(message, arguments),
                location: location)
        }

        init(grade: Grade, collection: String?, record: String?, text: FindingText, location: SourceLocation?) {
            self.grade = grade
            self.collection = collection
            self.record = record
            self.text = text
            self.location = location
        }
    }

    private let rule: RuleDeclaration
    private let slotCount: Int
    private let itemSlot: Int?
    private let source: Evaluation?
    private let filter: Evaluation?
    private let requirement: Evaluation
    private let grades: [(Grade, Evaluation)]
    private let message: RuleMessage
    private let arguments: [Evaluation]
    private let collection: String?

    /// Compiles `rule` against one run's environment.
    init(rule: RuleDeclaration, environment: EvaluationEnvironment, language: Language = .en) {
        self.rule = rule
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
        let renderer = MessageRenderer(rule: rule)
        message = RuleMessage(renderer: renderer, language: language, terms: environment.terms)
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
        // The values are kept and the message written when read; values holding a record (which
        // the finding must not keep) have it written now.
        let text =
            MessageValues(values).map { FindingText.rule(message, $0) }
            ?? .given(message.message(values), values.map(MessageArgument.init))
        return RawFinding(
            grade: grade, collection: collection, record: record?.id ?? item.flatMap(\.scalarText), text: text,
            location: record?.location)
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
