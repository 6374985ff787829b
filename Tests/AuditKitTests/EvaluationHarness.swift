import Foundation
@testable import AuditKit

/// Evaluates inline rules over inline JSON records, for tests.
enum EvaluationHarness {
    static let auditDate = CalendarDate(year: 2026, month: 11, day: 15)!

    /// Writes `json` to a temporary file and loads it as an export.
    static func records(json: String) throws -> RecordSet {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("harness-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var set = try RecordLoader.load(path: url.path)
        set.inputs[0].path = "records.json"
        return set
    }

    /// Parses and checks `rules` as one file named `test.rules`.
    static func ruleSet(_ rules: String) throws -> RuleSet {
        try RuleSet.parse(sources: [(path: "test.rules", name: "test.rules", text: rules)])
    }

    /// Runs `rules` over `json` and returns the report.
    static func report(
        rules: String, json: String, stage: Stage = .certification,
        standards: Set<Standard>? = nil, parameters: [String: String] = [:],
        asOf: CalendarDate = auditDate, language: Language = .en
    ) throws -> AuditReport {
        try AuditEngine.run(
            rules: ruleSet(rules), records: records(json: json),
            options: AuditOptions(
                asOf: asOf, stage: stage, standards: standards, parameters: parameters, language: language))
    }

    /// The text of a test rule `T1` (grade observation, so systemic escalation never applies).
    static func testRule(_ prelude: String, scope: String = "", requirement: String, message: String = "failed")
        -> String
    {
        """
        \(prelude)
        rule T1
          title "test"
          standard iso9001
          clause 9.1.1
          grade observation
          \(scope)
          require \(requirement)
          message "\(message)"
        end
        """
    }

    /// Wraps a `require` expression over each item of `collection` in a rule and returns the ids of
    /// the failing records (the built-in date check left out).
    static func failing(
        _ requirement: String, over collection: String = "complaints", as variable: String = "c",
        where filter: String? = nil, json: String, prelude: String = "",
        parameters: [String: String] = [:]
    ) throws -> [String] {
        let scope = "for each \(variable) in \(collection)\n  " + (filter.map { "where \($0)" } ?? "")
        return try report(
            rules: testRule(prelude, scope: scope, requirement: requirement), json: json,
            parameters: parameters
        ).findings
            .filter { $0.rule == "T1" }.map { $0.record ?? "-" }
    }

    /// Evaluates an expression for the export as a whole: true when the rule raises no finding.
    static func holds(_ requirement: String, json: String = "{}", prelude: String = "") throws -> Bool {
        try report(rules: testRule(prelude, requirement: requirement), json: json).findings.allSatisfy {
            $0.rule != "T1"
        }
    }

    /// The message of the single finding of a whole-export rule with the given message template.
    static func message(_ template: String, json: String = "{}", prelude: String = "") throws -> String? {
        try report(rules: testRule(prelude, requirement: "false", message: template), json: json)
            .findings.first { $0.rule == "T1" }?.message
    }
}
