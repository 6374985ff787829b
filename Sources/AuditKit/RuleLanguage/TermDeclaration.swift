/// `term "supplier_performance" "supplier performance" fr "performance des prestataires"`: how a
/// code found in the records is written in the prose of findings, in each language, so that no
/// raw code (`supplier_performance`, `high`) reaches a report.
public struct TermDeclaration: Sendable, Equatable {
    /// The code as the records write it.
    public var code: String
    /// The English label.
    public var label: String
    /// Labels in other languages, by language.
    public var translations: [Language: String]
    public var location: SourceLocation

    public init(code: String, label: String, translations: [Language: String] = [:], location: SourceLocation) {
        self.code = code
        self.label = label
        self.translations = translations
        self.location = location
    }

    /// The label in `language`, English when the file gives no translation.
    public func label(in language: Language) -> String { translations[language] ?? label }
}

/// The terms of a rule set, looked up by code when a message writes a value.
public struct Terms: Sendable {
    private var byCode: [String: TermDeclaration] = [:]

    /// No terms: codes are written as they are.
    public init() {}

    /// The terms declared in `declarations`; the first declaration of a code wins (the checker
    /// refuses two different labels for one code).
    public init(_ declarations: [TermDeclaration]) {
        for term in declarations where byCode[term.code] == nil { byCode[term.code] = term }
    }

    /// The label of `code` in `language`, or nil when no term declares it.
    public func label(_ code: String, in language: Language) -> String? {
        byCode.isEmpty ? nil : byCode[code]?.label(in: language)
    }

    /// True when no term is declared.
    public var isEmpty: Bool { byCode.isEmpty }
}
