extension Parser {
    /// `define NAME ( [ PARAMETER { , PARAMETER } ] ) = EXPR`, at the top level of a file.
    mutating func parseDefinition() throws(RuleDiagnostic) -> ConditionDefinition {
        _ = advance()
        let name = try identifier(naming: "a defined condition")
        try expect(
            symbol: "(",
            "'(' after 'define \(name.text.excerpt)', then its parameters, such as "
                + "'define in_service(eq) = …'")
        var parameters: [String] = []
        if !accept(symbol: ")") {
            repeat {
                let parameter = try identifier(naming: "a parameter of '\(name.text.excerpt)'")
                if parameters.contains(parameter.text) {
                    throw error(
                        "'\(name.text.excerpt)' already has a parameter named '\(parameter.text.excerpt)'",
                        at: parameter.location)
                }
                parameters.append(parameter.text)
            } while accept(symbol: ",")
            try expect(symbol: ")", "',' or ')' after a parameter of '\(name.text.excerpt)'")
        }
        try expect(symbol: "=", "'=' after 'define \(name.text.excerpt)(…)'")
        return ConditionDefinition(
            name: name.text, parameters: parameters, body: try parseExpression(),
            location: name.location)
    }

    /// `NAME = EXPR`, after `let` inside a rule.
    mutating func parseNamedValue(_ keyword: Token) throws(RuleDiagnostic) -> NamedValue {
        let name = try identifier(naming: "a named value")
        try expect(symbol: "=", "'=' after 'let \(name.text.excerpt)'")
        return NamedValue(name: name.text, value: try parseExpression(), location: name.location)
    }
}
