/// One token of a rule file: a word, number, date, text, symbol, or the end of the input.
///
/// The lexer keeps the raw spelling of every token (`8.5.1` stays `8.5.1`), its place, and
/// whether whitespace came before it, which the parser needs to glue rule ids such as
/// `Q44-internal-audit-done` back together.
struct Token: Sendable, Equatable {
    /// What sort of token this is.
    enum Kind: Sendable, Equatable {
        /// A name or keyword: letters, digits and `_`, starting with a letter or `_`.
        case word
        /// Digits with any number of `.digits` groups: `3`, `0.95`, `8.5.1`.
        case number
        /// `YYYY-MM-DD`, already validated.
        case date
        /// A text in double quotes, or a long text in triple quotes.
        case string
        /// One of `= != < <= > >= + - * / ( ) [ ] , .`.
        case symbol
        /// The end of the input.
        case end
    }

    /// What sort of token this is.
    var kind: Kind
    /// The token as written; empty for a text, whose characters are its ``value`` (making both
    /// strings for every text was 3 % of loading the bundled rules). Errors name a text by its
    /// value (``described``).
    var text: String
    /// Where the token starts.
    var location: SourceLocation
    /// True when whitespace, a comment or a line break came before the token.
    var spaceBefore: Bool
    /// For a text: its value with escapes resolved and, for a long text, indentation removed.
    var value: String = ""
    /// For a text with braces: where the characters of ``value`` were written (used for message
    /// placeholders).
    var valuePlaces = TextPlaces()
    /// For a date: the date.
    var date: CalendarDate?

    /// For a text with braces: where each character of ``value`` was written; empty otherwise.
    var valueLocations: [SourceLocation] { valuePlaces.byByte(of: Array(value.utf8)).compactMap { $0 } }

    /// True for a word spelled `word`.
    func isWord(_ word: String) -> Bool { kind == .word && text == word }

    /// True for the symbol `symbol`.
    func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }

    /// How the token is named in an error message: `'end'`, `"phone"`, `end of file`.
    var described: String {
        switch kind {
        case .end: return "end of file"
        case .string:
            let oneLine = String(value.prefix(31).map { $0.isNewline ? " " : $0 })
            let short = oneLine.count > 30 ? String(oneLine.prefix(27)).excerpt + "..." : oneLine.excerpt
            return "the text \"\(short)\""
        default: return "'\(text.excerpt)'"
        }
    }
}

/// Words that cannot name a variable or parameter (see docs/rule-language.md).
enum ReservedWords {
    /// True for a reserved word. Each is a few lowercase ASCII letters, so a longer name or one
    /// with anything else (most have a `_`) is not looked up.
    static func contains(_ word: String) -> Bool {
        word.utf8.count <= longest && word.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } && all.contains(word)
    }

    private static let longest = all.map(\.utf8.count).max() ?? 0

    /// The reserved words of rule language version 1, each lowercase ASCII letters.
    static let all: Set<String> = [
        "rule", "end", "param", "version", "clause", "title", "standard", "stages", "grade", "when",
        "guidance", "for", "each", "in", "where", "require", "message", "and", "or", "not", "is",
        "every", "some", "no", "satisfies", "within", "before", "after", "true", "false", "let", "define"
    ]
}
