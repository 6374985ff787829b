import Foundation

extension Parser {
    /// Splits a message into text and `{expression}` placeholders; `{{` and `}}` write braces.
    ///
    /// The message is read as UTF-8 bytes: a brace, quote or bar counts only where it is a whole
    /// character, and places are looked up by the characters' starts.
    mutating func parseMessage(_ token: Token) throws(RuleDiagnostic) -> MessageTemplate {
        let brace = { (byte: UInt8) in byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") }
        // Most messages of a long text have no placeholder: no need to find their characters.
        if !token.value.utf8.contains(where: brace) {
            return MessageTemplate(parts: token.value.isEmpty ? [] : [.text(token.value)])
        }
        let message = MessageText(token)
        let bytes = message.bytes
        var parts: [MessageTemplate.Part] = []
        var text: [UInt8] = []
        var position = 0
        while position < bytes.count {
            let run = position
            while position < bytes.count, !brace(bytes[position]) { position += 1 }
            text.append(contentsOf: bytes[run..<position])
            guard position < bytes.count else { break }
            let character = bytes[position]
            if !message.isCharacter(character, at: position) {
                // A brace that a mark joins: text like any other character.
                text.append(character)
                position += 1
            } else if position + 1 < bytes.count, message.isCharacter(character, at: position + 1) {
                text.append(character)
                position += 2
            } else if character == UInt8(ascii: "}") {
                throw error("a single '}' in a message must be written '}}'", at: message.place(position))
            } else {
                guard let close = Self.placeholderEnd(message, from: position + 1) else {
                    throw error(
                        "this '{' starts a placeholder that is not closed; add '}' after the expression, "
                            + "or write '{{' for a brace", at: message.place(position))
                }
                if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
                text = []
                let expression = try parsePlaceholder(
                    message, position + 1..<close, open: message.place(position), close: message.place(close))
                parts.append(.placeholder(expression))
                position = close + 1
            }
        }
        if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
        return MessageTemplate(parts: parts)
    }

    /// The first `|` of a placeholder outside quoted texts.
    private static func firstBar(_ message: MessageText, in range: Range<Int>) -> Int? {
        var inText = false
        let bytes = message.bytes
        for position in range where bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "|") {
            if message.isCharacter(UInt8(ascii: "\""), at: position) {
                inText.toggle()
            } else if !inText, message.isCharacter(UInt8(ascii: "|"), at: position) {
                return position
            }
        }
        return nil
    }

    /// The offset of the `}` closing a placeholder, skipping texts in quotes inside it.
    private static func placeholderEnd(_ message: MessageText, from start: Int) -> Int? {
        var inText = false
        let bytes = message.bytes
        for position in start..<bytes.count
        where bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "}") {
            if message.isCharacter(UInt8(ascii: "\""), at: position) {
                inText.toggle()
            } else if !inText, message.isCharacter(UInt8(ascii: "}"), at: position) {
                return position
            }
        }
        return nil
    }

    /// Parses the expression of one placeholder, keeping the places its characters were written.
    /// `{N | complaint | complaints}` writes the number with the word agreeing with it, as
    /// `plural(N, "complaint", "complaints")` does.
    private func parsePlaceholder(
        _ message: MessageText, _ range: Range<Int>,
        open: SourceLocation, close: SourceLocation
    ) throws(RuleDiagnostic) -> Expr {
        if let bar = Self.firstBar(message, in: range) {
            let forms = PluralForms(message, bar + 1..<range.upperBound)
            guard forms.words.count == 2, !forms.words[0].isEmpty, !forms.words[1].isEmpty, !forms.containQuote
            else {
                throw error(
                    "write a number with its word as {N | singular | plural}, such as "
                        + "{count(complaints) | complaint | complaints}", at: message.place(bar))
            }
            let count = try parsePlaceholder(message, range.lowerBound..<bar, open: open, close: message.place(bar))
            let plural = Expr(
                .call(
                    BuiltinFunction.plural.name,
                    [
                        count, Expr(.literal(.text(forms.words[0])), at: message.place(bar)),
                        Expr(.literal(.text(forms.words[1])), at: message.place(bar))
                    ]), at: count.location)
            guard plural.depth <= RuleLimits.maximumExpressionDepth else {
                throw error(
                    "this expression is nested more than \(RuleLimits.maximumExpressionDepth) levels deep; "
                        + "split it into smaller conditions", at: message.place(bar))
            }
            return plural
        }
        if let path = Self.simplePath(message, range) { return path }
        guard Self.hasVisibleCharacter(message, range) else {
            throw error(
                "empty placeholder '{}'; put an expression inside, such as {audit.id}, "
                    + "or write '{{' and '}}' for braces", at: open)
        }
        var lexer = Lexer(
            bytes: Array(message.bytes[range]), places: message.places(of: range), end: close, path: path)
        let (tokens, lexError) = lexer.tokenize()
        var parser = Parser(tokens: tokens, lexError: lexError, path: path)
        parser.endDescription = "'}'"
        let expression = try parser.parseExpression()
        guard parser.current.kind == .end, lexError == nil else {
            throw parser.unexpected("'}' to close the placeholder")
        }
        return expression
    }

    /// The most common placeholder, a name or a path of fields (`complaint.id`) written in ASCII
    /// letters, digits and `_` with at most spaces around it, as the expression the lexer and
    /// parser make of it, made directly. Nil for anything else (a reserved word too): they read it.
    private static func simplePath(_ message: MessageText, _ range: Range<Int>) -> Expr? {
        let bytes = message.bytes
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, bytes[lower] == 0x20 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 { upper -= 1 }
        var names: [String] = []
        var start = lower
        for position in lower...upper {
            guard position == upper || bytes[position] == UInt8(ascii: ".") else {
                let byte = bytes[position]
                let isLetter = (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == UInt8(ascii: "_")
                guard isLetter || (position > start && byte >= 0x30 && byte <= 0x39) else { return nil }
                continue
            }
            guard position > start, names.count < 8 else { return nil }
            names.append(message.string(start..<position))
            start = position + 1
        }
        guard !ReservedWords.contains(names[0]) else { return nil }
        let location = message.place(lower)
        var expression = Expr(.name(names[0]), at: location)
        for name in names.dropFirst() { expression = Expr(.member(expression, name), at: location) }
        return expression
    }

    /// True when a character in `range` is not whitespace.
    private static func hasVisibleCharacter(_ message: MessageText, _ range: Range<Int>) -> Bool {
        let bytes = message.bytes[range]
        // An ASCII character other than a space or line break is not whitespace, nor is any
        // character it starts (nothing after whitespace joins it).
        if bytes.contains(where: { $0 < 0x80 && $0 != 0x20 && !(0x09...0x0D).contains($0) }) { return true }
        guard bytes.contains(where: { $0 >= 0x80 }) else { return false }
        return message.string(range).contains { !$0.isWhitespace }
    }
}
