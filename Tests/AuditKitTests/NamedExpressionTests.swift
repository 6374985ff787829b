import Testing
@testable import AuditKit

/// `let` values and `define` conditions (docs/rule-language.md, "Named values and conditions"):
/// what they mean, and every misuse refused with its place.
@Suite struct NamedExpressionTests {
    /// Equipment records with one overdue instrument (E1), one quarantined overdue instrument
    /// (E2), one due in the future (E3) and one overdue by its interval (E4).
    private static let equipment = """
        {"equipment": [
          {"id": "E1", "used_for_verification": true, "next_due_on": "2026-10-01"},
          {"id": "E2", "used_for_verification": true, "status": "Quarantined", "next_due_on": "2026-10-01"},
          {"id": "E3", "used_for_verification": true, "next_due_on": "2027-01-01"},
          {"id": "E4", "used_for_verification": true, "last_calibrated_on": "2025-11-01", "calibration_interval_days": "365"}
        ]}
        """

    private static func rule(_ items: String, prelude: String = "") -> String {
        """
        \(prelude)
        rule T1
          title "test"
          standard iso9001
          clause 7.1.5.2
          grade observation
          for each instrument in equipment
        \(items)
        end
        """
    }

    private static let writtenOut = rule(
        """
          where instrument.used_for_verification is true
            and (instrument.status is absent or lower(instrument.status) not in ["out_of_service", "quarantined"])
          require not (first_present(instrument.next_due_on, instrument.last_calibrated_on + instrument.calibration_interval_days days) before audit_date)
          message "{instrument.id} fell due on {first_present(instrument.next_due_on, instrument.last_calibrated_on + instrument.calibration_interval_days days)}, {days_between(first_present(instrument.next_due_on, instrument.last_calibrated_on + instrument.calibration_interval_days days), audit_date) | day | days} ago"
        """)

    private static let named = rule(
        """
          where instrument.used_for_verification is true and in_service(instrument)
          let due = first_present(instrument.next_due_on, instrument.last_calibrated_on + instrument.calibration_interval_days days)
          require not (due before audit_date)
          message "{instrument.id} fell due on {due}, {days_between(due, audit_date) | day | days} ago"
        """,
        prelude: """
            define in_service(eq) = eq.status is absent or lower(eq.status) not in ["out_of_service", "quarantined"]
            """)

    @Test func namedRuleGivesTheFindingsOfTheRuleWrittenOut() throws {
        let expected = try EvaluationHarness.report(rules: Self.writtenOut, json: Self.equipment).findings
        let actual = try EvaluationHarness.report(rules: Self.named, json: Self.equipment).findings
        #expect(actual.map(\.record) == ["E1", "E4"])
        #expect(
            actual.map(\.message) == [
                "E1 fell due on 2026-10-01, 45 days ago", "E4 fell due on 2026-11-01, 14 days ago"
            ])
        #expect(actual.map(\.message) == expected.map(\.message))
        #expect(actual.map(\.arguments) == expected.map(\.arguments))
    }

    @Test func messageArgumentsKeepTheNamesOfTheExpressionWrittenOut() throws {
        let expected = try EvaluationHarness.ruleSet(Self.writtenOut).rules[0]
        let actual = try EvaluationHarness.ruleSet(Self.named).rules[0]
        #expect(MessageRenderer(rule: actual).argumentNames == MessageRenderer(rule: expected).argumentNames)
        #expect(actual.requirement.canonicalText == expected.requirement.canonicalText)
        #expect(actual.filter?.canonicalText == expected.filter?.canonicalText)
    }

    @Test func parsedFileKeepsTheDeclarations() throws {
        let file = try RuleParser.parse(source: Self.named, path: "t.rules", fileIndex: 0)
        #expect(file.definitions.map(\.name) == ["in_service"])
        #expect(file.definitions[0].parameters == ["eq"])
        #expect(file.rules[0].namedValues.map(\.name) == ["due"])
        #expect(
            file.rules[0].namedValues[0].value.canonicalText
                == "first_present(instrument.next_due_on, instrument.last_calibrated_on + instrument.calibration_interval_days days)"
        )
    }

    @Test func definitionsMayCallEachOtherInAnyOrderAndLetsUseEarlierLets() throws {
        let rules = Self.rule(
            """
              let due = first_present(instrument.next_due_on, instrument.last_calibrated_on + instrument.calibration_interval_days days)
              let late = days_between(due, audit_date)
              where checked(instrument)
              require late <= 0
              message "{instrument.id}: {late}"
            """,
            prelude: """
                define checked(eq) = eq.used_for_verification is true and in_service(eq)
                define in_service(eq) = eq.status is absent or lower(eq.status) != "quarantined"
                """)
        let findings = try EvaluationHarness.report(rules: rules, json: Self.equipment).findings
        #expect(findings.map(\.message) == ["E1: 45", "E4: 14"])
    }

    @Test func definitionWithoutParametersAndAsAValue() throws {
        let rules = """
            param limit = 2
            define many() = count(equipment) > limit
            define doubled(n) = n * 2
            rule T1 title "t" standard iso9001 clause 7.1.5 grade observation
              require not many() and doubled(count(equipment)) < 10
              message "{count(equipment)} > {limit}"
            end
            """
        let findings = try EvaluationHarness.report(rules: rules, json: Self.equipment).findings
        #expect(findings.map(\.message) == ["4 > 2"])
    }

    // MARK: - Misuse

    private func diagnostics(_ source: String) -> [String] {
        do {
            _ = try RuleSet.parse(sources: [(path: "t.rules", name: "t.rules", text: source)])
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    /// A rule over `equipment` with `items`, after `prelude`; the items start at line 4.
    private func misuse(_ items: String, prelude: String = "param limit = 3") -> [String] {
        diagnostics(
            """
            \(prelude)
            rule T1 title "t" standard iso9001 clause 7.1.5 grade observation
              for each instrument in equipment
            \(items)
              message "m"
            end
            """)
    }

    @Test(arguments: [
        (
            "let late = due before audit_date\nlet due = instrument.next_due_on\nrequire late",
            "t.rules:4:12: error: 'due' is named later in this rule; move its 'let' above this one"
        ),
        ("let due = due\nrequire due is present", "t.rules:4:11: error: 'due' cannot use itself"),
        ("let due = 1\nlet due = 2\nrequire due > 0", "t.rules:5:5: error: this rule already names 'due' at line 4"),
        (
            "let limit = 1\nrequire limit > 0",
            "t.rules:4:5: error: the named value 'limit' hides the parameter 'limit' declared at line 1; choose another name"
        ),
        (
            "let complaints = 1\nrequire complaints > 0",
            "t.rules:4:5: error: the named value 'complaints' hides the collection 'complaints' of the records; choose another name"
        ),
        (
            "let audit_date = 1\nrequire true",
            "t.rules:4:5: error: the named value 'audit_date' hides the audit date; choose another name"
        ),
        (
            "let count = 1\nrequire true",
            "t.rules:4:5: error: the named value 'count' has the name of a built-in function; choose another name"
        ),
        (
            "let instrument = 1\nrequire true",
            "t.rules:4:5: error: the named value 'instrument' hides the rule's loop variable; choose another name"
        ),
        (
            "let x = instrument.a\nrequire some x in instrument.parts satisfies x.ok is true",
            "t.rules:5:9: error: loop variable 'x' hides the value named 'x' at line 4; choose another name"
        ),
        (
            "let due = part.due_on\nrequire every part in instrument.parts satisfies due is present",
            "t.rules:5:50: error: 'due' reads 'part', which here is the loop variable of line 5; give that loop variable another name"
        ),
        ("let let = 1\nrequire true", "t.rules:4:5: error: 'let' is a reserved word and cannot name a named value"),
        ("let due 3\nrequire true", "t.rules:4:9: error: expected '=' after 'let due', found '3'")
    ])
    func misusedLet(items: String, expected: String) {
        #expect(misuse(items) == [expected])
    }

    @Test func forEachCannotUseALet() {
        let errors = diagnostics(
            """
            rule T1 title "t" standard iso9001 clause 7.1.5 grade observation
              let items = equipment
              for each instrument in items
              require true
              message "m"
            end
            """)
        #expect(
            errors == [
                "t.rules:3:26: error: 'for each' cannot use 'items', a value the rule names with 'let'; write its expression there"
            ])
    }

    @Test(arguments: [
        (
            "define ok(x) = x.a is present\ndefine ok(y) = true", "require ok(instrument)",
            "t.rules:2:8: error: 'ok' is already defined at line 1"
        ),
        (
            "define ok(x) = x.a is present", "require ok(instrument, 2)",
            "t.rules:4:9: error: 'ok' takes 1 argument, but 2 were given"
        ),
        (
            "define ok(x) = x.a is present", "require ok()",
            "t.rules:4:9: error: 'ok' takes 1 argument, but 0 were given"
        ),
        (
            "define in_service(x) = x.a is present", "require in_servce(instrument)",
            "t.rules:4:9: error: unknown function 'in_servce'; did you mean 'in_service'?"
        ),
        (
            "define ok(x) = ok(x)", "require ok(instrument)",
            "t.rules:1:8: error: 'ok' calls itself (ok → ok); a defined condition cannot use itself"
        ),
        (
            "define a(x) = b(x)\ndefine b(x) = c(x) and x.ok is true\ndefine c(x) = a(x)", "require a(instrument)",
            "t.rules:1:8: error: 'a' calls itself through 'b', 'c' (a → b → c → a); a defined condition cannot use itself"
        ),
        (
            "define count(x) = true", "require true",
            "t.rules:1:8: error: 'count' is the name of a built-in function; choose another name"
        ),
        (
            "define ok(audit_date) = true", "require true",
            "t.rules:1:8: error: the parameter 'audit_date' of 'ok' hides the audit date; choose another name"
        ),
        (
            "define ok(equipment) = true", "require true",
            "t.rules:1:8: error: the parameter 'equipment' of 'ok' hides the collection 'equipment' of the records; choose another name"
        ),
        ("define ok(x, x) = true", "require true", "t.rules:1:14: error: 'ok' already has a parameter named 'x'"),
        (
            "define late(x) = instrument.due_on before audit_date", "require not late(1)",
            "t.rules:4:13: error: 'late' reads 'instrument', which here is the loop variable of line 3; pass it as an argument, or give that loop variable another name"
        ),
        (
            "define later_part(x) = some q in x.parts satisfies q.due_on after x.due_on",
            "require every q in instrument.parts satisfies not later_part(q)",
            "t.rules:4:51: error: an argument of 'later_part' reads 'q', which 'later_part' uses as a loop variable of its own; give one of them another name"
        ),
        (
            "define ok x = true", "require true",
            "t.rules:1:11: error: expected '(' after 'define ok', then its parameters, such as 'define in_service(eq) = …', found 'x'"
        )
    ])
    func misusedDefinition(prelude: String, items: String, expected: String) {
        #expect(misuse(items, prelude: prelude).first == expected)
    }

    @Test func unusedDefinitionIsStillChecked() {
        #expect(
            diagnostics("define late(x) = audit_date + 3 before x")
                == ["t.rules:1:31: error: add a unit to 3, for example '3 days'"])
    }

    @Test func writtenOutExpressionsStayWithinTheDepthLimit() {
        // Each definition nests the previous one 30 levels deep: written out, 120 levels.
        let nest = { (name: String, inner: String) in
            "define \(name)(x) = " + String(repeating: "not ", count: 30) + inner
        }
        let source = [nest("d1", "x"), nest("d2", "d1(x)"), nest("d3", "d2(x)"), nest("d4", "d3(x)")].joined(
            separator: "\n")
        let errors = diagnostics(source + "\n")
        #expect(errors.count == 1)
        #expect(
            errors.first?.contains(
                "with its named values and defined conditions written out, this expression is "
                    + "nested more than 100 levels deep") == true)
    }

    @Test func definitionsThatDoubleEachOtherAreRefusedNotMultiplied() {
        // d(n) has 2^n parts written out: d25 would have tens of millions.
        var lines = ["define d0(x) = x"]
        for level in 1...25 { lines.append("define d\(level)(x) = d\(level - 1)(x) + d\(level - 1)(x)") }
        let errors = diagnostics(lines.joined(separator: "\n"))
        #expect(errors.count == 1)
        #expect(errors.first?.contains("the rules of this file have more than 1,000,000 parts") == true)
    }
}
