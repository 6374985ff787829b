extension Parser {
    /// `expr = and { "or" and }`.
    mutating func parseExpression() throws(RuleDiagnostic) -> Expr {
        var left = try parseAnd()
        while current.isWord("or") {
            let op = advance()
            left = try checked(Expr(.binary(.or, left, try parseAnd()), at: left.location), joinedBy: op)
        }
        return left
    }

    private mutating func parseAnd() throws(RuleDiagnostic) -> Expr {
        var left = try parseNot()
        while current.isWord("and") {
            let op = advance()
            left = try checked(Expr(.binary(.and, left, try parseNot()), at: left.location), joinedBy: op)
        }
        return left
    }

    /// `{ "not" } comparison`, read in a loop: a long run of `not`s must not recurse once per word.
    private mutating func parseNot() throws(RuleDiagnostic) -> Expr {
        var keywords: [Token] = []
        while current.isWord("not") {
            keywords.append(advance())
            if keywords.count > RuleLimits.maximumExpressionDepth { throw tooDeep(at: keywords[keywords.count - 1]) }
        }
        var expression = try parseComparison()
        for keyword in keywords.reversed() {
            expression = try checked(Expr(.unary(.not, expression), at: keyword.location), at: keyword)
        }
        return expression
    }

    // MARK: - Comparisons and tests

    private mutating func parseComparison() throws(RuleDiagnostic) -> Expr {
        let left = try parseSum()
        guard let comparison = try parseComparisonTail(left) else { return left }
        if startsComparison {
            throw error(
                "comparisons cannot be chained; join them with 'and', as in 'a < b and b < c'",
                at: current.location)
        }
        return comparison
    }

    private static let comparisonOperators: [String: Expr.BinaryOperator] = [
        "=": .equal, "!=": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual,
        "before": .before, "after": .after
    ]

    /// A symbol that may compare, by its first byte (`=`, `!`, `<` or `>`): most symbols after an
    /// operand (`)`, `,`) are not looked up.
    private static func mayCompare(_ token: Token) -> Bool {
        guard token.kind == .symbol, let first = token.text.utf8.first else { return false }
        return first == UInt8(ascii: "=") || first == UInt8(ascii: "!") || first == UInt8(ascii: "<")
            || first == UInt8(ascii: ">")
    }

    private var startsComparison: Bool {
        let token = current
        if token.kind == .symbol { return Self.mayCompare(token) && Self.comparisonOperators[token.text] != nil }
        guard token.kind == .word else { return false }
        return ["before", "after", "is", "in", "within"].contains(token.text)
            || (token.text == "not" && peek(1).isWord("in"))
    }

    private mutating func parseComparisonTail(_ left: Expr) throws(RuleDiagnostic) -> Expr? {
        let token = current
        let at = left.location
        // Looked up only for a symbol or one of the two words that compare.
        let compares =
            Self.mayCompare(token) || (token.kind == .word && (token.text == "before" || token.text == "after"))
        if compares, let op = Self.comparisonOperators[token.text] {
            advance()
            return try checked(Expr(.binary(op, left, try parseSum()), at: at), at: token)
        }
        guard token.kind == .word else { return nil }
        switch token.text {
        case "is":
            advance()
            return try parseTest(left)
        case "in":
            advance()
            return try checked(Expr(.membership(left, try parseSum(), negated: false), at: at), at: token)
        case "not" where peek(1).isWord("in"):
            advance()
            advance()
            return try checked(Expr(.membership(left, try parseSum(), negated: true), at: at), at: token)
        case "within":
            advance()
            return try checked(Expr(.within(left, try parseSum()), at: at), at: token)
        default:
            return nil
        }
    }

    private static let tests: [String: Expr.Test] = [
        "present": .present, "absent": .absent, "empty": .empty, "true": .true, "false": .false
    ]

    /// After `is`: `[not] present | absent | empty | true | false | a date | a number | unique in NAME`.
    private mutating func parseTest(_ subject: Expr) throws(RuleDiagnostic) -> Expr {
        let negated = accept(word: "not")
        let token = current
        let expected = "present, absent, empty, true, false, a date, a number or unique in after 'is'"
        guard token.kind == .word else { throw unexpected(expected) }
        if let test = Self.tests[token.text] {
            return try checked(Expr(.test(subject, test, negated: negated), at: subject.location), at: advance())
        }
        switch token.text {
        case "a":
            advance()
            let test: Expr.Test
            if accept(word: "date") {
                test = .date
            } else if accept(word: "number") {
                test = .number
            } else {
                throw unexpected("'date' or 'number' after 'is a'")
            }
            return try checked(Expr(.test(subject, test, negated: negated), at: subject.location), at: token)
        case "unique":
            advance()
            try expect(word: "in", "'in' after 'is unique'")
            let name = try identifier(naming: "a collection")
            let unique = Expr(.uniqueIn(subject, Expr(.name(name.text), at: name.location)), at: subject.location)
            return try checked(negated ? Expr(.unary(.not, unique), at: subject.location) : unique, at: token)
        default:
            let names = Array(Self.tests.keys) + ["a", "unique", "not"]
            let hint = NearMatch.hint(
                for: token.text, among: names,
                otherwise: "; expected present, absent, empty, true, false, a date, "
                    + "a number or unique in")
            throw error("unknown test 'is \(token.text)'\(hint)", at: token.location)
        }
    }

    // MARK: - Arithmetic

    private mutating func parseSum() throws(RuleDiagnostic) -> Expr {
        var left = try parseProduct()
        while current.isSymbol("+") || current.isSymbol("-") {
            let token = advance()
            let op: Expr.BinaryOperator = token.text == "+" ? .add : .subtract
            left = try checked(Expr(.binary(op, left, try parseProduct()), at: left.location), joinedBy: token)
        }
        return left
    }

    private mutating func parseProduct() throws(RuleDiagnostic) -> Expr {
        var left = try parseUnary()
        while current.isSymbol("*") || current.isSymbol("/") {
            let token = advance()
            let op: Expr.BinaryOperator = token.text == "*" ? .multiply : .divide
            left = try checked(Expr(.binary(op, left, try parseUnary()), at: left.location), joinedBy: token)
        }
        return left
    }

    /// `"-" unary | postfix [ UNIT ]`, the minus signs read in a loop.
    private mutating func parseUnary() throws(RuleDiagnostic) -> Expr {
        var minuses: [Token] = []
        while current.isSymbol("-") {
            minuses.append(advance())
            if minuses.count > RuleLimits.maximumExpressionDepth { throw tooDeep(at: minuses[minuses.count - 1]) }
        }
        var expression = try parseMeasured()
        for minus in minuses.reversed() {
            expression = try checked(Expr(.unary(.negate, expression), at: minus.location), at: minus)
        }
        return expression
    }

    /// `postfix [ UNIT ]`.
    private mutating func parseMeasured() throws(RuleDiagnostic) -> Expr {
        let operand = try parsePostfix()
        guard let unit = Self.unit(current) else { return operand }
        if case .literal(.number(let amount)) = operand.kind {
            return Expr(.literal(try durationLiteral(amount, unit)), at: operand.location)
        }
        return try checked(Expr(.duration(operand, unit), at: operand.location), at: advance())
    }

    /// `primary { "." WORD | "[" expr "]" }`.
    private mutating func parsePostfix() throws(RuleDiagnostic) -> Expr {
        var base = try parsePrimary()
        while true {
            if current.isSymbol(".") {
                let dot = advance()
                guard current.kind == .word else { throw unexpected("a field name after '.'") }
                base = try checked(Expr(.member(base, advance().text), at: base.location), joinedBy: dot)
            } else if current.isSymbol("[") {
                let open = advance()
                try enterNesting(at: open)
                let key = try parseExpression()
                try expect(
                    symbol: "]",
                    "']' to close the '[' at line \(open.location.line), "
                        + "column \(open.location.column)")
                nesting -= 1
                base = try checked(Expr(.lookup(base, key), at: base.location), at: open)
            } else {
                return base
            }
        }
    }

    // MARK: - Primaries

    private mutating func parsePrimary() throws(RuleDiagnostic) -> Expr {
        let token = current
        switch token.kind {
        case .number: return Expr(.literal(.number(try numberLiteral())), at: token.location)
        case .date: advance(); return Expr(.literal(.date(token.date!)), at: token.location)
        case .string: advance(); return Expr(.literal(.text(token.value)), at: token.location)
        case .symbol where token.text == "[": return try parseList()
        case .symbol where token.text == "(":
            advance()
            try enterNesting(at: token)
            let inner = try parseExpression()
            try expect(
                symbol: ")",
                "')' to close the '(' at line \(token.location.line), "
                    + "column \(token.location.column)")
            nesting -= 1
            return inner
        case .word: return try parseWordPrimary()
        default: throw expectedValue()
        }
    }

    /// "expected a value after '+', found ')'".
    private func expectedValue() -> RuleDiagnostic {
        guard let previous else { return unexpected("a value") }
        return unexpected("a value after '\(previous.kind == .string ? "\"…\"" : previous.text)'")
    }

    private mutating func parseWordPrimary() throws(RuleDiagnostic) -> Expr {
        let token = current
        // Most words are names, and the words below all reserved: a name is told at once.
        guard ReservedWords.contains(token.text) else {
            advance()
            guard current.isSymbol("(") else { return Expr(.name(token.text), at: token.location) }
            return try parseCall(token)
        }
        switch token.text {
        case "true", "false":
            advance()
            return Expr(.literal(.bool(token.text == "true")), at: token.location)
        case "every", "some", "no":
            return try parseQuantifier()
        default:
            throw expectedValue()
        }
    }

    /// `[ a, b, c ]`.
    private mutating func parseList() throws(RuleDiagnostic) -> Expr {
        let open = advance()
        try enterNesting(at: open)
        var items: [Expr] = []
        if !accept(symbol: "]") {
            repeat { items.append(try parseExpression()) } while accept(symbol: ",")
            try expect(
                symbol: "]",
                "',' or ']' to close the list opened at line \(open.location.line), "
                    + "column \(open.location.column)")
        }
        nesting -= 1
        return try checked(Expr(.list(items), at: open.location), at: open)
    }

    /// `name(argument, …)`, after the name.
    private mutating func parseCall(_ name: Token) throws(RuleDiagnostic) -> Expr {
        try enterNesting(at: advance())
        var arguments: [Expr] = []
        if !accept(symbol: ")") {
            repeat { arguments.append(try parseArgument()) } while accept(symbol: ",")
            try expect(symbol: ")", "',' or ')' in the call of '\(name.text.excerpt)'")
        }
        nesting -= 1
        return try checked(Expr(.call(name.text, arguments), at: name.location), at: name)
    }

    /// `IDENT in sum where expr` (a filter) or an expression.
    private mutating func parseArgument() throws(RuleDiagnostic) -> Expr {
        let start = index
        if current.kind == .word, !ReservedWords.contains(current.text), peek(1).isWord("in") {
            let variable = advance()
            advance()
            let source = try parseSum()
            if accept(word: "where") {
                let condition = try parseExpression()
                return try checked(
                    Expr(
                        .filter(variable: variable.text, source: source, condition: condition),
                        at: variable.location), at: variable)
            }
            index = start
        }
        return try parseExpression()
    }

    /// `every x in LIST satisfies COND` (also `some`, `no`).
    private mutating func parseQuantifier() throws(RuleDiagnostic) -> Expr {
        let keyword = advance()
        try enterNesting(at: keyword)
        defer { nesting -= 1 }
        let quantifier = Expr.Quantifier(rawValue: keyword.text)!
        let variable = try identifier(naming: "a variable")
        try expect(word: "in", "'in' after '\(keyword.text) \(variable.text.excerpt)'")
        let source = try parseSum()
        try expect(word: "satisfies", "'satisfies' after the list in '\(keyword.text) \(variable.text.excerpt) in …'")
        let condition = try parseExpression()
        return try checked(
            Expr(
                .quantifier(quantifier, variable: variable.text, source: source, condition: condition),
                at: keyword.location), at: keyword)
    }
}

extension Parser {
    // MARK: - Depth

    /// Enters a nested part of an expression opened at `token` (parentheses, a list, a call, a
    /// lookup, a quantifier), refusing to go deeper than ``RuleLimits/maximumExpressionDepth``
    /// before recursing.
    mutating func enterNesting(at token: Token) throws(RuleDiagnostic) {
        nesting += 1
        if nesting > RuleLimits.maximumExpressionDepth { throw tooDeep(at: token) }
    }

    /// "this expression is nested more than 100 levels deep", at `token`.
    func tooDeep(at token: Token) -> RuleDiagnostic {
        error(
            "this expression is nested more than \(RuleLimits.maximumExpressionDepth) levels deep; "
                + "split it into smaller conditions", at: token.location)
    }

    /// `expression` when it is no deeper than the limit; otherwise the error, at `token`.
    func checked(_ expression: Expr, at token: Token) throws(RuleDiagnostic) -> Expr {
        guard expression.depth > RuleLimits.maximumExpressionDepth else { return expression }
        throw tooDeep(at: token)
    }

    /// `expression`, a term of a chain joined by `op` (`a and b and …`, `a.b.c…`), when it is no
    /// deeper than the limit; otherwise the error, at the operator.
    func checked(_ expression: Expr, joinedBy op: Token) throws(RuleDiagnostic) -> Expr {
        guard expression.depth > RuleLimits.maximumExpressionDepth else { return expression }
        throw error(
            "this expression is too long: more than \(RuleLimits.maximumExpressionDepth) terms joined by "
                + "'\(op.text)' (nested parts count too); split it into smaller conditions", at: op.location)
    }
}
