/// A parsed rule file: parameters, clause titles and rules, in the order written.
public struct RuleFile: Sendable {
    /// Path of the file, as found.
    public var path: String
    /// The `version` the file declares (currently 1).
    public var version: Int
    /// `param` declarations.
    public var parameters: [ParameterDeclaration]
    /// `clause` declarations: the titles and on-site checklist items of a standard's clauses.
    public var clauses: [ClauseDeclaration]
    /// `rule … end` blocks.
    public var rules: [RuleDeclaration]
    /// `term` declarations: how codes are written in findings.
    public var terms: [TermDeclaration] = []
    /// `define` declarations: conditions with parameters the file's rules call by name.
    public var definitions: [ConditionDefinition] = []

    /// Creates a rule file.
    public init(
        path: String, version: Int = 1, parameters: [ParameterDeclaration] = [],
        clauses: [ClauseDeclaration] = [], rules: [RuleDeclaration] = []
    ) {
        self.path = path
        self.version = version
        self.parameters = parameters
        self.clauses = clauses
        self.rules = rules
    }
}

/// `param name = default range min ... max "description"`: a named value rules use and users
/// override with `--param name=value`.
public struct ParameterDeclaration: Sendable, Equatable {
    public var name: String
    /// The default, a literal.
    public var defaultValue: Expr.Literal
    public var description: String?
    public var location: SourceLocation
    /// The smallest value a number parameter may take (`range 0 ...`), when the file sets one.
    public var minimum: Double?
    /// The largest value a number parameter may take (`range ... 1`), when the file sets one.
    public var maximum: Double?

    public init(
        name: String, defaultValue: Expr.Literal, description: String?, location: SourceLocation,
        minimum: Double? = nil, maximum: Double? = nil
    ) {
        self.name = name
        self.defaultValue = defaultValue
        self.description = description
        self.location = location
        self.minimum = minimum
        self.maximum = maximum
    }

    /// True when `number` is within the declared range (any finite number when there is none).
    public func allows(_ number: Double) -> Bool {
        number.isFinite && number >= (minimum ?? -.infinity) && number <= (maximum ?? .infinity)
    }

    /// What the range allows, in words: "from 0 to 1", "at least 0", "at most 100", "any number".
    public var rangeDescription: String {
        switch (minimum, maximum) {
        case let (minimum?, maximum?): return "from \(RuntimeValue.format(minimum)) to \(RuntimeValue.format(maximum))"
        case let (minimum?, nil): return "at least \(RuntimeValue.format(minimum))"
        case let (nil, maximum?): return "at most \(RuntimeValue.format(maximum))"
        case (nil, nil): return "any number"
        }
    }
}

/// `clause iso9001 7.1.4 "title"`, optionally followed by `verify on site "what to check"`:
/// the title of a clause, and what an auditor checks where records cannot show it.
public struct ClauseDeclaration: Sendable, Equatable {
    public var standard: Standard
    public var clause: String
    public var title: String
    /// The on-site checklist item, when the clause carries one.
    public var onSite: String?
    public var location: SourceLocation
    /// Translated titles (`clause iso9001 4.1 "Title" fr "Titre"`), by language.
    public var translatedTitles: [Language: String]
    /// Translated on-site items (`verify on site "…" fr "…"`), by language.
    public var translatedOnSite: [Language: String]
    /// What the clause requires, in plain words (`requires "…"`), for the requirement line of
    /// audit statements; nil when the file does not say.
    public var requirement: String?
    /// Translated requirement texts, by language.
    public var translatedRequirements: [Language: String] = [:]

    public init(
        standard: Standard, clause: String, title: String, onSite: String?, location: SourceLocation,
        translatedTitles: [Language: String] = [:], translatedOnSite: [Language: String] = [:]
    ) {
        self.standard = standard
        self.clause = clause
        self.title = title
        self.onSite = onSite
        self.location = location
        self.translatedTitles = translatedTitles
        self.translatedOnSite = translatedOnSite
    }

    /// The title in `language`, or the English title when the file gives no translation.
    public func localizedTitle(_ language: Language) -> String { translatedTitles[language] ?? title }

    /// What the clause requires in `language`, falling back to English.
    public func localizedRequirement(_ language: Language) -> String? {
        requirement.map { translatedRequirements[language] ?? $0 }
    }

    /// The on-site item in `language`, falling back to English.
    public func localizedOnSite(_ language: Language) -> String? { onSite.map { translatedOnSite[language] ?? $0 } }
}

/// One `rule … end` block.
public struct RuleDeclaration: Sendable, Equatable {
    /// A grade that replaces the default when its condition holds (`grade minor when …`).
    public struct ConditionalGrade: Sendable, Equatable {
        public var grade: Grade
        public var condition: Expr

        public init(grade: Grade, condition: Expr) {
            self.grade = grade
            self.condition = condition
        }
    }

    /// `for each variable in source`: the records a per-record rule walks.
    public struct Scope: Sendable, Equatable {
        public var variable: String
        public var source: Expr

        public init(variable: String, source: Expr) {
            self.variable = variable
            self.source = source
        }
    }

    /// The texts of a rule in another language (`title.fr`, `message.fr`, `guidance.fr`); each may be
    /// missing, and the English text is used instead.
    public struct Translation: Sendable, Equatable {
        public var title: String?
        public var message: MessageTemplate?
        public var guidance: String?

        public init(title: String? = nil, message: MessageTemplate? = nil, guidance: String? = nil) {
            self.title = title
            self.message = message
            self.guidance = guidance
        }
    }

    public var id: String
    public var title: String
    public var standard: Standard
    public var clause: String
    /// The stages the rule runs in.
    public var stages: Set<Stage>
    /// The default grade.
    public var grade: Grade
    /// Grades that apply instead when their condition holds, tried in order.
    public var conditionalGrades: [ConditionalGrade]
    /// Guidance for the report: what the requirement means and what to fix.
    public var guidance: String?
    /// Present for a per-record rule; nil for a rule about the export as a whole.
    public var scope: Scope?
    /// `where`: only records satisfying it are checked.
    public var filter: Expr?
    /// `require`: what must hold; a finding is raised when it does not.
    public var requirement: Expr
    /// `message`: the finding's text.
    public var message: MessageTemplate
    public var location: SourceLocation
    /// Texts in other languages, by language.
    public var translations: [Language: Translation]
    /// `let` items: values named in the rule, in the order written. Their uses in the other items
    /// are already written out in full.
    public var namedValues: [NamedValue] = []
    /// False for a rule written `systemic never`: its minor findings stay minors however many
    /// records they concern (a lapse that, even repeated, leaves the system able to achieve its
    /// results).
    public var escalates = true

    public init(
        id: String, title: String, standard: Standard, clause: String, stages: Set<Stage>, grade: Grade,
        conditionalGrades: [ConditionalGrade] = [], guidance: String? = nil, scope: Scope? = nil,
        filter: Expr? = nil, requirement: Expr, message: MessageTemplate,
        location: SourceLocation, translations: [Language: Translation] = [:]
    ) {
        self.translations = translations
        self.id = id
        self.title = title
        self.standard = standard
        self.clause = clause
        self.stages = stages
        self.grade = grade
        self.conditionalGrades = conditionalGrades
        self.guidance = guidance
        self.scope = scope
        self.filter = filter
        self.requirement = requirement
        self.message = message
        self.location = location
    }
}

extension RuleDeclaration {
    /// The title in `language`, falling back to English.
    public func localizedTitle(_ language: Language) -> String { translations[language]?.title ?? title }

    /// The message template in `language`, falling back to English.
    public func localizedMessage(_ language: Language) -> MessageTemplate { translations[language]?.message ?? message }

    /// The guidance in `language`, falling back to English (nil when the rule has none).
    public func localizedGuidance(_ language: Language) -> String? { translations[language]?.guidance ?? guidance }

    /// The texts (`title`, `message`, `guidance`) this rule does not give in `language`.
    public func untranslatedItems(in language: Language) -> [String] {
        guard language != .en else { return [] }
        let translation = translations[language]
        var missing: [String] = []
        if translation?.title == nil { missing.append("title.\(language.rawValue)") }
        if translation?.message == nil { missing.append("message.\(language.rawValue)") }
        if guidance != nil, translation?.guidance == nil { missing.append("guidance.\(language.rawValue)") }
        return missing
    }
}

/// A message with `{expression}` placeholders, parsed once.
public struct MessageTemplate: Sendable, Equatable {
    /// A run of text or a placeholder.
    public enum Part: Sendable, Equatable {
        case text(String)
        case placeholder(Expr)
    }

    public var parts: [Part]

    public init(parts: [Part]) {
        self.parts = parts
    }
}
