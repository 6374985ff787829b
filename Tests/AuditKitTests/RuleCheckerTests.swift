import Testing
@testable import AuditKit

@Suite struct RuleCheckerTests {
    /// Line 1 declares parameters; the requirement starts at line 3, column 9.
    private static let prefix =
        "param n = 3 param since = 2026-01-01 param label = \"x\" param span = 2 weeks\n"
        + "rule R1 title \"T\" standard iso9001 clause 9.2 grade minor\n"

    private func check(_ sources: [(path: String, text: String)]) throws -> [String] {
        let files = try sources.enumerated().map { index, source throws(RuleDiagnostic) in
            try RuleParser.parse(source: source.text, path: source.path, fileIndex: Int32(index))
        }
        return RuleChecker.check(files).map { "\($0.file):\($0.line):\($0.column): \($0.message)" }
    }

    private func check(require requirement: String, extra: String = "") throws -> [String] {
        let source = Self.prefix + "require \(requirement)\nmessage \"M\" \(extra) end"
        return try check([("a.rules", source)]).map { String($0.dropFirst("a.rules:".count)) }
    }

    @Test func specificationExampleIsClean() throws {
        #expect(try check([("spec.rules", RuleSamples.specification)]) == [])
    }

    @Test(arguments: [
        "count(c in complaints where c.closed_on is present) >= 1",
        "share(c in complaints where days_between(c.received_on, c.acknowledged_on) <= n) >= 0.9",
        "audit_date - span before since and since + n days after audit_date",
        "min([2026-01-01, since]) before audit_date",
        "claims(organisation.standards, \"ISO 10002\") or claims(organisation.standards, \"ISO 9001:2015\")",
        "every c in complaints satisfies people[c.owner].name is present and c.id is unique in complaints",
        "every s in [\"a\", \"b\"] satisfies s != label",
        "complaints.received_on = since or length(label) > n",
        "-span = -2 weeks and n * 2 / 4 - 1 > 0",
        "some c in complaints satisfies c.x within span",
        "first_present(since, audit_date) before audit_date",
        "if(since before audit_date, since, audit_date) before audit_date"
    ])
    func validRequirements(requirement: String) throws {
        #expect(try check(require: requirement) == [])
    }

    @Test(arguments: [
        ("cuont(complaints) > 0", "3:9: unknown function 'cuont'; did you mean 'count'?"),
        ("frobnicate(complaints) > 0", "3:9: unknown function 'frobnicate'"),
        ("days_between(audit_date) > 0", "3:9: 'days_between' takes 2 arguments, but 1 was given"),
        ("count(a, b) > 0", "3:9: 'count' takes 1 argument, but 2 were given"),
        ("if(n > 1, 2) > 0", "3:9: 'if' takes 3 arguments, but 2 were given"),
        ("if(n, 1, 2) > 0", "3:12: 'if' needs a true/false value as argument 1, but this is a number"),
        ("if(n > 1, since, audit_date) > 3", "3:9: cannot compare a date with a number"),
        ("days_between(n, audit_date) > 0", "3:22: 'days_between' needs a date as argument 1, but this is a number"),
        ("lower(since) = label", "3:15: 'lower' needs a text as argument 1, but this is a date"),
        (
            "claims(organisation.standards, \"ISO 14001\")",
            "3:40: 'claims' knows \"ISO 9001\" and \"ISO 10002\", not \"ISO 14001\"; write for example claims(organisation.standards, \"ISO 10002\")"
        ),
        ("audit_date = 3", "3:9: cannot compare a date with a number"),
        ("days_between(since, audit_date) > 30 days", "3:9: cannot compare a number with a duration"),
        ("min([2026-01-01, since]) > 3", "3:9: cannot compare a date with a number"),
        ("true < false", "3:9: '<' needs numbers, dates, durations or texts, but this is a true/false value"),
        ("audit_date + 3 after since", "3:22: add a unit to 3, for example '3 days'"),
        ("since - n before audit_date", "3:17: add a unit to n, for example 'n days'"),
        ("audit_date - since > 3", "3:9: subtract dates with days_between(a, b)"),
        ("since + audit_date > 3", "3:9: cannot add a date and a date"),
        ("label + 1 > 3", "3:9: '+' needs numbers, or a date and a duration, but this is a text"),
        ("n * since > 3", "3:13: '*' needs numbers on both sides, but this is a date"),
        ("-label = 1", "3:10: '-' needs a number or a duration, but this is a text"),
        ("since within 12", "3:22: 'within' needs a duration on the right, such as '12 months', but this is a number"),
        ("n within span", "3:9: 'within' needs a date on the left, but this is a number"),
        ("n before audit_date", "3:9: 'before' needs dates on both sides, but this is a number"),
        ("since after label", "3:21: 'after' needs dates on both sides, but this is a text"),
        ("label in n", "3:18: 'in' needs a list on the right, but this is a number"),
        ("label days > span", "3:9: a duration needs a number before 'days', but this is a text"),
        ("n and true", "3:9: 'and' needs true/false values on both sides, but this is a number"),
        ("true or label", "3:17: 'or' needs true/false values on both sides, but this is a text"),
        ("not label", "3:13: 'not' needs a true/false value, but this is a text"),
        ("n + 1", "3:9: 'require' needs a true/false condition, but this is a number"),
        ("every c in complaints satisfies n", "3:41: 'satisfies' needs a true/false condition, but this is a number"),
        ("count(c in complaints where label) > 0", "3:37: 'where' needs a true/false condition, but this is a text"),
        ("every c in n satisfies true", "3:20: 'every' needs a list after 'in', but this is a number"),
        ("share(complaints) > 0.5", "3:15: 'share' needs a filter such as share(x in LIST where CONDITION)"),
        ("label[n].name = \"x\"", "3:9: look records up by id in a top-level collection, such as people[…]"),
        (
            "every c in complaints satisfies c[c.owner] is present",
            "3:41: look records up by id in a top-level collection, such as people[…]"
        ),
        ("label is unique in n", "3:28: look records up by id in a top-level collection, such as people[…]"),
        (
            "every n in complaints satisfies true",
            "3:9: loop variable 'n' hides the parameter 'n' declared at a.rules:1:1; choose another name"
        ),
        (
            "every c in complaints satisfies some c in c.items satisfies true",
            "3:41: loop variable 'c' hides the loop variable 'c' of line 3; choose another name"
        ),
        (
            "count(audit_date in complaints where true) > 0",
            "3:15: loop variable 'audit_date' hides the audit date; choose another name"
        ),
        ("count > 1", "3:9: 'count' is a function; call it with parentheses, such as count(…)"),
        ("since.year = 1", "3:9: cannot read field 'year' of a date"),
        ("count(c in n where true) > 0", "3:20: a filter needs a list after 'in', but this is a number"),
        ("n - audit_date > 3", "3:9: cannot subtract a date from a number"),
        ("span - since > 3", "3:9: cannot subtract a date from a duration")
    ])
    func typeErrors(requirement: String, expected: String) throws {
        #expect(try check(require: requirement) == [expected])
    }

    @Test func ruleItemsAreChecked() throws {
        let source =
            Self.prefix + """
                grade major when n
                for each c in n
                where label
                require true
                message "{c.id} {cuont(c)} {audit_date + 3}"
                end
                """
        #expect(
            try check([("a.rules", source)]) == [
                "a.rules:3:18: 'grade major when' needs a true/false condition, but this is a number",
                "a.rules:4:15: 'for each' needs a list after 'in', but this is a number",
                "a.rules:5:7: 'where' needs a true/false condition, but this is a text",
                "a.rules:7:18: unknown function 'cuont'; did you mean 'count'?",
                "a.rules:7:42: add a unit to 3, for example '3 days'"
            ])
    }

    @Test func forEachVariableHidingAParameter() throws {
        let source = Self.prefix + "for each n in complaints require true message \"M\" end"
        #expect(
            try check([("a.rules", source)])
                == [
                    "a.rules:3:15: loop variable 'n' hides the parameter 'n' declared at a.rules:1:1; choose another name"
                ])
    }

    @Test func collectsEveryError() throws {
        #expect(try check(require: "cuont(x) > 0 and audit_date = 3 and n + 1").count == 3)
    }

    @Test func duplicatesAcrossFiles() throws {
        let first = "param limit = 5\n\n" + RuleSamples.rule("true", id: "K07-ack")
        let second = "param limit = 5 param limit = 6\n" + RuleSamples.rule("limit > 1", id: "K07-ack")
        #expect(
            try check([("Rules/7.3.rules", first), ("Rules/7.4.rules", second)]) == [
                "Rules/7.4.rules:1:17: parameter 'limit' is already declared at Rules/7.3.rules:1:1 with a different default",
                "Rules/7.4.rules:2:6: rule id 'K07-ack' is already used at Rules/7.3.rules:3:6"
            ])
    }

    @Test func parametersNamedLikeBuiltins() throws {
        #expect(
            try check([("p.rules", "param count = 1 param audit_date = 2026-01-01")]) == [
                "p.rules:1:1: parameter 'count' has the name of a built-in function; choose another name",
                "p.rules:1:17: parameter 'audit_date' hides the audit date; choose another name"
            ])
    }
}
