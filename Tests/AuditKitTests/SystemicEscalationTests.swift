import Testing
@testable import AuditKit

/// Several minor nonconformities against one clause become one systemic major (ISO/IEC 17021-1).
@Suite struct SystemicEscalationTests {
    static let rules = """
    rule Q54-root-cause
      title "Each nonconformity has a root cause"
      standard iso9001
      clause 10.2.1
      grade minor
      for each nc in nonconformities
      require nc.root_cause is present
      message "Nonconformity {nc.id} has no root cause."
    end

    rule K16-no-charge
      title "Complaints are free"
      standard iso10002
      clause 4.8
      grade observation
      for each c in complaints
      require c.charge is absent or c.charge = 0
      message "Complaint {c.id} was charged."
    end
    """

    static func json(nonconformities: Int) -> String {
        let items = (1...nonconformities).map { "{\"id\": \"NC-\($0)\"}" }.joined(separator: ",\n")
        let complaints = (1...4).map { "{\"id\": \"C\($0)\", \"charge\": 10}" }.joined(separator: ",\n")
        return "{\"nonconformities\": [\n\(items)\n], \"complaints\": [\n\(complaints)\n]}"
    }

    @Test func twoMinorsStayMinor() throws {
        let report = try EvaluationHarness.report(rules: Self.rules, json: Self.json(nonconformities: 2))
        #expect(report.findings.filter { $0.standard == .iso9001 }.map(\.grade) == [.minor, .minor])
    }

    @Test func threeMinorsOnOneClauseBecomeOneSystemicMajor() throws {
        let report = try EvaluationHarness.report(rules: Self.rules, json: Self.json(nonconformities: 3))
        let iso9001 = report.findings.filter { $0.standard == .iso9001 }
        #expect(iso9001.count == 1)
        let systemic = try #require(iso9001.first)
        #expect(systemic.rule == "AR-systemic")
        #expect(systemic.grade == .major)
        #expect(systemic.clause == "10.2.1")
        #expect(systemic.record == nil)
        #expect(systemic.message == "Clause 10.2.1 is not met on 3 records, which points to a systemic failure rather than isolated lapses: Q54-root-cause on NC-1, NC-2, NC-3.")
        #expect(systemic.evidence.map(\.record) == ["NC-1", "NC-2", "NC-3"])
        #expect(report.summary.major == 1 && report.summary.minor == 0)
    }

    @Test func observationsAreNeverEscalated() throws {
        let report = try EvaluationHarness.report(rules: Self.rules, json: Self.json(nonconformities: 1))
        #expect(report.findings.filter { $0.standard == .iso10002 }.map(\.grade) == Array(repeating: .observation, count: 4))
    }

    @Test func theThresholdIsAParameter() throws {
        let rules = Self.rules + "\nparam systemic_threshold = 3 \"Records failing one clause before it is systemic\"\n"
        let report = try EvaluationHarness.report(rules: rules, json: Self.json(nonconformities: 3),
                                                  parameters: ["systemic_threshold": "4"])
        #expect(report.findings.filter { $0.standard == .iso9001 }.map(\.grade) == [.minor, .minor, .minor])
    }
}
