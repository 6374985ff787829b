/// Splits rule-language text into tokens.
///
/// The lexer works on characters with their places, so it serves both whole files and the
/// `{expression}` placeholders inside messages, whose characters keep the line and column where
/// they were written. Lexing stops at the first bad character; the parser reports that error
/// when it reaches the place.
struct Lexer {
    private typealias Placed = (character: Character, location: SourceLocation)

    private let characters: [Character]
    private let locations: [SourceLocation]
    private let endLocation: SourceLocation
    private let path: String
    private var index = 0

    /// A lexer over a whole rule file.
    init(source: String, path: String, fileIndex: Int32) {
        var characters: [Character] = []
        var locations: [SourceLocation] = []
        var line = 1
        var column = 1
        for character in source {
            characters.append(character)
            locations.append(SourceLocation(file: fileIndex, line: line, column: column))
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.init(characters: characters, locations: locations,
                  end: SourceLocation(file: fileIndex, line: line, column: column), path: path)
    }

    /// A lexer over characters whose places are already known (a message placeholder).
    init(characters: [Character], locations: [SourceLocation], end: SourceLocation, path: String) {
        self.characters = characters
        self.locations = locations
        self.endLocation = end
        self.path = path
    }

    /// All tokens, ending with an `.end` token; when a character cannot be read, the tokens before
    /// it and the error.
    mutating func tokenize() -> (tokens: [Token], error: RuleDiagnostic?) {
        var tokens: [Token] = []
        var failure: RuleDiagnostic?
        do throws(RuleDiagnostic) {
            var first = true
            while true {
                let space = skipTrivia() || first
                first = false
                guard index < characters.count else { break }
                tokens.append(try nextToken(spaceBefore: space))
            }
        } catch {
            failure = error
        }
        let end = failure.map { SourceLocation(line: $0.line, column: $0.column) } ?? endLocation
        tokens.append(Token(kind: .end, text: "", location: end, spaceBefore: true))
        return (tokens, failure)
    }

    // MARK: - Characters

    private func peek(_ offset: Int = 0) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    private var location: SourceLocation { index < locations.count ? locations[index] : endLocation }

    private func error(_ message: String, at location: SourceLocation) -> RuleDiagnostic {
        RuleDiagnostic(file: path, at: location, message: message)
    }

    /// Skips spaces, line breaks and `#` comments; true when anything was skipped.
    private mutating func skipTrivia() -> Bool {
        let start = index
        while let character = peek() {
            if character == "#" {
                while let next = peek(), !next.isNewline { index += 1 }
            } else if character.isWhitespace {
                index += 1
            } else {
                break
            }
        }
        return index > start
    }

    private mutating func take(while predicate: (Character) -> Bool) -> String {
        var text = ""
        while let character = peek(), predicate(character) {
            text.append(character)
            index += 1
        }
        return text
    }

    // MARK: - Tokens

    private mutating func nextToken(spaceBefore: Bool) throws(RuleDiagnostic) -> Token {
        let start = location
        let character = characters[index]
        if character.isLetter || character == "_" {
            let text = take { $0.isLetter || $0.isASCIIDigit || $0 == "_" }
            return Token(kind: .word, text: text, location: start, spaceBefore: spaceBefore)
        }
        if character.isASCIIDigit {
            return try numberOrDate(at: start, spaceBefore: spaceBefore)
        }
        if character == "\"" {
            var token = peek(1) == "\"" && peek(2) == "\""
                ? try longText(at: start) : try text(at: start)
            token.spaceBefore = spaceBefore
            return token
        }
        let symbol = try self.symbol(at: start)
        return Token(kind: .symbol, text: symbol, location: start, spaceBefore: spaceBefore)
    }

    private mutating func numberOrDate(at start: SourceLocation, spaceBefore: Bool) throws(RuleDiagnostic) -> Token {
        var text = take { $0.isASCIIDigit }
        if text.count == 4, isDateTail() {
            for _ in 0..<6 { text.append(characters[index]); index += 1 }
            guard let date = CalendarDate.parse(text) else {
                throw error("\(text) is not a valid date", at: start)
            }
            return Token(kind: .date, text: text, location: start, spaceBefore: spaceBefore, date: date)
        }
        while peek() == ".", let next = peek(1), next.isASCIIDigit {
            index += 1
            text += "." + take { $0.isASCIIDigit }
        }
        return Token(kind: .number, text: text, location: start, spaceBefore: spaceBefore)
    }

    /// True when `-MM-DD` follows, and no further digit.
    private func isDateTail() -> Bool {
        guard peek() == "-", peek(3) == "-" else { return false }
        let digits = [1, 2, 4, 5].allSatisfy { peek($0)?.isASCIIDigit == true }
        return digits && peek(6)?.isASCIIDigit != true
    }

    private mutating func symbol(at start: SourceLocation) throws(RuleDiagnostic) -> String {
        let character = characters[index]
        let next = peek(1)
        index += 1
        switch character {
        case "+", "-", "*", "/", "(", ")", "[", "]", ",", ".": return String(character)
        case "<" where next == ">": throw error("unexpected '<>'; write '!=' for 'not equal'", at: start)
        case "<", ">":
            if next == "=" { index += 1; return String(character) + "=" }
            return String(character)
        case "=" where next == "=": throw error("unexpected '=='; write '=' to compare two values", at: start)
        case "=": return "="
        case "!" where next == "=": index += 1; return "!="
        case "!": throw error("unexpected '!'; write 'not' to negate a condition", at: start)
        case "&": throw error("unexpected '\(next == "&" ? "&&" : "&")'; write 'and'", at: start)
        case "|": throw error("unexpected '\(next == "|" ? "||" : "|")'; write 'or'", at: start)
        case "'", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}":
            throw error("unexpected quote mark \(character); write texts in straight double quotes: \"like this\"",
                        at: start)
        default: throw error("unexpected character '\(character)'", at: start)
        }
    }

    // MARK: - Texts

    /// A text in double quotes on one line.
    private mutating func text(at start: SourceLocation) throws(RuleDiagnostic) -> Token {
        let open = index
        index += 1
        var raw: [Placed] = []
        while let character = peek(), character != "\"" {
            guard !character.isNewline else { break }
            raw.append((character, location))
            index += 1
            if character == "\\", let escaped = peek(), !escaped.isNewline {
                raw.append((escaped, location))
                index += 1
            }
        }
        guard peek() == "\"" else {
            throw error("this text is not closed; add '\"' at its end, on the same line "
                        + "(use \"\"\" for a text across lines)", at: start)
        }
        index += 1
        return try textToken(raw, from: open, at: start)
    }

    /// A long text between `"""` and `"""`, across lines, with common indentation removed.
    private mutating func longText(at start: SourceLocation) throws(RuleDiagnostic) -> Token {
        let open = index
        index += 3
        var raw: [Placed] = []
        while index < characters.count, !(peek() == "\"" && peek(1) == "\"" && peek(2) == "\"") {
            raw.append((characters[index], location))
            index += 1
            if raw.last?.character == "\\", let escaped = peek() {
                raw.append((escaped, location))
                index += 1
            }
        }
        guard index < characters.count else {
            throw error("this long text is not closed; add \"\"\" at its end", at: start)
        }
        index += 3
        return try textToken(Self.dedented(raw), from: open, at: start)
    }

    /// Drops a blank first and last line and removes the indentation all other lines share.
    private static func dedented(_ raw: [Placed]) -> [Placed] {
        var lines = raw.split(omittingEmptySubsequences: false) { $0.character.isNewline }.map(Array.init)
        let isBlank: ([Placed]) -> Bool = { $0.allSatisfy { $0.character.isWhitespace } }
        if let first = lines.first, isBlank(first), lines.count > 1 { lines.removeFirst() }
        if let last = lines.last, isBlank(last) { lines.removeLast() }
        let indents = lines.filter { !isBlank($0) }.map { line in
            line.prefix { $0.character == " " || $0.character == "\t" }.count
        }
        let common = indents.min() ?? 0
        var result: [Placed] = []
        for (number, line) in lines.enumerated() {
            if number > 0 {
                let previous = lines[number - 1].last?.location ?? line.first?.location ?? .unknown
                result.append(("\n", previous))
            }
            result += line.dropFirst(Swift.min(common, line.count))
        }
        return result
    }

    /// Resolves escapes and builds the text token.
    private func textToken(_ raw: [Placed], from open: Int, at start: SourceLocation) throws(RuleDiagnostic) -> Token {
        // Built as UTF-8 bytes: appending `Character`s one by one to a `String` was most of the
        // time spent loading the bundled rules.
        var value: [UInt8] = []
        value.reserveCapacity(raw.count)
        var valueLocations: [SourceLocation] = []
        valueLocations.reserveCapacity(raw.count)
        var position = 0
        while position < raw.count {
            var (character, place) = raw[position]
            if character == "\\" {
                position += 1
                let escaped = position < raw.count ? raw[position].character : " "
                switch escaped {
                case "\"", "\\": character = escaped
                case "n": character = "\n"
                case "t": character = "\t"
                default:
                    throw error("unknown escape '\\\(escaped)' in a text; "
                                + "write \\\" for a quote, \\\\ for a backslash, \\n for a new line or \\t for a tab",
                                at: place)
                }
            }
            value.append(contentsOf: character.utf8)
            valueLocations.append(place)
            position += 1
        }
        var text: [UInt8] = []
        text.reserveCapacity(index - open)
        for character in characters[open..<index] { text.append(contentsOf: character.utf8) }
        return Token(kind: .string, text: String(decoding: text, as: UTF8.self), location: start, spaceBefore: false,
                     value: String(decoding: value, as: UTF8.self), valueLocations: valueLocations)
    }
}

extension Character {
    /// True for `0`…`9`.
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
