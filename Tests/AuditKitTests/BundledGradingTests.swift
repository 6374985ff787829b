import Foundation
import Testing
@testable import AuditKit

/// The bundled checklists graded as a certification auditor would on small crafted exports and on
/// the samples (issue: findings a lead auditor would sign).
@Suite struct BundledGradingTests {
    static let rules = Result { try RuleSet.load(paths: BundledRuleTests.ruleDirectories) }

    static func report(_ json: String, stage: Stage = .certification, standards: Set<Standard>? = nil) throws
        -> AuditReport
    {
        let records = try EvaluationHarness.records(json: json)
        return try AuditEngine.run(
            rules: rules.get(), records: records,
            options: AuditOptions(asOf: EvaluationHarness.auditDate, stage: stage, standards: standards))
    }

    /// 3 of 100 complaints acknowledged a few days late, ISO 10002 claimed: three minors on those
    /// complaints, no major, and certification not held up by them.
    @Test func threeLateAcknowledgementsOutOfAHundredAreThreeMinors() throws {
        let complaints = (1...100).map { number -> String in
            let acknowledged = number <= 3 ? "2026-03-09" : "2026-03-03"
            return """
                {"id": "C\(number)", "received_on": "2026-03-02", "acknowledged_on": "\(acknowledged)", "channel": "email"}
                """
        }.joined(separator: ",\n")
        let json = """
            {"organisation": {"name": "T", "standards": ["ISO 10002:2018"]},
             "complaints_handling": {"target_acknowledgement_days": 2, "channels": ["email"]},
             "complaints": [\(complaints)]}
            """
        let report = try Self.report(json, standards: [.iso10002])
        let late = report.findings.filter { $0.rule == "K07-acknowledgement-on-time" }
        #expect(late.map(\.record) == ["C1", "C2", "C3"])
        #expect(late.allSatisfy { $0.grade == .minor && $0.evidence.isEmpty })
        #expect(!report.findings.contains { $0.clause == "7.4" && $0.grade == .major })
    }

    /// Stage 1 on the early-stage sample: areas of concern with their stage 2 grades, and not ready.
    @Test func stage1OnTheEarlyStageSampleGivesAreasOfConcernAndNotReady() throws {
        let path = BundledRuleTests.repository.appendingPathComponent("Samples/early-stage/records.json").path
        let report = try AuditEngine.run(
            rules: Self.rules.get(), records: RecordLoader.load(path: path),
            options: AuditOptions(asOf: EvaluationHarness.auditDate, stage: .initial))
        #expect(!report.findings.isEmpty)
        #expect(report.findings.allSatisfy { $0.grade == .concern && $0.stage2Grade != nil })
        #expect(report.readiness.stage2 == .notReady)
        let majors = Set(report.findings.filter { $0.stage2Grade == .major }.map(\.rule))
        #expect(majors.isSuperset(of: ["Q44-internal-audit-done", "Q50-management-review-held"]))
        // Readiness-only checks are stage 1 checks: none of them runs at stage 2.
        let stage2 = try AuditEngine.run(
            rules: Self.rules.get(), records: RecordLoader.load(path: path),
            options: AuditOptions(asOf: EvaluationHarness.auditDate))
        #expect(!stage2.ruleResults.contains { $0.id == "Q44-ready-for-stage-2" })
        #expect(!stage2.findings.contains { $0.message.contains("Not ready for stage 2") })
    }

    /// A policy that exists but has no approval record is a minor on that policy, never "no
    /// approved policy was found".
    @Test func anUnapprovedPolicyIsAMinorOnThatPolicy() throws {
        let json = """
            {"policies": [{"id": "POL-Q", "kind": "quality", "title": "Quality policy", "statement": "We meet customer and legal requirements and improve continually.",
                           "communicated_on": "2026-02-01", "published": true, "publication": "intranet"}]}
            """
        let report = try Self.report(json, standards: [.iso9001])
        let policy = report.findings.filter { $0.clause.hasPrefix("5.2") && $0.grade.severity >= Grade.minor.severity }
        #expect(policy.map(\.record) == ["POL-Q"])
        #expect(policy.allSatisfy { $0.grade == .minor })
    }

    /// A scope written briefly is a scope: no major for "CNC machining".
    @Test func aShortScopeIsAScope() throws {
        let report = try Self.report(
            "{\"organisation\": {\"name\": \"T\", \"scope\": \"CNC machining\"}}", standards: [.iso9001])
        #expect(!report.findings.contains { $0.rule == "Q01-scope-stated" })
    }
}
