/// Splits rule-language text into tokens.
///
/// The lexer works on characters with their places, so it serves both whole files and the
/// `{expression}` placeholders inside messages, whose characters keep the line and column where
/// they were written. Lexing stops at the first bad character; the parser reports that error
/// when it reaches the place.
struct Lexer {
    private let characters: [Character]
    /// Each character's ASCII code, or ``nonASCII``: the lexer decides almost everything on
    /// these, asking the `Character` only about the few that are not ASCII.
    private let codes: [UInt8]
    private let locations: [SourceLocation]
    private let endLocation: SourceLocation
    private let path: String
    private var index = 0

    /// A lexer over a whole rule file.
    init(source: String, path: String, fileIndex: Int32) {
        var characters: [Character] = []
        var codes: [UInt8] = []
        var locations: [SourceLocation] = []
        characters.reserveCapacity(source.utf8.count)
        codes.reserveCapacity(source.utf8.count)
        locations.reserveCapacity(source.utf8.count)
        var line = 1
        var column = 1
        for character in source {
            let code = Self.code(of: character)
            characters.append(character)
            codes.append(code)
            locations.append(SourceLocation(file: fileIndex, line: line, column: column))
            if Self.isNewline(character, code: code) {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.init(characters: characters, codes: codes, locations: locations,
                  end: SourceLocation(file: fileIndex, line: line, column: column), path: path)
    }

    /// A lexer over characters whose places are already known (a message placeholder).
    init(characters: [Character], locations: [SourceLocation], end: SourceLocation, path: String) {
        self.init(characters: characters, codes: characters.map(Self.code(of:)), locations: locations, end: end, path: path)
    }

    private init(characters: [Character], codes: [UInt8], locations: [SourceLocation], end: SourceLocation, path: String) {
        self.characters = characters
        self.codes = codes
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

    /// The code of a character that is not ASCII, and of the position past the end.
    private static let nonASCII: UInt8 = 0x80, pastEnd: UInt8 = 0xFF

    @inline(__always)
    private static func code(of character: Character) -> UInt8 {
        // Cheaper than `asciiValue`; `"\r\n"` is one character, with the code of `"\n"`.
        let utf8 = character.utf8
        let first = utf8.first ?? 0
        guard first < 0x80 else { return nonASCII }
        let count = utf8.count
        if count == 1 { return first }
        return count == 2 && first == 0x0D ? 0x0A : nonASCII
    }

    @inline(__always)
    private static func isNewline(_ character: Character, code: UInt8) -> Bool {
        code == nonASCII ? character.isNewline : code >= 0x0A && code <= 0x0D
    }

    private func peek(_ offset: Int = 0) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    /// The code of the character `offset` ahead, or ``pastEnd``.
    @inline(__always)
    private func code(_ offset: Int = 0) -> UInt8 {
        index + offset < codes.count ? codes[index + offset] : Self.pastEnd
    }

    @inline(__always)
    private func isNewline(at position: Int) -> Bool {
        Self.isNewline(characters[position], code: codes[position])
    }

    @inline(__always)
    private func isWhitespace(at position: Int) -> Bool {
        let code = codes[position]
        return code == Self.nonASCII ? characters[position].isWhitespace : code == 0x20 || (code >= 0x09 && code <= 0x0D)
    }

    /// A letter, a digit 0-9 or `_`: a character of a word after its first.
    @inline(__always)
    private func isWordCharacter(at position: Int) -> Bool {
        let code = codes[position]
        if code == Self.nonASCII { return characters[position].isLetter }
        return (code | 0x20 >= 0x61 && code | 0x20 <= 0x7A) || (code >= 0x30 && code <= 0x39) || code == 0x5F
    }

    @inline(__always)
    private func isDigit(at position: Int) -> Bool { codes[position] &- 0x30 < 10 }

    /// The characters from `start` to the current position, as a string.
    private func text(from start: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(index - start)
        for position in start..<index {
            let code = codes[position]
            if code == Self.nonASCII || code == 0x0A || code == 0x0D {
                bytes.append(contentsOf: characters[position].utf8)  // also "\r\n", one character
            } else {
                bytes.append(code)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private var location: SourceLocation { index < locations.count ? locations[index] : endLocation }

    private func error(_ message: String, at location: SourceLocation) -> RuleDiagnostic {
        RuleDiagnostic(file: path, at: location, message: message)
    }

    /// Skips spaces, line breaks and `#` comments; true when anything was skipped.
    private mutating func skipTrivia() -> Bool {
        let start = index
        while index < codes.count {
            if codes[index] == UInt8(ascii: "#") {
                while index < codes.count, !isNewline(at: index) { index += 1 }
            } else if isWhitespace(at: index) {
                index += 1
            } else {
                break
            }
        }
        return index > start
    }

    /// Moves past the digits 0-9 ahead.
    private mutating func skipDigits() {
        while index < codes.count, isDigit(at: index) { index += 1 }
    }

    // MARK: - Tokens

    private mutating func nextToken(spaceBefore: Bool) throws(RuleDiagnostic) -> Token {
        let start = location
        let code = codes[index]
        if code == UInt8(ascii: "_") || (code == Self.nonASCII ? characters[index].isLetter : code | 0x20 >= 0x61 && code | 0x20 <= 0x7A) {
            let first = index
            while index < codes.count, isWordCharacter(at: index) { index += 1 }
            return Token(kind: .word, text: text(from: first), location: start, spaceBefore: spaceBefore)
        }
        if isDigit(at: index) {
            return try numberOrDate(at: start, spaceBefore: spaceBefore)
        }
        if code == UInt8(ascii: "\"") {
            var token = self.code(1) == UInt8(ascii: "\"") && self.code(2) == UInt8(ascii: "\"")
                ? try longText(at: start) : try text(at: start)
            token.spaceBefore = spaceBefore
            return token
        }
        let symbol = try self.symbol(at: start)
        return Token(kind: .symbol, text: symbol, location: start, spaceBefore: spaceBefore)
    }

    private mutating func numberOrDate(at start: SourceLocation, spaceBefore: Bool) throws(RuleDiagnostic) -> Token {
        let first = index
        skipDigits()
        if index - first == 4, isDateTail() {
            index += 6
            let text = text(from: first)
            guard let date = CalendarDate.parse(text) else {
                throw error("\(text) is not a valid date", at: start)
            }
            return Token(kind: .date, text: text, location: start, spaceBefore: spaceBefore, date: date)
        }
        while code() == UInt8(ascii: "."), code(1) &- 0x30 < 10 {
            index += 1
            skipDigits()
        }
        return Token(kind: .number, text: text(from: first), location: start, spaceBefore: spaceBefore)
    }

    /// True when `-MM-DD` follows, and no further digit.
    private func isDateTail() -> Bool {
        guard code() == UInt8(ascii: "-"), code(3) == UInt8(ascii: "-") else { return false }
        let digits = code(1) &- 0x30 < 10 && code(2) &- 0x30 < 10 && code(4) &- 0x30 < 10 && code(5) &- 0x30 < 10
        return digits && !(code(6) &- 0x30 < 10)
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
        default: throw error("unexpected character \(character.visibleDescription)", at: start)
        }
    }

    // MARK: - Texts

    /// A text in double quotes on one line.
    private mutating func text(at start: SourceLocation) throws(RuleDiagnostic) -> Token {
        let open = index
        index += 1
        while index < codes.count, codes[index] != UInt8(ascii: "\"") {
            guard !isNewline(at: index) else { break }
            let isEscape = codes[index] == UInt8(ascii: "\\")
            index += 1
            if isEscape, index < codes.count, !isNewline(at: index) { index += 1 }
        }
        guard code() == UInt8(ascii: "\"") else {
            throw error("this text is not closed; add '\"' at its end, on the same line "
                        + "(use \"\"\" for a text across lines)", at: start)
        }
        index += 1
        return try textToken(open + 1..<index - 1, from: open, at: start)
    }

    /// A long text between `"""` and `"""`, across lines, with common indentation removed.
    private mutating func longText(at start: SourceLocation) throws(RuleDiagnostic) -> Token {
        let open = index
        index += 3
        let quote = UInt8(ascii: "\"")
        while index < characters.count, !(codes[index] == quote && code(1) == quote && code(2) == quote) {
            let isEscape = codes[index] == UInt8(ascii: "\\")
            index += 1
            if isEscape, index < characters.count { index += 1 }
        }
        guard index < characters.count else {
            throw error("this long text is not closed; add \"\"\" at its end", at: start)
        }
        index += 3
        return try textToken(dedented(open + 3..<index - 3), from: open, at: start)
    }

    // The characters of a text are handled by their positions in the input, not copied: a copy
    // of each character with its place took 32 bytes per character of a long message.
    // A negative position is a line break put back by ``dedented(_:)``, placed where the
    // character at `-position - 1` is (``Int/min``: nowhere).

    private func character(_ position: Int) -> Character { position >= 0 ? characters[position] : "\n" }

    private func code(at position: Int) -> UInt8 { position >= 0 ? codes[position] : 0x0A }

    private func place(_ position: Int) -> SourceLocation {
        if position >= 0 { return locations[position] }
        return position == Int.min ? .unknown : locations[-position - 1]
    }

    /// Drops a blank first and last line and removes the indentation all other lines share.
    private func dedented(_ raw: Range<Int>) -> [Int] {
        var lines: [Range<Int>] = []
        var lineStart = raw.lowerBound
        for position in raw where isNewline(at: position) {
            lines.append(lineStart..<position)
            lineStart = position + 1
        }
        lines.append(lineStart..<raw.upperBound)
        let isBlank: (Range<Int>) -> Bool = { line in line.allSatisfy { isWhitespace(at: $0) } }
        if let first = lines.first, isBlank(first), lines.count > 1 { lines.removeFirst() }
        if let last = lines.last, isBlank(last) { lines.removeLast() }
        let indents = lines.filter { !isBlank($0) }.map { line in
            line.prefix { codes[$0] == 0x20 || codes[$0] == 0x09 }.count
        }
        let common = indents.min() ?? 0
        var result: [Int] = []
        result.reserveCapacity(raw.count)
        for (number, line) in lines.enumerated() {
            if number > 0 {
                let previous = lines[number - 1].last ?? line.first
                result.append(previous.map { -$0 - 1 } ?? Int.min)
            }
            result += line.dropFirst(Swift.min(common, line.count))
        }
        return result
    }

    /// Resolves escapes and builds the text token from the positions of its characters.
    private func textToken<Positions: RandomAccessCollection<Int>>(
        _ raw: Positions, from open: Int, at start: SourceLocation
    ) throws(RuleDiagnostic) -> Token where Positions.Index == Int {
        // Built as UTF-8 bytes: appending `Character`s one by one to a `String` was most of the
        // time spent loading the bundled rules.
        var value: [UInt8] = []
        value.reserveCapacity(raw.count)
        // Only a message's braces need the places of its characters (placeholders and their errors).
        let needsPlaces = raw.contains { code(at: $0) == UInt8(ascii: "{") || code(at: $0) == UInt8(ascii: "}") }
        var valueLocations: [SourceLocation] = []
        if needsPlaces { valueLocations.reserveCapacity(raw.count) }
        var position = raw.startIndex
        while position < raw.endIndex {
            let placed = raw[position]
            let code = self.code(at: placed)
            if code == UInt8(ascii: "\\") {
                position += 1
                let escaped = position < raw.endIndex ? self.code(at: raw[position]) : 0x20
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): value.append(escaped)
                case UInt8(ascii: "n"): value.append(0x0A)
                case UInt8(ascii: "t"): value.append(0x09)
                default:
                    let escaped = position < raw.endIndex ? character(raw[position]) : " "
                    let written = escaped.isInvisible ? "'\\' followed by \(escaped.visibleDescription)" : "'\\\(escaped)'"
                    throw error("unknown escape \(written) in a text; "
                                + "write \\\" for a quote, \\\\ for a backslash, \\n for a new line or \\t for a tab",
                                at: place(placed))
                }
            } else if code != Self.nonASCII, code != 0x0A {
                value.append(code)
            } else {
                value.append(contentsOf: character(placed).utf8)  // a line break may be "\r\n", one character
            }
            if needsPlaces { valueLocations.append(place(placed)) }
            position += 1
        }
        return Token(kind: .string, text: text(from: open), location: start, spaceBefore: false,
                     value: String(decoding: value, as: UTF8.self), valueLocations: valueLocations)
    }
}

