/// The items a rule may contain, in the order the spec lists them.
enum RuleItem: String, CaseIterable {
    case title, standard, clause, stages, grade, systemic, guidance
    case `for`, `let`, `where`, require, message

    /// The item a word names: looked up faster than the names are compared one by one.
    static func named(_ word: String) -> RuleItem? { byName[word] }

    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// The item's place in ``allCases``.
    var number: Int { Self.allCases.firstIndex(of: self)! }

    /// How an earlier item is named in "the rule already has …".
    var phrase: String {
        switch self {
        case .title: return "a title"
        case .standard: return "a standard"
        case .clause: return "a clause"
        case .stages: return "stages"
        case .grade: return "a grade"
        case .systemic: return "a 'systemic'"
        case .guidance: return "guidance"
        case .for: return "a 'for each'"
        case .let: return "a 'let'"
        case .where: return "a 'where'"
        case .require: return "a 'require'"
        case .message: return "a message"
        }
    }
}

/// The items of a rule read so far.
private struct RuleDraft {
    var title: String?
    var standard: Standard?
    var clause: String?
    var stages: Set<Stage>?
    var grade: Grade?
    var conditionalGrades: [RuleDeclaration.ConditionalGrade] = []
    /// False after `systemic never`.
    var escalates = true
    var guidance: String?
    var scope: RuleDeclaration.Scope?
    var filter: Expr?
    var requirement: Expr?
    var message: MessageTemplate?
    /// `title.fr`, `message.fr`, `guidance.fr`, by language.
    var translations: [Language: RuleDeclaration.Translation] = [:]
    /// `let` items, in the order written.
    var namedValues: [NamedValue] = []
    /// The line of each item already read (for `grade`, the unconditional one), in the order of
    /// ``RuleItem/allCases``: a rule has few items, and a dictionary cost more than the rest of
    /// reading them.
    var lines = [Int?](repeating: nil, count: RuleItem.allCases.count)
    /// The line of each translated item already read (`title.fr`).
    var translatedLines: [(item: RuleItem, language: Language, line: Int)] = []
}

extension Parser {
    /// `rule ID { item } end`.
    mutating func parseRule() throws(RuleDiagnostic) -> RuleDeclaration {
        let keyword = advance()
        let idToken = current
        let id = try parseRuleID()
        var draft = RuleDraft()
        while !accept(word: "end") {
            guard current.kind == .word, let item = RuleItem.named(current.text) else {
                throw ruleItemError(id: id, opened: keyword)
            }
            try parseItem(item, into: &draft)
        }
        return try build(draft, id: id, keyword: keyword, idLocation: idToken.location)
    }

    /// A rule id, glued from the tokens written without spaces: `Q44-internal-audit-done`.
    private mutating func parseRuleID() throws(RuleDiagnostic) -> String {
        let first = current
        let glued = peek(1).kind != .end && peek(1).kind != .string && !peek(1).spaceBefore
        let reserved = first.kind == .word && ReservedWords.contains(first.text) && !glued
        guard [.word, .number, .date].contains(first.kind), !reserved else {
            throw unexpected("a rule id such as Q44-internal-audit after 'rule'")
        }
        var id = advance().text
        while current.kind != .end, current.kind != .string, !current.spaceBefore {
            id += advance().text
        }
        guard Self.isValidRuleID(id) else {
            throw error(
                "invalid rule id '\(id.excerpt)'; use letters, digits, '-', '_' and '.', starting with a letter or digit",
                at: first.location)
        }
        return id
    }

    /// ASCII letters, digits, `.`, `_` and `-`, starting with a letter or digit: decided on the
    /// bytes, since any byte beyond ASCII belongs to a character that is none of these.
    private static func isValidRuleID(_ id: String) -> Bool {
        let alphanumeric: (UInt8) -> Bool = { ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
        guard let first = id.utf8.first, alphanumeric(first) else { return false }
        return id.utf8.allSatisfy {
            alphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
    }

    private func ruleItemError(id: String, opened keyword: Token) -> RuleDiagnostic {
        let closing = "'end' to close rule '\(id.excerpt)' (opened at line \(keyword.location.line))"
        let token = current
        if token.kind == .word, !["rule", "param", "version"].contains(token.text) {
            let names = RuleItem.allCases.map(\.rawValue) + ["end"]
            if let match = NearMatch.best(for: token.text, among: names) {
                return error("unknown rule item '\(token.text.excerpt)'; did you mean '\(match)'?", at: token.location)
            }
            return error(
                "unknown rule item '\(token.text.excerpt)'; expected title, standard, clause, stages, grade, "
                    + "systemic, guidance, for each, let, where, require, message, or \(closing)", at: token.location)
        }
        return unexpected(closing)
    }

    private mutating func parseItem(_ item: RuleItem, into draft: inout RuleDraft) throws(RuleDiagnostic) {
        let keyword = advance()
        if item == .grade {
            return try parseGrade(keyword, into: &draft)
        }
        if current.isSymbol("."), [.title, .message, .guidance].contains(item) {
            return try parseTranslatedItem(item, keyword, into: &draft)
        }
        if item == .let {
            return draft.namedValues.append(try parseNamedValue(keyword))
        }
        if let line = draft.lines[item.number] {
            throw error("the rule already has \(item.phrase) at line \(line)", at: keyword.location)
        }
        draft.lines[item.number] = Int(keyword.location.line)
        switch item {
        case .title: draft.title = try string("the title in double quotes after 'title'").value
        case .standard: draft.standard = try parseStandard()
        case .clause: draft.clause = try parseClauseNumber()
        case .stages: draft.stages = try parseStages()
        case .systemic:
            guard accept(word: "never") else {
                throw unexpected("'never' after 'systemic' (the rule's lapses are never grouped into a systemic major)")
            }
            draft.escalates = false
        case .guidance: draft.guidance = try string("the guidance in double quotes after 'guidance'").value
        case .for: draft.scope = try parseScope()
        case .where: draft.filter = try parseExpression()
        case .require: draft.requirement = try parseExpression()
        case .message: draft.message = try parseMessage(try string("the message in double quotes after 'message'"))
        case .grade, .let: break
        }
    }

    /// `title.fr "…"`, `message.fr "…"`, `guidance.fr "…"`: the keyword, a dot and a language code
    /// written together.
    private mutating func parseTranslatedItem(
        _ item: RuleItem, _ keyword: Token,
        into draft: inout RuleDraft
    ) throws(RuleDiagnostic) {
        let dot = advance()
        let code = current
        guard !dot.spaceBefore, code.kind == .word, !code.spaceBefore else {
            throw error("write a translated item without spaces, such as '\(item.rawValue).fr'", at: dot.location)
        }
        guard let language = Language(rawValue: code.text), language != .en else {
            throw error(
                "unknown language '\(code.text)' in '\(item.rawValue).\(code.text)'; use '\(item.rawValue).fr'",
                at: code.location)
        }
        advance()
        let name = "\(item.rawValue).\(language.rawValue)"
        if let line = draft.translatedLines.first(where: { $0.item == item && $0.language == language })?.line {
            throw error("the rule already has '\(name)' at line \(line)", at: keyword.location)
        }
        draft.translatedLines.append((item, language, Int(keyword.location.line)))
        var translation = draft.translations[language] ?? .init()
        let text = try string("the text in double quotes after '\(name)'")
        switch item {
        case .title: translation.title = text.value
        case .guidance: translation.guidance = text.value
        default: translation.message = try parseMessage(text)
        }
        draft.translations[language] = translation
    }

    /// `grade major` or `grade minor when EXPR`.
    private mutating func parseGrade(_ keyword: Token, into draft: inout RuleDraft) throws(RuleDiagnostic) {
        guard current.kind == .word else {
            throw unexpected("a grade: major, minor, observation or opportunity")
        }
        guard let grade = Grade(rawValue: current.text) else {
            let hint = NearMatch.hint(
                for: current.text, among: Grade.allCases.map(\.rawValue),
                otherwise: "; use major, minor, observation or opportunity")
            throw error("unknown grade '\(current.text)'\(hint)", at: current.location)
        }
        advance()
        if accept(word: "when") {
            draft.conditionalGrades.append(.init(grade: grade, condition: try parseExpression()))
            return
        }
        if let line = draft.lines[RuleItem.grade.number] {
            throw error("the rule already has a grade at line \(line)", at: keyword.location)
        }
        draft.lines[RuleItem.grade.number] = Int(keyword.location.line)
        draft.grade = grade
    }

    /// `stages initial, certification` (or `both`, the two stages of the initial audit), or
    /// `surveillance`, `recertification`.
    private mutating func parseStages() throws(RuleDiagnostic) -> Set<Stage> {
        var stages: Set<Stage> = []
        repeat {
            guard current.kind == .word else {
                throw unexpected("a stage: initial, certification, both, surveillance or recertification")
            }
            switch current.text {
            case "both": stages.formUnion(Stage.initialAudit)
            default:
                guard let stage = Stage(rawValue: current.text) else {
                    let hint = NearMatch.hint(
                        for: current.text,
                        among: ["initial", "certification", "both", "surveillance", "recertification"],
                        otherwise: "; use initial, certification, both, surveillance or recertification")
                    throw error("unknown stage '\(current.text)'\(hint)", at: current.location)
                }
                stages.insert(stage)
            }
            advance()
        } while accept(symbol: ",")
        return stages
    }

    /// `each VAR in EXPR`, after `for`.
    private mutating func parseScope() throws(RuleDiagnostic) -> RuleDeclaration.Scope {
        try expect(word: "each", "'each' after 'for'")
        let variable = try identifier(naming: "a loop variable")
        try expect(word: "in", "'in' after 'for each \(variable.text.excerpt)'")
        return RuleDeclaration.Scope(variable: variable.text, source: try parseExpression())
    }

    /// Checks the required items are there and builds the rule.
    private func build(_ draft: RuleDraft, id: String, keyword: Token, idLocation: SourceLocation)
        throws(RuleDiagnostic) -> RuleDeclaration
    {
        func missing(_ item: String, _ advice: String) -> RuleDiagnostic {
            error("rule '\(id.excerpt)' has no '\(item)'; \(advice)", at: keyword.location)
        }
        guard let title = draft.title else { throw missing("title", "add one line saying what must hold") }
        guard let standard = draft.standard else {
            throw missing("standard", "add 'standard iso9001' or 'standard iso10002'")
        }
        guard let clause = draft.clause else {
            throw missing("clause", "add the clause it checks, such as 'clause 9.2.2'")
        }
        guard let grade = draft.grade else { throw missing("grade", "add its default grade, such as 'grade minor'") }
        guard let requirement = draft.requirement else { throw missing("require", "add the condition that must hold") }
        guard let message = draft.message else { throw missing("message", "add the text of the finding it raises") }
        var rule = RuleDeclaration(
            id: id, title: title, standard: standard, clause: clause,
            stages: draft.stages ?? Stage.initialAudit, grade: grade, conditionalGrades: draft.conditionalGrades,
            guidance: draft.guidance, scope: draft.scope, filter: draft.filter, requirement: requirement,
            message: message, location: idLocation, translations: draft.translations)
        rule.namedValues = draft.namedValues
        rule.escalates = draft.escalates
        return rule
    }
}
