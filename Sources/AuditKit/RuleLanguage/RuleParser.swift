/// Reads rule files (see docs/rule-language.md) into ``RuleFile`` values.
public enum RuleParser {
    /// Parses one rule file. Stops at the first syntax error.
    ///
    /// - Parameters:
    ///   - source: The text of the file.
    ///   - path: The path used in diagnostics.
    ///   - fileIndex: The index stored in every ``SourceLocation`` of the result.
    /// - Returns: The file's parameters, clause declarations and rules, in the order written, with
    ///   every `let` and `define` written out where it is used.
    /// - Throws: A ``RuleDiagnostic`` naming the line and column of the first syntax error, or of
    ///   the first misuse of a `let` or `define` name.
    public static func parse(source: String, path: String, fileIndex: Int32) throws(RuleDiagnostic) -> RuleFile {
        var lexer = Lexer(source: source, path: path, fileIndex: fileIndex)
        let (tokens, error) = lexer.tokenize()
        var parser = Parser(tokens: tokens, lexError: error, path: path)
        return try NamedExpressionExpander.expand(try parser.parseFile())
    }
}

/// A recursive-descent parser over the tokens of one file (or of one message placeholder).
struct Parser {
    var tokens: [Token]
    var index = 0
    let lexError: RuleDiagnostic?
    let path: String
    /// How the end of the tokens is named in errors: "end of file", or "'}'" in a placeholder.
    var endDescription = "end of file"
    /// How many parentheses, lists, calls, lookups and quantifiers enclose the current token.
    var nesting = 0

    init(tokens: [Token], lexError: RuleDiagnostic?, path: String) {
        self.tokens = tokens
        self.lexError = lexError
        self.path = path
    }

    // MARK: - Token access

    var current: Token { tokens[index] }

    func peek(_ offset: Int) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    var previous: Token? { index > 0 ? tokens[index - 1] : nil }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    /// True when the current token is the word `word`; it is then consumed.
    mutating func accept(word: String) -> Bool {
        guard current.isWord(word) else { return false }
        advance()
        return true
    }

    /// True when the current token is the symbol `symbol`; it is then consumed.
    mutating func accept(symbol: String) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        advance()
        return true
    }

    // MARK: - Errors

    func error(_ message: String, at location: SourceLocation) -> RuleDiagnostic {
        RuleDiagnostic(file: path, at: location, message: message)
    }

    func describe(_ token: Token) -> String { token.kind == .end ? endDescription : token.described }

    /// "expected X, found Y" at the current token, or the lexer's error when it stopped here.
    func unexpected(_ expected: String) -> RuleDiagnostic {
        if current.kind == .end, let lexError { return lexError }
        return error("expected \(expected), found \(describe(current))", at: current.location)
    }

    // What is expected is written only for an error: most of these texts quote tokens and places.

    mutating func expect(word: String, _ expected: @autoclosure () -> String) throws(RuleDiagnostic) {
        guard accept(word: word) else { throw unexpected(expected()) }
    }

    mutating func expect(symbol: String, _ expected: @autoclosure () -> String) throws(RuleDiagnostic) {
        guard accept(symbol: symbol) else { throw unexpected(expected()) }
    }

    /// A name for a parameter or variable: a word that is not reserved.
    mutating func identifier(naming what: @autoclosure () -> String) throws(RuleDiagnostic) -> Token {
        if current.kind == .word, ReservedWords.contains(current.text) {
            throw error("'\(current.text)' is a reserved word and cannot name \(what())", at: current.location)
        }
        guard current.kind == .word else { throw unexpected("a name for \(what())") }
        return advance()
    }

    /// A text in double quotes.
    mutating func string(_ expected: @autoclosure () -> String) throws(RuleDiagnostic) -> Token {
        guard current.kind == .string else { throw unexpected(expected()) }
        return advance()
    }

    // MARK: - File

    mutating func parseFile() throws(RuleDiagnostic) -> RuleFile {
        var file = RuleFile(path: path)
        while true {
            switch current.kind == .word ? current.text : "" {
            case "version": file.version = try parseVersion()
            case "param": file.parameters.append(try parseParameter())
            case "clause": file.clauses.append(try parseClauseDeclaration())
            case "rule": file.rules.append(try parseRule())
            case "term": file.terms.append(try parseTerm())
            case "define": file.definitions.append(try parseDefinition())
            default:
                if current.kind == .end, lexError == nil { return file }
                let hint =
                    current.kind == .word
                    ? NearMatch.hint(for: current.text, among: ["rule", "clause", "param", "term", "define", "version"])
                    : ""
                if index == 0, hint.isEmpty,
                    lexError.map({
                        $0.line != current.location.line
                            || $0.column != current.location.column
                    }) ?? true
                {
                    // Perhaps not a rule file at all (a link to another file): quote none of it.
                    throw error(
                        "this does not look like a rule file: it should start with 'version', 'param', "
                            + "'clause', 'term' or 'rule' (or a # comment)", at: current.location)
                }
                throw error(
                    unexpected("'rule', 'clause', 'param', 'term', 'define' or 'version'").message + hint,
                    at: current.location)
            }
        }
    }

    private mutating func parseVersion() throws(RuleDiagnostic) -> Int {
        advance()
        guard current.kind == .number, let version = Int(current.text), version >= 1 else {
            throw unexpected("a version number such as 1 after 'version'")
        }
        if version > 1 {
            throw error(
                "this file needs rule language version \(version); this auditready understands version 1",
                at: current.location)
        }
        advance()
        return version
    }

    private mutating func parseParameter() throws(RuleDiagnostic) -> ParameterDeclaration {
        let keyword = advance()
        let name = try identifier(naming: "a parameter")
        try expect(symbol: "=", "'=' after the parameter name '\(name.text)'")
        let valueToken = current
        let value = try parseLiteralValue()
        var declaration = ParameterDeclaration(
            name: name.text, defaultValue: value, description: nil,
            location: keyword.location)
        if current.isWord("range") {
            try parseRange(of: &declaration, default: valueToken)
        }
        declaration.description = current.kind == .string ? advance().value : nil
        return declaration
    }

    /// `range MIN ... MAX`, `range MIN ...` or `range ... MAX` after a number parameter's default.
    private mutating func parseRange(of declaration: inout ParameterDeclaration, default value: Token)
        throws(RuleDiagnostic)
    {
        let keyword = advance()
        guard case .number(let number) = declaration.defaultValue else {
            throw error("only a number parameter can have a range", at: keyword.location)
        }
        let example = "a range such as 'range 0 ... 1', 'range 0 ...' or 'range ... 100'"
        var minimum: Double?
        if !current.isSymbol(".") { minimum = try rangeBound(example) }
        let dots = current
        for _ in 0..<3 { try expect(symbol: ".", example) }
        var maximum: Double?
        if current.kind == .number || current.isSymbol("-") { maximum = try rangeBound(example) }
        guard minimum != nil || maximum != nil else { throw unexpected(example) }
        if let minimum, let maximum, minimum > maximum {
            throw error(
                "this range is empty: \(RuntimeValue.format(minimum)) is more than "
                    + "\(RuntimeValue.format(maximum))", at: dots.location)
        }
        declaration.minimum = minimum
        declaration.maximum = maximum
        if !declaration.allows(number) {
            throw error(
                "the default \(RuntimeValue.format(number)) of parameter '\(declaration.name)' is not in its "
                    + "range: it must be \(declaration.rangeDescription)", at: value.location)
        }
    }

    /// A bound of a range: a number, possibly negative.
    private mutating func rangeBound(_ example: String) throws(RuleDiagnostic) -> Double {
        let negative = accept(symbol: "-")
        guard current.kind == .number else { throw unexpected(example) }
        let number = try numberLiteral()
        return negative ? -number : number
    }

    /// The default of a parameter: a number (with an optional unit), text, date or true/false.
    private mutating func parseLiteralValue() throws(RuleDiagnostic) -> Expr.Literal {
        let negative = accept(symbol: "-")
        let token = current
        switch token.kind {
        case .number:
            let number = try numberLiteral()
            let value = negative ? -number : number
            if let unit = Self.unit(current) { return try durationLiteral(value, unit) }
            return .number(value)
        case .date where !negative: advance(); return .date(token.date!)
        case .string where !negative: advance(); return .text(token.value)
        case .word where !negative && (token.text == "true" || token.text == "false"):
            advance()
            return .bool(token.text == "true")
        default:
            throw unexpected("a value such as 12, 30 days, \"text\", 2026-01-01 or true")
        }
    }

    private mutating func parseClauseDeclaration() throws(RuleDiagnostic) -> ClauseDeclaration {
        let keyword = advance()
        let standard = try parseStandard()
        let clause = try parseClauseNumber()
        let title = try string("the clause title in double quotes")
        let titles = try parseTranslations()
        var requirement: String?
        var requirementTranslations: [Language: String] = [:]
        if accept(word: "requires") {
            requirement = try string("what the clause requires, in double quotes after 'requires'").value
            requirementTranslations = try parseTranslations()
        }
        var onSite: String?
        var onSiteTranslations: [Language: String] = [:]
        if accept(word: "verify") {
            try expect(word: "on", "'on site' after 'verify'")
            try expect(word: "site", "'site' after 'verify on'")
            onSite = try string("what to verify on site, in double quotes").value
            onSiteTranslations = try parseTranslations()
        }
        var declaration = ClauseDeclaration(
            standard: standard, clause: clause, title: title.value, onSite: onSite,
            location: keyword.location, translatedTitles: titles,
            translatedOnSite: onSiteTranslations)
        declaration.requirement = requirement
        declaration.translatedRequirements = requirementTranslations
        return declaration
    }

    /// `term "code" "label" fr "libellé"`.
    private mutating func parseTerm() throws(RuleDiagnostic) -> TermDeclaration {
        let keyword = advance()
        let code = try string("the code in double quotes after 'term', such as \"supplier_performance\"")
        let label = try string("how the code is written in findings, in double quotes after the code")
        return TermDeclaration(
            code: code.value, label: label.value, translations: try parseTranslations(),
            location: keyword.location)
    }

    /// Optional `fr "…"` variants after a text of a clause declaration.
    private mutating func parseTranslations() throws(RuleDiagnostic) -> [Language: String] {
        var result: [Language: String] = [:]
        while current.kind == .word, let language = Language(rawValue: current.text), language != .en {
            let code = advance()
            if result[language] != nil {
                throw error("this text already has a '\(code.text)' variant", at: code.location)
            }
            result[language] = try string("the \(code.text) text in double quotes after '\(code.text)'").value
        }
        return result
    }

    mutating func parseStandard() throws(RuleDiagnostic) -> Standard {
        guard current.kind == .word else { throw unexpected("a standard: iso9001 or iso10002") }
        guard let standard = Standard(rawValue: current.text) else {
            let names = Standard.allCases.map(\.rawValue)
            let hint = NearMatch.hint(for: current.text, among: names, otherwise: "; use iso9001 or iso10002")
            throw error("unknown standard '\(current.text)'\(hint)", at: current.location)
        }
        advance()
        return standard
    }

    /// `9.2.2`, `10`, or `8.5.1 f` (a lettered item on the same line).
    mutating func parseClauseNumber() throws(RuleDiagnostic) -> String {
        guard current.kind == .number else { throw unexpected("a clause number such as 9.2.2") }
        let number = advance()
        let letter = current
        if letter.kind == .word, letter.text.count == 1, letter.location.line == number.location.line,
            let character = letter.text.first, character.isLowercase, character.isASCII
        {
            advance()
            return number.text + " " + letter.text
        }
        return number.text
    }

    // MARK: - Literals

    /// The value of a number token; `8.5.1` is not a number.
    mutating func numberLiteral() throws(RuleDiagnostic) -> Double {
        let token = current
        guard token.text.filter({ $0 == "." }).count <= 1, let value = Double(token.text) else {
            throw error("a number cannot contain two decimal points", at: token.location)
        }
        guard value.isFinite, value < 1e15 else {
            throw error(
                "this number is too large; numbers in rules must be below 1,000,000,000,000,000", at: token.location)
        }
        advance()
        return value
    }

    /// The unit a word names, if it is one.
    static func unit(_ token: Token) -> Expr.DurationUnit? {
        // Read after every operand: most words are no unit by their first letter.
        guard token.kind == .word, let first = token.text.utf8.first,
            first == UInt8(ascii: "d") || first == UInt8(ascii: "w") || first == UInt8(ascii: "m")
                || first == UInt8(ascii: "y")
        else { return nil }
        switch token.text {
        case "day", "days": return .days
        case "week", "weeks": return .weeks
        case "month", "months": return .months
        case "year", "years": return .years
        default: return nil
        }
    }

    /// Consumes the unit after `amount` and returns the duration literal.
    mutating func durationLiteral(_ amount: Double, _ unit: Expr.DurationUnit) throws(RuleDiagnostic)
        -> Expr.Literal
    {
        let unitToken = advance()
        guard amount == amount.rounded(), abs(amount) < 1e9 else {
            throw error("a duration needs a whole number, such as '2 \(unitToken.text)'", at: unitToken.location)
        }
        return .duration(Int(amount), unit)
    }
}
