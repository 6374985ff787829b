import Foundation

extension Parser {
    /// Splits a message into text and `{expression}` placeholders; `{{` and `}}` write braces.
    mutating func parseMessage(_ token: Token) throws(RuleDiagnostic) -> MessageTemplate {
        // Most messages of a long text have no placeholder: no need for a copy of every character.
        if !token.value.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) {
            return MessageTemplate(parts: token.value.isEmpty ? [] : [.text(token.value)])
        }
        let characters = Array(token.value)
        let locations = token.valueLocations
        var parts: [MessageTemplate.Part] = []
        var text = ""
        var position = 0
        while position < characters.count {
            let character = characters[position]
            let next = position + 1 < characters.count ? characters[position + 1] : nil
            if (character == "{" || character == "}"), next == character {
                text.append(character)
                position += 2
            } else if character == "}" {
                throw error("a single '}' in a message must be written '}}'", at: locations[position])
            } else if character == "{" {
                guard let close = Self.placeholderEnd(characters, from: position + 1) else {
                    throw error(
                        "this '{' starts a placeholder that is not closed; add '}' after the expression, "
                            + "or write '{{' for a brace", at: locations[position])
                }
                if !text.isEmpty { parts.append(.text(text)) }
                text = ""
                let expression = try parsePlaceholder(
                    Array(characters[position + 1..<close]), Array(locations[position + 1..<close]),
                    open: locations[position], close: locations[close])
                parts.append(.placeholder(expression))
                position = close + 1
            } else {
                text.append(character)
                position += 1
            }
        }
        if !text.isEmpty { parts.append(.text(text)) }
        return MessageTemplate(parts: parts)
    }

    /// The first `|` of a placeholder outside quoted texts.
    private static func firstBar(_ characters: [Character]) -> Int? {
        var inText = false
        for position in characters.indices {
            switch characters[position] {
            case "\"": inText.toggle()
            case "|" where !inText: return position
            default: break
            }
        }
        return nil
    }

    /// The index of the `}` closing a placeholder, skipping texts in quotes inside it.
    private static func placeholderEnd(_ characters: [Character], from start: Int) -> Int? {
        var inText = false
        for position in start..<characters.count {
            switch characters[position] {
            case "\"": inText.toggle()
            case "}" where !inText: return position
            case "\\" where inText: continue
            default: break
            }
        }
        return nil
    }

    /// Parses the expression of one placeholder, keeping the places its characters were written.
    /// `{N | complaint | complaints}` writes the number with the word agreeing with it, as
    /// `plural(N, "complaint", "complaints")` does.
    private func parsePlaceholder(
        _ characters: [Character], _ locations: [SourceLocation],
        open: SourceLocation, close: SourceLocation
    ) throws(RuleDiagnostic) -> Expr {
        if let bar = Self.firstBar(characters) {
            let forms = String(characters[(bar + 1)...]).split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard forms.count == 2, !forms[0].isEmpty, !forms[1].isEmpty, !forms.joined().contains("\"") else {
                throw error(
                    "write a number with its word as {N | singular | plural}, such as "
                        + "{count(complaints) | complaint | complaints}", at: locations[bar])
            }
            let count = try parsePlaceholder(
                Array(characters[..<bar]), Array(locations[..<bar]),
                open: open, close: locations[bar])
            let plural = Expr(
                .call(
                    BuiltinFunction.plural.name,
                    [
                        count, Expr(.literal(.text(forms[0])), at: locations[bar]),
                        Expr(.literal(.text(forms[1])), at: locations[bar])
                    ]), at: count.location)
            guard plural.depth <= RuleLimits.maximumExpressionDepth else {
                throw error(
                    "this expression is nested more than \(RuleLimits.maximumExpressionDepth) levels deep; "
                        + "split it into smaller conditions", at: locations[bar])
            }
            return plural
        }
        guard characters.contains(where: { !$0.isWhitespace }) else {
            throw error(
                "empty placeholder '{}'; put an expression inside, such as {audit.id}, "
                    + "or write '{{' and '}}' for braces", at: open)
        }
        var lexer = Lexer(characters: characters, locations: locations, end: close, path: path)
        let (tokens, lexError) = lexer.tokenize()
        var parser = Parser(tokens: tokens, lexError: lexError, path: path)
        parser.endDescription = "'}'"
        let expression = try parser.parseExpression()
        guard parser.current.kind == .end, lexError == nil else {
            throw parser.unexpected("'}' to close the placeholder")
        }
        return expression
    }
}
