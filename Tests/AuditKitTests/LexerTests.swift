import Testing
@testable import AuditKit

@Suite struct LexerTests {
    private func lex(_ source: String) -> (tokens: [Token], error: RuleDiagnostic?) {
        var lexer = Lexer(source: source, path: "t.rules", fileIndex: 2)
        return lexer.tokenize()
    }

    @Test func wordsNumbersDatesAndSymbols() throws {
        let (tokens, error) = lex("rule Q44-x 8.5.1 2026-03-01 <= != ( ) [ ] , . * / + - = < > >= # comment\nend")
        #expect(error == nil)
        #expect(
            tokens.map(\.text) == [
                "rule", "Q44", "-", "x", "8.5.1", "2026-03-01", "<=", "!=", "(", ")", "[",
                "]", ",", ".", "*", "/", "+", "-", "=", "<", ">", ">=", "end", ""
            ])
        #expect(tokens.map(\.kind).prefix(6) == [.word, .word, .symbol, .word, .number, .date])
        #expect(tokens.map(\.spaceBefore).prefix(5) == [true, true, false, false, true])
        #expect(tokens[5].date == CalendarDate(year: 2026, month: 3, day: 1))
        let end = try #require(tokens.first { $0.text == "end" })
        #expect(end.location == SourceLocation(file: 2, line: 2, column: 1))
    }

    @Test func columnsCountCharacters() {
        let (tokens, _) = lex("title \"Qualität\" x")
        #expect(tokens[2].location.column == 18)
        #expect(tokens[1].value == "Qualität")
    }

    @Test func windowsLineBreaksAccentsAndLettersBeyondASCIIAreRead() throws {
        // A rule file saved on Windows, with an accent written as e + a combining mark (one
        // character, two code points) and a word in letters beyond ASCII.
        let source =
            "title \"Re\u{301}clamation \u{2014} d\u{E9}lai\"\r\nd\u{E9}lai_2 = 3 # note \u{E9}t\u{E9}\r\n\"\"\"\r\n    ligne \u{E0} \"deux\"\r\n    \"\"\"\r\n  \u{2019}"
        let (tokens, error) = lex(source)
        // A text's characters are its value; its token text is left empty.
        #expect(tokens.map(\.text).prefix(5) == ["title", "", "d\u{E9}lai_2", "=", "3"])
        #expect(tokens[1].value == "Re\u{301}clamation \u{2014} d\u{E9}lai")
        #expect(tokens[2].location == SourceLocation(file: 2, line: 2, column: 1))
        #expect(tokens[4].location == SourceLocation(file: 2, line: 2, column: 11))
        #expect(tokens[5].kind == .string && tokens[5].value == "ligne \u{E0} \"deux\"")
        #expect(tokens[5].location == SourceLocation(file: 2, line: 3, column: 1))
        // The curly quote on line 6 is refused where it stands, in characters from the line start.
        let failure = try #require(error)
        #expect(failure.line == 6 && failure.column == 3)
        #expect(failure.message.contains("unexpected quote mark"))
    }

    @Test func stringEscapes() {
        // Places are kept for texts with braces (messages with placeholders) only.
        let (tokens, error) = lex(#""He said \"no\" \\ \n\t{}""#)
        #expect(error == nil)
        #expect(tokens[0].kind == .string)
        #expect(tokens[0].value == "He said \"no\" \\ \n\t{}")
        #expect(tokens[0].valueLocations[8] == SourceLocation(file: 2, line: 1, column: 10))
        #expect(lex(#""no braces""#).tokens[0].valueLocations.isEmpty)
    }

    @Test func longTextRemovesCommonIndentation() {
        let source = "guidance \"\"\"\n    First line.\n      Indented.\n\n    Last line {x}.\n  \"\"\" end"
        let (tokens, error) = lex(source)
        #expect(error == nil)
        #expect(tokens[1].value == "First line.\n  Indented.\n\nLast line {x}.")
        #expect(tokens[1].valueLocations[11] == SourceLocation(file: 2, line: 2, column: 15))  // the line break
        #expect(tokens[1].valueLocations[0] == SourceLocation(file: 2, line: 2, column: 5))
        #expect(tokens[2].location == SourceLocation(file: 2, line: 6, column: 7))
    }

    @Test func numberKeepsAllGroups() {
        let (tokens, _) = lex("0.95 10 9.2.2.1")
        #expect(tokens.map(\.text) == ["0.95", "10", "9.2.2.1", ""])
    }

    @Test(arguments: [
        ("x = 2026-02-30", "1:5: 2026-02-30 is not a valid date"),
        ("x = 2026-13-01", "1:5: 2026-13-01 is not a valid date"),
        (
            "\"a\\qb\"",
            "1:3: unknown escape '\\q' in a text; write \\\" for a quote, \\\\ for a backslash, "
                + "\\n for a new line or \\t for a tab"
        ),
        (
            "title \"open\nend",
            "1:7: this text is not closed; add '\"' at its end, on the same line "
                + "(use \"\"\" for a text across lines)"
        ),
        ("x\n guidance \"\"\"\n text", "2:11: this long text is not closed; add \"\"\" at its end"),
        ("a @ b", "1:3: unexpected character '@'"),
        ("a && b", "1:3: unexpected '&&'; write 'and'"),
        ("a || b", "1:3: unexpected '||'; write 'or'"),
        ("a == b", "1:3: unexpected '=='; write '=' to compare two values"),
        ("a <> b", "1:3: unexpected '<>'; write '!=' for 'not equal'"),
        ("! a", "1:1: unexpected '!'; write 'not' to negate a condition"),
        ("x = 'a'", "1:5: unexpected quote mark '; write texts in straight double quotes: \"like this\"")
    ])
    func errors(source: String, expected: String) throws {
        let error = try #require(lex(source).error)
        #expect("\(error.line):\(error.column): \(error.message)" == expected)
        #expect(error.file == "t.rules")
    }

    /// The lexer reads bytes; columns still count characters: an accent written as two code
    /// points, an emoji flag or family, Chinese, Hebrew, a dash, each counts one.
    @Test(arguments: [
        "message \"é è ê\" ", "x = \"Re\u{301}clamation\" ", "\"🇫🇷 👨‍👩‍👧 ok\" ", "\"投诉 处理\" ",
        "\"תלונה\" ", "\"a — b\" ", "délai_é ", "\"\u{E9}\u{301}\u{302}\" ", "e\u{301}e\u{301} ", ""
    ])
    func columnsAfterCharactersBeyondASCIICountCharacters(_ prefix: String) throws {
        for line in [1, 3] {
            let before = String(repeating: "x\n", count: line - 1)
            let error = try #require(lex(before + prefix + "@ y").error, "\(prefix)")
            #expect(error.line == line && error.column == prefix.count + 1, "\(prefix): \(error.line):\(error.column)")
            // Tokens after the first error-free ones keep their columns too.
            let tokens = lex(before + prefix + "zz").tokens
            #expect(
                tokens.dropLast().last?.location == SourceLocation(file: 2, line: line, column: prefix.count + 1),
                "\(prefix)")
        }
    }

    /// Every line break counts once, whatever its form ("\r\n" is one), also the ones beyond ASCII.
    @Test func linesEndAtEveryKindOfLineBreak() throws {
        let (tokens, error) = lex("a\r\nb\rc\nd\u{85}e\u{2028}f\u{2029}é\u{2028}g")
        #expect(error == nil)
        #expect(tokens.dropLast().map(\.location.line) == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(tokens.dropLast().allSatisfy { $0.location.column == 1 })
        #expect(tokens.last?.location == SourceLocation(file: 2, line: 8, column: 2))
    }

    /// A placeholder's error inside a long message with accents points at its own character.
    @Test func placeholderPlacesInAMessageWithAccents() throws {
        let source = "message \"\"\"\n    Réclamation reçue — délai {x.y}\n    à traiter {x.z}.\n    \"\"\""
        let (tokens, error) = lex(source)
        #expect(error == nil)
        let value = try #require(tokens[1].value)
        #expect(value == "Réclamation reçue — délai {x.y}\nà traiter {x.z}.")
        #expect(tokens[1].valueLocations.count == value.count)
        let brace = try #require(value.firstIndex(of: "{"))
        #expect(
            tokens[1].valueLocations[value.distance(from: value.startIndex, to: brace)]
                == SourceLocation(file: 2, line: 2, column: 31))
        let second = try #require(value.lastIndex(of: "{"))
        #expect(
            tokens[1].valueLocations[value.distance(from: value.startIndex, to: second)]
                == SourceLocation(file: 2, line: 3, column: 15))
    }
}
