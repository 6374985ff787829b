import Testing
@testable import AuditKit

/// Rule sources shared by the parser and checker tests.
enum RuleSamples {
    /// The example of docs/rule-language.md.
    static let specification = #"""
        # Rules/iso9001/9.2-internal-audit.rules
        version 1

        param audit_interval_months = 12 "How recent the last internal audit must be"

        clause iso9001 9.2.1 "Internal audits at planned intervals"

        rule Q44-internal-audit-done
          title "At least one internal audit was carried out in the last year"
          standard iso9001
          clause 9.2.1
          stages initial, certification
          grade major
          guidance """
            Certification needs at least one complete internal audit before stage 2.
            Plan and carry out an audit of every process, record its scope, criteria and results.
          """
          require count(a in internal_audits where a.conducted_on within audit_interval_months months) >= 1
          message "No internal audit was carried out in the {audit_interval_months} months before {audit_date}."
        end

        rule Q46-auditor-independence
          title "Internal auditors do not audit their own processes"
          standard iso9001
          clause 9.2.2
          grade minor
          for each audit in internal_audits
          where audit.auditor is present
          require no p in audit.processes satisfies processes[p].owner = audit.auditor
          message "Audit {audit.id} was carried out by {people[audit.auditor].name}, who owns one of the audited processes."
        end
        """#

    /// A rule with every required item, around a requirement.
    static func rule(_ requirement: String, id: String = "R1") -> String {
        "rule \(id) title \"T\" standard iso9001 clause 9.2 grade minor require \(requirement) message \"M\" end"
    }
}

/// A compact spelling of an expression tree, for comparing shapes.
func shape(_ expression: Expr) -> String {
    switch expression.kind {
    case .literal(.number(let value)): return value == value.rounded() ? "\(Int(value))" : "\(value)"
    case .literal(.text(let text)): return "\"\(text)\""
    case .literal(.bool(let value)): return "\(value)"
    case .literal(.date(let date)): return "\(date)"
    case .literal(.duration(let amount, let unit)): return "\(amount)\(unit.rawValue)"
    case .duration(let amount, let unit): return "(\(unit.rawValue) \(shape(amount)))"
    case .list(let items): return "[" + items.map(shape).joined(separator: " ") + "]"
    case .name(let name): return name
    case .member(let base, let field): return "(. \(shape(base)) \(field))"
    case .lookup(let base, let key): return "([] \(shape(base)) \(shape(key)))"
    case .call(let name, let arguments): return "(\(name) " + arguments.map(shape).joined(separator: " ") + ")"
    case .unary(let op, let operand): return "(\(op.rawValue) \(shape(operand)))"
    case .binary(let op, let left, let right): return "(\(op.rawValue) \(shape(left)) \(shape(right)))"
    case .test(let subject, let test, let negated): return "(is\(negated ? "-not" : "") \(test) \(shape(subject)))"
    case .membership(let item, let list, let negated):
        return "(\(negated ? "not-in" : "in") \(shape(item)) \(shape(list)))"
    case .within(let date, let duration): return "(within \(shape(date)) \(shape(duration)))"
    case .uniqueIn(let value, let collection): return "(unique \(shape(value)) \(shape(collection)))"
    case .quantifier(let quantifier, let variable, let source, let condition):
        return "(\(quantifier.rawValue) \(variable) \(shape(source)) \(shape(condition)))"
    case .filter(let variable, let source, let condition):
        return "(filter \(variable) \(shape(source)) \(shape(condition)))"
    }
}

@Suite struct RuleParserTests {
    private func parse(_ source: String) throws(RuleDiagnostic) -> RuleFile {
        try RuleParser.parse(source: source, path: "r.rules", fileIndex: 1)
    }

    private func requirement(_ text: String) throws -> String {
        shape(try parse(RuleSamples.rule(text)).rules[0].requirement)
    }

    @Test func specificationExample() throws {
        let file = try parse(RuleSamples.specification)
        #expect(file.version == 1)
        #expect(
            file.parameters == [
                ParameterDeclaration(
                    name: "audit_interval_months", defaultValue: .number(12),
                    description: "How recent the last internal audit must be",
                    location: SourceLocation(file: 1, line: 4, column: 1))
            ])
        #expect(file.clauses.map(\.clause) == ["9.2.1"])
        #expect(file.clauses[0].title == "Internal audits at planned intervals")
        #expect(file.rules.map(\.id) == ["Q44-internal-audit-done", "Q46-auditor-independence"])

        let q44 = file.rules[0]
        #expect(q44.location == SourceLocation(file: 1, line: 8, column: 6))
        #expect(q44.stages == [.initial, .certification])
        #expect(q44.grade == .major)
        #expect(
            q44.guidance == "Certification needs at least one complete internal audit before stage 2.\n"
                + "Plan and carry out an audit of every process, record its scope, criteria and results.")
        #expect(
            shape(q44.requirement) == "(>= (count (filter a internal_audits "
                + "(within (. a conducted_on) (months audit_interval_months)))) 1)")

        let q46 = file.rules[1]
        #expect(q46.scope?.variable == "audit")
        #expect(q46.scope.map { shape($0.source) } == "internal_audits")
        #expect(q46.filter.map(shape) == "(is present (. audit auditor))")
        #expect(
            shape(q46.requirement)
                == "(no p (. audit processes) (= (. ([] processes p) owner) (. audit auditor)))")
        #expect(q46.requirement.location == SourceLocation(file: 1, line: 29, column: 11))
    }

    @Test func messagePlaceholdersKeepTheirPlace() throws {
        let file = try parse(RuleSamples.specification)
        let parts = file.rules[0].message.parts
        #expect(parts.count == 5)
        #expect(parts[0] == .text("No internal audit was carried out in the "))
        guard case .placeholder(let first) = parts[1], case .placeholder(let second) = parts[3] else {
            Issue.record("expected placeholders")
            return
        }
        #expect(first == Expr(.name("audit_interval_months"), at: SourceLocation(file: 1, line: 19, column: 54)))
        #expect(second.location == SourceLocation(file: 1, line: 19, column: 92))
        guard case .placeholder(let lookup) = file.rules[1].message.parts[3] else {
            Issue.record("expected a placeholder")
            return
        }
        #expect(shape(lookup) == "(. ([] people (. audit auditor)) name)")
        #expect(lookup.location == SourceLocation(file: 1, line: 30, column: 49))
    }

    @Test func bracesAndMultiLinePlaceholders() throws {
        let source =
            "rule R title \"T\" standard iso9001 clause 9.2 grade minor require true\n"
            + "message \"\"\"\n  {{x}} costs {\n  n + 1} \\\"{lower(\"A\")}\\\"\n\"\"\" end"
        let parts = try parse(source).rules[0].message.parts
        #expect(parts.count == 5)
        #expect(parts[0] == .text("{x}} costs ".replacingOccurrences(of: "}}", with: "}")))
        guard case .placeholder(let sum) = parts[1], case .placeholder(let call) = parts[3] else {
            Issue.record("expected placeholders")
            return
        }
        #expect(shape(sum) == "(+ n 1)")
        #expect(sum.location == SourceLocation(file: 1, line: 4, column: 3))
        #expect(shape(call) == "(lower \"A\")")
        #expect(call.location == SourceLocation(file: 1, line: 4, column: 13))
    }

    @Test(arguments: [
        ("a or b and not c = 1 + 2 * -3", "(or a (and b (not (= c (+ 1 (* 2 (- 3)))))))"),
        ("x not in [\"a\", \"b\"]", "(not-in x [\"a\" \"b\"])"),
        ("not x in l", "(not (in x l))"),
        ("due_on before audit_date - 30 days", "(before due_on (- audit_date 30days))"),
        ("d within ack_days days", "(within d (days ack_days))"),
        ("d within 1 year", "(within d 1years)"),
        ("c.owner.name is not empty", "(is-not empty (. (. c owner) name))"),
        ("x is a date and y is not a number", "(and (is date x) (is-not number y))"),
        ("c.id is unique in complaints", "(unique (. c id) complaints)"),
        ("c.id is not unique in complaints", "(not (unique (. c id) complaints))"),
        (
            "every r in reviews satisfies r.held_on is present or false",
            "(every r reviews (or (is present (. r held_on)) false))"
        ),
        ("share(c in complaints where c.open) >= 0.95", "(>= (share (filter c complaints (. c open))) 0.95)"),
        ("first_present(x in l, y)", "(first_present (in x l) y)"),
        ("document.version = nc.clause", "(= (. document version) (. nc clause))"),
        ("(a + b) * c / 2 - 1", "(- (/ (* (+ a b) c) 2) 1)"),
        ("x >= 2026-03-01 and x is true", "(and (>= x 2026-03-01) (is true x))"),
        ("count([]) = 0", "(= (count []) 0)")
    ])
    func expressions(source: String, expected: String) throws {
        #expect(try requirement(source) == expected)
    }

    /// An expression is written back (as a message argument's name in reports) as it reads in a
    /// rule file: a text's quotes and backslashes escaped, any other character as it is.
    @Test func textsAreWrittenBackWithTheirEscapes() throws {
        let source = #"c.note = "say \"hi\" \\ here, é" or lower(c.x) = "plain""#
        let written = try parse(RuleSamples.rule(source)).rules[0].requirement.canonicalText
        #expect(written == source)
        #expect(try shape(parse(RuleSamples.rule(written)).rules[0].requirement) == requirement(source))
    }

    @Test func ruleItems() throws {
        let source = """
            clause iso10002 8.5.1 f "Lettered item" verify on site "Check the board"
            param limit = -2.5
            param window = 30 days
            rule Q4.4_b-x
              grade minor when a = 1
              grade opportunity
              grade major when b
              clause 8.5.1 f
              standard iso10002
              stages initial
              require true message "M" title "T"
            end
            rule 9.2-R title "T" standard iso9001 clause 10 grade minor require true message "M" stages both end
            """
        let file = try parse(source)
        #expect(
            file.clauses == [
                ClauseDeclaration(
                    standard: .iso10002, clause: "8.5.1 f", title: "Lettered item",
                    onSite: "Check the board",
                    location: SourceLocation(file: 1, line: 1, column: 1))
            ])
        #expect(file.parameters.map(\.defaultValue) == [.number(-2.5), .duration(30, .days)])
        let rule = file.rules[0]
        #expect(rule.id == "Q4.4_b-x")
        #expect(rule.clause == "8.5.1 f")
        #expect(rule.standard == .iso10002)
        #expect(rule.stages == [.initial])
        #expect(rule.grade == .opportunity)
        #expect(rule.conditionalGrades.map(\.grade) == [.minor, .major])
        #expect(rule.conditionalGrades.map { shape($0.condition) } == ["(= a 1)", "b"])
        #expect(file.rules[1].id == "9.2-R")
        #expect(file.rules[1].clause == "10")
        #expect(file.rules[1].stages == Stage.initialAudit)
    }

    private static let head: String = "rule Q44 title \"T\" standard iso9001 clause 9.2 grade minor"

    private static let errorCases: [(String, String)] = [
        ("version 2", "1:9: this file needs rule language version 2; this auditready understands version 1"),
        ("\n\nrule Q44 title \"T\"", "3:19: expected 'end' to close rule 'Q44' (opened at line 3), found end of file"),
        ("rule Q44 title \"T\"\nrule Q45", "2:1: expected 'end' to close rule 'Q44' (opened at line 1), found 'rule'"),
        (RuleSamples.rule("a + )"), "1:71: expected a value after '+', found ')'"),
        (RuleSamples.rule("count(a,)"), "1:75: expected a value after ',', found ')'"),
        ("\(head) requires x", "1:60: unknown rule item 'requires'; did you mean 'require'?"),
        (
            "\(head) frobnicate x",
            "1:60: unknown rule item 'frobnicate'; expected title, standard, clause, stages, "
                + "grade, systemic, guidance, for each, let, where, require, message, or 'end' to close rule 'Q44' (opened at line 1)"
        ),
        ("rule Q44 grade majr", "1:16: unknown grade 'majr'; did you mean 'major'?"),
        ("rule Q44 grade big", "1:16: unknown grade 'big'; use major, minor, observation or opportunity"),
        ("rule Q44 title \"T\"\n  title \"U\"", "2:3: the rule already has a title at line 1"),
        ("rule Q44 grade minor grade major", "1:22: the rule already has a grade at line 1"),
        ("rule Q44 where a\nwhere b", "2:1: the rule already has a 'where' at line 1"),
        (
            "rule Q44 stages initial, stage2",
            "1:26: unknown stage 'stage2'; use initial, certification, both, surveillance or recertification"
        ),
        ("rule Q44 stages inital", "1:17: unknown stage 'inital'; did you mean 'initial'?"),
        ("rule Q44 standard iso9000", "1:19: unknown standard 'iso9000'; did you mean 'iso9001'?"),
        ("\n  rule Q44 end", "2:3: rule 'Q44' has no 'title'; add one line saying what must hold"),
        (
            "rule Q44 title \"T\" end",
            "1:1: rule 'Q44' has no 'standard'; add 'standard iso9001' or 'standard iso10002'"
        ),
        (
            "rule Q44 title \"T\" standard iso9001 end",
            "1:1: rule 'Q44' has no 'clause'; add the clause it checks, such as 'clause 9.2.2'"
        ),
        (
            "rule Q44 title \"T\" standard iso9001 clause 9 grade minor when x end",
            "1:1: rule 'Q44' has no 'grade'; add its default grade, such as 'grade minor'"
        ),
        ("\(head) end", "1:1: rule 'Q44' has no 'require'; add the condition that must hold"),
        ("\(head) require x end", "1:1: rule 'Q44' has no 'message'; add the text of the finding it raises"),
        (
            RuleSamples.rule("a < b < c"),
            "1:73: comparisons cannot be chained; join them with 'and', as in 'a < b and b < c'"
        ),
        (
            RuleSamples.rule("a = b is present"),
            "1:73: comparisons cannot be chained; join them with 'and', as in 'a < b and b < c'"
        ),
        (RuleSamples.rule("8.5.1 = x"), "1:67: a number cannot contain two decimal points"),
        (RuleSamples.rule("x is presnt"), "1:72: unknown test 'is presnt'; did you mean 'present'?"),
        (RuleSamples.rule("x is a text"), "1:74: expected 'date' or 'number' after 'is a', found 'text'"),
        (
            RuleSamples.rule("x in [1, 2"),
            "1:78: expected ',' or ']' to close the list opened at line 1, column 72, "
                + "found 'message'"
        ),
        (RuleSamples.rule("(x"), "1:70: expected ')' to close the '(' at line 1, column 67, found 'message'"),
        (RuleSamples.rule("x = 1 day 2"), "1:77: expected 'end' to close rule 'R1' (opened at line 1), found '2'"),
        (RuleSamples.rule("d within 1.5 days"), "1:80: a duration needs a whole number, such as '2 days'"),
        (RuleSamples.rule("every in in l satisfies true"), "1:73: 'in' is a reserved word and cannot name a variable"),
        (
            RuleSamples.rule("every x in l where true"),
            "1:80: expected 'satisfies' after the list in 'every x in …', "
                + "found 'where'"
        ),
        ("param in = 3", "1:7: 'in' is a reserved word and cannot name a parameter"),
        ("param x 3", "1:9: expected '=' after the parameter name 'x', found '3'"),
        ("param x = y", "1:11: expected a value such as 12, 30 days, \"text\", 2026-01-01 or true, found 'y'"),
        (
            "rul Q1",
            "1:1: expected 'rule', 'clause', 'param', 'term', 'define' or 'version', found 'rul'; did you mean 'rule'?"
        ),
        (
            "rule Q44/x",
            "1:6: invalid rule id 'Q44/x'; use letters, digits, '-', '_' and '.', starting with a letter or digit"
        ),
        ("rule\n  title \"T\"", "2:3: expected a rule id such as Q44-internal-audit after 'rule', found 'title'"),
        ("clause iso9001 x \"T\"", "1:16: expected a clause number such as 9.2.2, found 'x'"),
        (
            "rule Q44 clause 8.5.1 f g",
            "1:25: unknown rule item 'g'; expected title, standard, clause, stages, grade, "
                + "systemic, guidance, for each, let, where, require, message, or 'end' to close rule 'Q44' (opened at line 1)"
        ),
        ("rule Q44 for x in y", "1:14: expected 'each' after 'for', found 'x'"),
        (
            "rule Q44\n  message \"Audit {audit.id\"",
            "2:18: this '{' starts a placeholder that is not closed; "
                + "add '}' after the expression, or write '{{' for a brace"
        ),
        ("rule Q44 message \"a } b\"", "1:21: a single '}' in a message must be written '}}'"),
        (
            "rule Q44 message \"a { } b\"",
            "1:21: empty placeholder '{}'; put an expression inside, such as "
                + "{audit.id}, or write '{{' and '}}' for braces"
        ),
        ("rule Q44 message \"{a +}\"", "1:23: expected a value after '+', found '}'"),
        ("rule Q44 message \"{a b}\"", "1:22: expected '}' to close the placeholder, found 'b'"),
        ("rule Q44 message \"{a @ b}\"", "1:22: unexpected character '@'"),
        // Placeholders found on bytes: columns still count characters (an accent written as a
        // combining mark is one), and a plural's error stands at its bar.
        ("rule Q44 message \"Réclamation re\u{301}çue « {a +} »\"", "1:43: expected a value after '+', found '}'"),
        ("rule Q44 message \"Délai e\u{301} } x\"", "1:27: a single '}' in a message must be written '}}'"),
        ("rule Q44 message \"Délai\u{A0}: {a.b} et {c @ d}\"", "1:39: unexpected character '@'"),
        (
            "rule Q44 message \"Délai dépassé de {n | jour}\"",
            "1:39: write a number with its word as {N | singular | plural}, such as "
                + "{count(complaints) | complaint | complaints}"
        ),
        ("rule Q44 require x = 2026-02-30", "1:22: 2026-02-30 is not a valid date"),
        (RuleSamples.rule("x is unique complaints"), "1:79: expected 'in' after 'is unique', found 'complaints'"),
        (RuleSamples.rule("count(a b) > 0"), "1:75: expected ',' or ')' in the call of 'count', found 'b'"),
        (RuleSamples.rule("people[x = 1"), "1:80: expected ']' to close the '[' at line 1, column 73, found 'message'"),
        (RuleSamples.rule("x. = 1"), "1:70: expected a field name after '.', found '='"),
        ("rule Q44 for each c complaints", "1:21: expected 'in' after 'for each c', found 'complaints'"),
        ("clause iso9001 9.2 \"T\" verify site \"x\"", "1:31: expected 'on site' after 'verify', found 'site'")
    ]

    @Test(arguments: errorCases)
    func errors(source: String, expected: String) {
        #expect(throws: RuleDiagnostic.self) { try parse(source) }
        do {
            _ = try parse(source)
        } catch {
            #expect("\(error.line):\(error.column): \(error.message)" == expected)
            #expect(error.file == "r.rules")
        }
    }
}
