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
    /// Bit n set when a code starts with the ASCII byte n (64 to 127 in `highStarts`): a text
    /// starting with another ASCII byte is no code, known without hashing it. Most texts a message
    /// shows are names, ids and dates; codes are lower-case words.
    private var lowStarts: UInt64 = 0
    private var highStarts: UInt64 = 0

    /// No terms: codes are written as they are.
    public init() {}

    /// The terms declared in `declarations`; the first declaration of a code wins (the checker
    /// refuses two different labels for one code).
    public init(_ declarations: [TermDeclaration]) {
        for term in declarations where byCode[term.code] == nil {
            byCode[term.code] = term
            if let first = term.code.utf8.first, first < 128 {
                if first < 64 { lowStarts |= 1 << UInt64(first) } else { highStarts |= 1 << UInt64(first - 64) }
            }
        }
    }

    /// The label of `code` in `language`, or nil when no term declares it.
    public func label(_ code: String, in language: Language) -> String? {
        if byCode.isEmpty { return nil }
        if let first = code.utf8.first, first < 128,
            (first < 64 ? lowStarts >> UInt64(first) : highStarts >> UInt64(first - 64)) & 1 == 0
        {
            return nil
        }
        return byCode[code]?.label(in: language)
    }

    /// True when no term is declared.
    public var isEmpty: Bool { byCode.isEmpty }
}
