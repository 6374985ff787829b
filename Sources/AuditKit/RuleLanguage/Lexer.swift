/// Splits rule-language text into tokens.
///
/// The lexer reads the UTF-8 bytes of the text: a position is the byte offset where a character
/// starts, and almost every decision is taken on the byte when the character is ASCII. The few
/// characters that are not ASCII are read as `Character`s from the text, so a letter with an
/// accent written as two code points stays one character. Places (line and column, columns
/// counting characters) are worked out only for the positions that need one, from a table of
/// where each line starts: no array with an entry per character is made, so a rule file at the
/// size limit is read in seconds, not minutes.
///
/// It serves both whole files and the `{expression}` placeholders inside messages, whose
/// characters keep the line and column where they were written. Lexing stops at the first bad
/// character; the parser reports that error when it reaches the place.
struct Lexer {
    /// The text, for its characters that are not ASCII.
    private let source: String
    private let bytes: [UInt8]
    /// Where each line starts (a byte offset), for a whole file.
    private let lineStarts: [Int]
    /// For each line, the offset up to which every character from the line start is one ASCII
    /// byte: a column there is a byte count.
    private let asciiUpTo: [Int]
    /// For a placeholder: the place of the character that starts at each byte offset.
    private let explicitPlaces: [SourceLocation?]
    private let isPlaceholder: Bool
    private let fileIndex: Int32
    private var endLocation = SourceLocation.unknown
    private let path: String
    private let columns = ColumnCursor()
    private var index = 0

    /// Where the last column was counted on a line with characters that are not ASCII, so the
    /// next one on that line is counted from there (places are asked for in increasing order),
    /// and the line of the last place, where the next one mostly is.
    private final class ColumnCursor {
        var line = -1
        var offset = 0
        var column = 0
        var lastLine = 0
    }

    /// A lexer over a whole rule file.
    init(source: String, path: String, fileIndex: Int32) {
        var source = source
        source.makeContiguousUTF8()
        let bytes = Array(source.utf8)
        let (lineStarts, asciiUpTo) = Self.lines(of: bytes)
        self.source = source
        self.bytes = bytes
        self.lineStarts = lineStarts
        self.asciiUpTo = asciiUpTo
        self.explicitPlaces = []
        self.isPlaceholder = false
        self.fileIndex = fileIndex
        self.path = path
        self.endLocation = place(bytes.count)
    }

    /// Where each line of `bytes` starts, and for each line the offset up to which every character
    /// from the line start is one ASCII byte.
    private static func lines(of bytes: [UInt8]) -> (starts: [Int], asciiUpTo: [Int]) {
        var starts = [0]
        var asciiUpTo: [Int] = []
        var firstNonASCII = -1
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var position = 0
            let raw = UnsafeRawBufferPointer(buffer)
            while position < count {
                // Most bytes are ASCII and no line break (0x0A to 0x0D): passed eight at a time
                // while none is beyond ASCII or below 0x0E, then one at a time.
                while position + 8 <= count {
                    let eight = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                    let high: UInt64 = 0x8080_8080_8080_8080
                    guard eight & high == 0, (eight &- 0x0E0E_0E0E_0E0E_0E0E) & ~eight & high == 0 else { break }
                    position += 8
                }
                while position < count, buffer[position] < 0x80, buffer[position] &- 0x0A > 3 { position += 1 }
                guard position < count else { break }
                let byte = buffer[position]
                // Where the next line starts, when a line ends here.
                let next: Int
                if byte < 0x80 {
                    guard byte >= 0x0A && byte <= 0x0D else {
                        position += 1
                        continue
                    }
                    next =
                        byte == 0x0D && position + 1 < count && buffer[position + 1] == 0x0A
                        ? position + 2 : position + 1
                } else {
                    if firstNonASCII < 0 { firstNonASCII = position }
                    // U+0085, U+2028 and U+2029 end a line too.
                    if byte == 0xC2, position + 1 < count, buffer[position + 1] == 0x85 {
                        next = position + 2
                    } else if byte == 0xE2, position + 2 < count, buffer[position + 1] == 0x80,
                        buffer[position + 2] == 0xA8 || buffer[position + 2] == 0xA9
                    {
                        next = position + 3
                    } else {
                        position += 1
                        continue
                    }
                }
                // The ASCII character before the first one that is not may combine with it.
                asciiUpTo.append(firstNonASCII < 0 ? position : Swift.max(starts[starts.count - 1], firstNonASCII - 1))
                starts.append(next)
                firstNonASCII = -1
                position = next
            }
        }
        asciiUpTo.append(firstNonASCII < 0 ? bytes.count : Swift.max(starts[starts.count - 1], firstNonASCII - 1))
        return (starts, asciiUpTo)
    }

    /// A lexer over the bytes of a message placeholder, whose places are already known: `places`
    /// holds the place of each character at the byte where it starts (nil at its other bytes).
    init(bytes: [UInt8], places: [SourceLocation?], end: SourceLocation, path: String) {
        var source = String(decoding: bytes, as: UTF8.self)
        source.makeContiguousUTF8()
        self.source = source
        self.bytes = bytes
        self.explicitPlaces = places
        self.isPlaceholder = true
        self.lineStarts = [0]
        self.asciiUpTo = [bytes.count]
        self.fileIndex = end.file
        self.endLocation = end
        self.path = path
    }

    /// All tokens, ending with an `.end` token; when a character cannot be read, the tokens before
    /// it and the error.
    mutating func tokenize() -> (tokens: [Token], error: RuleDiagnostic?) {
        var tokens: [Token] = []
        // Rule files have a token every 25 bytes or so: room for most at once, not more.
        tokens.reserveCapacity(bytes.count / 16 + 4)
        var failure: RuleDiagnostic?
        do throws(RuleDiagnostic) {
            var first = true
            while true {
                let space = skipTrivia() || first
                first = false
                guard index < bytes.count else { break }
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

    /// The character starting at `position`, read from the text (for those that are not ASCII).
    private func character(at position: Int) -> Character {
        let byte = bytes[position]
        if byte >= 0xC2, byte <= 0xD7, quickLength(at: position) == 2 {
            return Character(Unicode.Scalar(UInt32(byte & 0x1F) << 6 | UInt32(bytes[position + 1] & 0x3F))!)
        }
        return UTF8Characters.character(of: source, at: position)
    }

    /// The length of the character starting at `position` when the bytes alone tell it.
    @inline(__always)
    private func quickLength(at position: Int) -> Int? { UTF8Characters.quickLength(bytes, at: position) }

    /// How many bytes the character starting at `position` has; `"\r\n"` is one character.
    @inline(__always)
    private func length(at position: Int) -> Int {
        quickLength(at: position) ?? character(at: position).utf8.count
    }

    /// The ASCII code of the character starting at `position`, or ``nonASCII`` (also for an ASCII
    /// letter that a combining mark after it joins); `"\r\n"` has the code of `"\n"`.
    @inline(__always)
    private func code(at position: Int) -> UInt8 {
        let byte = bytes[position]
        guard byte < 0x80 else { return Self.nonASCII }
        switch quickLength(at: position) {
        case 1: return byte
        case 2: return 0x0A
        default: return character(at: position).utf8.count == 1 ? byte : Self.nonASCII
        }
    }

    /// The code of the character `offset` characters ahead, or ``pastEnd``.
    private func code(_ offset: Int = 0) -> UInt8 { code(offset, after: index) }

    /// The code of the character `offset` characters after the one at `start`, or ``pastEnd``.
    private func code(_ offset: Int, after start: Int) -> UInt8 {
        var position = start
        for _ in 0..<offset where position < bytes.count { position += length(at: position) }
        return position < bytes.count ? code(at: position) : Self.pastEnd
    }

    @inline(__always)
    private func isNewline(at position: Int) -> Bool {
        let code = self.code(at: position)
        return code == Self.nonASCII ? character(at: position).isNewline : code >= 0x0A && code <= 0x0D
    }

    @inline(__always)
    private func isWhitespace(at position: Int) -> Bool {
        let code = self.code(at: position)
        return code == Self.nonASCII
            ? character(at: position).isWhitespace : code == 0x20 || (code >= 0x09 && code <= 0x0D)
    }

    /// A letter, a digit 0-9 or `_`: a character of a word after its first.
    @inline(__always)
    private func isWordCharacter(at position: Int) -> Bool {
        let code = self.code(at: position)
        if code == Self.nonASCII { return character(at: position).isLetter }
        return Self.isWordByte(code)
    }

    /// An ASCII letter, digit 0-9 or `_`.
    @inline(__always)
    private static func isWordByte(_ code: UInt8) -> Bool {
        (code | 0x20 >= 0x61 && code | 0x20 <= 0x7A) || (code >= 0x30 && code <= 0x39) || code == 0x5F
    }

    @inline(__always)
    private func isDigit(at position: Int) -> Bool { code(at: position) &- 0x30 < 10 }

    /// The end of the run of plain characters from `position`: printable ASCII other than `"`,
    /// `\\`, `{` and `}`, and letters from U+00C0 to U+05FF, each one that nothing after it
    /// joins. Texts and comments are mostly such runs, read here a byte at a time without
    /// asking for characters. Whether a character joins the one before is asked only of bytes
    /// beyond ASCII: from 0xCC on (U+0300, where combining marks start) the one before leaves
    /// the run.
    private func plainRun(from position: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var end = position
            var last = position
            let count = buffer.count
            while end < count {
                let byte = buffer[end]
                if byte < 0x80 {
                    guard byte >= 0x20, byte < 0x7F, byte != 0x22, byte != 0x5C, byte != 0x7B, byte != 0x7D else {
                        break
                    }
                    last = end
                    end += 1
                    continue
                }
                if !(byte >= 0xC2 && byte <= 0xCB), end > position {
                    end = last
                    break
                }
                guard byte >= 0xC3, byte <= 0xD7, end + 1 < count else { break }
                last = end
                end += 2
            }
            return end
        }
    }

    /// The characters from `start` to the current position, as a string.
    private func text(from start: Int) -> String {
        String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private var location: SourceLocation { place(index) }

    /// The line and column of the character starting at `position` (the end of the text past it).
    private func place(_ position: Int) -> SourceLocation {
        if isPlaceholder {
            return position < explicitPlaces.count ? explicitPlaces[position] ?? .unknown : endLocation
        }
        // The last line starting at or before `position`: the line of the last place, the one
        // after it, or else found by halving.
        let isOnLine = { (line: Int) in
            self.lineStarts[line] <= position
                && (line + 1 == self.lineStarts.count || self.lineStarts[line + 1] > position)
        }
        var line = columns.lastLine
        if !isOnLine(line) {
            if line + 1 < lineStarts.count, isOnLine(line + 1) {
                line += 1
            } else {
                var low = 0, high = lineStarts.count - 1
                while low < high {
                    let middle = (low + high + 1) / 2
                    if lineStarts[middle] <= position { low = middle } else { high = middle - 1 }
                }
                line = low
            }
        }
        columns.lastLine = line
        let lineStart = lineStarts[line]
        let column: Int
        if position <= asciiUpTo[line] {
            column = position - lineStart + 1
        } else {
            var from = asciiUpTo[line], counted = from - lineStart + 1
            if columns.line == line, columns.offset <= position, columns.offset > from {
                from = columns.offset
                counted = columns.column
            }
            let utf8 = source.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: from),
                end = utf8.index(utf8.startIndex, offsetBy: position)
            column = counted + source[start..<end].count
            columns.line = line
            columns.offset = position
            columns.column = column
        }
        return SourceLocation(file: fileIndex, line: line + 1, column: column)
    }

    private func error(_ message: String, at location: SourceLocation) -> RuleDiagnostic {
        RuleDiagnostic(file: path, at: location, message: message)
    }

    /// Skips spaces, line breaks and `#` comments; true when anything was skipped.
    private mutating func skipTrivia() -> Bool {
        let start = index
        index = triviaEnd(from: index)
        return index > start
    }

    // The scanning loops below move a local position, not `index`: a loop that changed the
    // lexer while asking it about characters copied the whole lexer at every step.

    /// The position past the spaces, line breaks and comments from `start`.
    private func triviaEnd(from start: Int) -> Int {
        var position = start
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "#") {
                while position < bytes.count {
                    position = plainRun(from: position)
                    guard position < bytes.count, !isNewline(at: position) else { break }
                    position += length(at: position)
                }
            } else if bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0A,
                position + 1 == bytes.count || bytes[position + 1] < 0x80
            {
                // A space, tab or line feed that an ASCII byte follows is one character.
                position += 1
            } else if isWhitespace(at: position) {
                position += length(at: position)
            } else {
                break
            }
        }
        return position
    }

    /// The position past the letters, digits and `_` from `start`.
    private func wordEnd(from start: Int) -> Int {
        var position = start
        while position < bytes.count {
            // An ASCII letter, digit or `_` that an ASCII byte follows is one on its own.
            let byte = bytes[position]
            if byte < 0x80, position + 1 == bytes.count || bytes[position + 1] < 0x80, Self.isWordByte(byte) {
                position += 1
                continue
            }
            guard isWordCharacter(at: position) else { break }
            position += length(at: position)
        }
        return position
    }

    /// Moves past the digits 0-9 ahead (one byte each).
    private mutating func skipDigits() {
        var position = index
        while position < bytes.count, isDigit(at: position) { position += 1 }
        index = position
    }

    // MARK: - Tokens

    private mutating func nextToken(spaceBefore: Bool) throws(RuleDiagnostic) -> Token {
        let start = location
        let code = self.code(at: index)
        if code == UInt8(ascii: "_")
            || (code == Self.nonASCII ? character(at: index).isLetter : code | 0x20 >= 0x61 && code | 0x20 <= 0x7A)
        {
            let first = index
            index = wordEnd(from: index)
            return Token(kind: .word, text: text(from: first), location: start, spaceBefore: spaceBefore)
        }
        if isDigit(at: index) {
            return try numberOrDate(at: start, spaceBefore: spaceBefore)
        }
        if code == UInt8(ascii: "\"") {
            var token =
                self.code(1) == UInt8(ascii: "\"") && self.code(2) == UInt8(ascii: "\"")
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
        let code = self.code(at: index)
        switch code {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ","), UInt8(ascii: "."):
            index += 1
            return String(Unicode.Scalar(code))
        default: break
        }
        let character = code == Self.nonASCII ? self.character(at: index) : Character(Unicode.Scalar(code))
        let next = self.code(1)
        index += length(at: index)
        switch character {
        case "<" where next == UInt8(ascii: ">"): throw error("unexpected '<>'; write '!=' for 'not equal'", at: start)
        case "<", ">":
            if next == UInt8(ascii: "=") { index += 1; return String(character) + "=" }
            return String(character)
        case "=" where next == UInt8(ascii: "="):
            throw error("unexpected '=='; write '=' to compare two values", at: start)
        case "=": return "="
        case "!" where next == UInt8(ascii: "="): index += 1; return "!="
        case "!": throw error("unexpected '!'; write 'not' to negate a condition", at: start)
        case "&": throw error("unexpected '\(next == UInt8(ascii: "&") ? "&&" : "&")'; write 'and'", at: start)
        case "|": throw error("unexpected '\(next == UInt8(ascii: "|") ? "||" : "|")'; write 'or'", at: start)
        case "'", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}":
            throw error(
                "unexpected quote mark \(character); write texts in straight double quotes: \"like this\"",
                at: start)
        default: throw error("unexpected character \(character.visibleDescription)", at: start)
        }
    }

    // MARK: - Texts

    /// A text in double quotes on one line.
    private mutating func text(at start: SourceLocation) throws(RuleDiagnostic) -> Token {
        let open = index
        index = plainRun(from: index + 1)
        // Most texts are one run of plain characters: their value is their bytes, and a text
        // without braces needs no places.
        if index < bytes.count, code(at: index) == UInt8(ascii: "\"") {
            index += 1
            return Token(
                kind: .string, text: "", location: start, spaceBefore: false,
                value: String(decoding: bytes[open + 1..<index - 1], as: UTF8.self))
        }
        var marks = TextMarks()
        index = textEnd(from: index, marks: &marks)
        guard code() == UInt8(ascii: "\"") else {
            throw error(
                "this text is not closed; add '\"' at its end, on the same line "
                    + "(use \"\"\" for a text across lines)", at: start)
        }
        index += 1
        return try textToken([.bytes(open + 1..<index - 1)], from: open, at: start, marks: marks)
    }

    /// What reading a text found beside plain characters: a brace (a message's placeholders need
    /// the places of its characters) and an escape.
    private struct TextMarks {
        var braces = false
        var escapes = false

        /// Notes the character at `position` of `bytes`, which starts with `code`.
        mutating func note(_ bytes: [UInt8], at position: Int, code: UInt8) {
            if bytes[position] == UInt8(ascii: "{") || bytes[position] == UInt8(ascii: "}") { braces = true }
            if code == UInt8(ascii: "\\") { escapes = true }
        }
    }

    /// Where a text on one line ends from `start`: its closing quote, a line break or the end.
    private func textEnd(from start: Int, marks: inout TextMarks) -> Int {
        var position = start
        while position < bytes.count {
            position = plainRun(from: position)
            guard position < bytes.count, code(at: position) != UInt8(ascii: "\""), !isNewline(at: position) else {
                break
            }
            marks.note(bytes, at: position, code: code(at: position))
            let isEscape = code(at: position) == UInt8(ascii: "\\")
            position += length(at: position)
            if isEscape, position < bytes.count, !isNewline(at: position) { position += length(at: position) }
        }
        return position
    }

    /// Where a long text ends from `start`: its closing `"""`, or the end.
    private func longTextEnd(from start: Int, marks: inout TextMarks) -> Int {
        let quote = UInt8(ascii: "\"")
        var position = start
        while position < bytes.count {
            position = plainRun(from: position)
            guard position < bytes.count,
                !(code(at: position) == quote && code(1, after: position) == quote && code(2, after: position) == quote)
            else {
                break
            }
            marks.note(bytes, at: position, code: code(at: position))
            let isEscape = code(at: position) == UInt8(ascii: "\\")
            position += length(at: position)
            if isEscape, position < bytes.count { position += length(at: position) }
        }
        return position
    }

    /// A long text between `"""` and `"""`, across lines, with common indentation removed.
    private mutating func longText(at start: SourceLocation) throws(RuleDiagnostic) -> Token {
        let open = index
        var marks = TextMarks()
        index = longTextEnd(from: index + 3, marks: &marks)
        guard index < bytes.count else {
            throw error("this long text is not closed; add \"\"\" at its end", at: start)
        }
        index += 3
        return try textToken(dedented(open + 3..<index - 3), from: open, at: start, marks: marks)
    }

    // The characters of a text are handled by their byte positions in the input, not copied:
    // a text is a list of pieces of the input, with the line breaks a long text puts back
    // between its lines.

    /// A piece of a text: bytes of the input, or a line break that ``dedented(_:)`` put back,
    /// placed where the character at `placedAt` is (nil: nowhere).
    private enum Piece {
        case bytes(Range<Int>)
        case lineBreak(placedAt: Int?)
    }

    /// Drops a blank first and last line and removes the indentation all other lines share; the
    /// pieces of what is kept.
    private func dedented(_ raw: Range<Int>) -> [Piece] {
        // Each line's bytes, and where its last character starts.
        var lines: [(range: Range<Int>, last: Int?)] = []
        var lineStart = raw.lowerBound
        var last: Int?
        var position = raw.lowerBound
        while position < raw.upperBound {
            let run = Swift.min(plainRun(from: position), raw.upperBound)
            if run > position {
                last = bytes[run - 1] < 0x80 ? run - 1 : run - 2
                position = run
                continue
            }
            let length = length(at: position)
            if isNewline(at: position) {
                lines.append((lineStart..<position, last))
                lineStart = position + length
                last = nil
            } else {
                last = position
            }
            position += length
        }
        lines.append((lineStart..<raw.upperBound, last))
        let isBlank: (Range<Int>) -> Bool = { line in
            var position = line.lowerBound
            while position < line.upperBound {
                guard isWhitespace(at: position) else { return false }
                position += length(at: position)
            }
            return true
        }
        if let first = lines.first, isBlank(first.range), lines.count > 1 { lines.removeFirst() }
        if let final = lines.last, isBlank(final.range) { lines.removeLast() }
        let indents = lines.filter { !isBlank($0.range) }.map { line in
            line.range.prefix { code(at: $0) == 0x20 || code(at: $0) == 0x09 }.count
        }
        let common = indents.min() ?? 0
        var pieces: [Piece] = []
        pieces.reserveCapacity(2 * lines.count)
        for (number, line) in lines.enumerated() {
            if number > 0 {
                pieces.append(
                    .lineBreak(placedAt: lines[number - 1].last ?? (line.range.isEmpty ? nil : line.range.lowerBound)))
            }
            // The indentation is `common` characters (a blank line may have fewer, or wider ones).
            var kept = line.range.lowerBound
            for _ in 0..<common where kept < line.range.upperBound { kept += length(at: kept) }
            if kept < line.range.upperBound { pieces.append(.bytes(kept..<line.range.upperBound)) }
        }
        return pieces
    }

    /// Resolves escapes and builds the text token from the pieces of the input it is made of.
    private func textToken(_ pieces: [Piece], from open: Int, at start: SourceLocation, marks: TextMarks)
        throws(RuleDiagnostic) -> Token
    {
        // Built as UTF-8 bytes: appending `Character`s one by one to a `String` was most of the
        // time spent loading the bundled rules.
        var value: [UInt8] = []
        value.reserveCapacity(index - open)
        // Only a message's braces need the places of its characters (placeholders and their
        // errors).
        let needsPlaces = marks.braces
        var places = TextPlaces()
        for (number, piece) in pieces.enumerated() {
            guard case .bytes(let range) = piece else {
                if case .lineBreak(let placedAt) = piece {
                    if needsPlaces { places.appendCharacter(at: value.count, placedAt.map(place) ?? .unknown) }
                    value.append(0x0A)
                }
                continue
            }
            // Without places and escapes, a piece is its bytes.
            if !needsPlaces, !marks.escapes {
                value.append(contentsOf: bytes[range])
                continue
            }
            // A piece lies on one line: the place of each next character is counted on from the
            // place of its first.
            var here = needsPlaces ? place(range.lowerBound) : .unknown
            var position = range.lowerBound
            while position < range.upperBound {
                // A run of plain characters, each one scalar, is copied as it is.
                let run = Swift.min(plainRun(from: position), range.upperBound)
                if run > position {
                    if needsPlaces {
                        places.appendScalars(at: value.count, here)
                        here.column += Int32(bytes[position..<run].reduce(0) { $0 + ($1 < 0x80 || $1 >= 0xC0 ? 1 : 0) })
                    }
                    value.append(contentsOf: bytes[position..<run])
                    position = run
                    continue
                }
                if needsPlaces { places.appendCharacter(at: value.count, here) }
                let code = self.code(at: position)
                var step = length(at: position)
                if code == UInt8(ascii: "\\") {
                    // The escaped character; past the end of a line, the line break that follows.
                    let escapedAt = position + 1 < range.upperBound ? position + 1 : nil
                    let escaped = escapedAt.map { self.code(at: $0) } ?? (number + 1 < pieces.count ? 0x0A : 0x20)
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"): value.append(escaped)
                    case UInt8(ascii: "n"): value.append(0x0A)
                    case UInt8(ascii: "t"): value.append(0x09)
                    default:
                        let character = escapedAt.map { self.character(at: $0) } ?? (escaped == 0x0A ? "\n" : " ")
                        let written =
                            character.isInvisible
                            ? "'\\' followed by \(character.visibleDescription)" : "'\\\(character)'"
                        throw error(
                            "unknown escape \(written) in a text; "
                                + "write \\\" for a quote, \\\\ for a backslash, \\n for a new line or \\t for a tab",
                            at: place(position))
                    }
                    step = 2
                    here.column += 2
                } else if code != Self.nonASCII, code != 0x0A {
                    value.append(code)
                    here.column += 1
                } else {
                    // a line break may be "\r\n", one character
                    value.append(contentsOf: bytes[position..<position + step])
                    here.column += 1
                }
                position += step
            }
        }
        return Token(
            kind: .string, text: "", location: start, spaceBefore: false,
            value: String(decoding: value, as: UTF8.self), valuePlaces: places)
    }
}
