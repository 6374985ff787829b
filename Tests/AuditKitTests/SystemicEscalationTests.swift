import Testing
import Foundation
@testable import AuditKit

/// Several minor nonconformities against one requirement become one systemic major
/// (ISO/IEC 17021-1), per rule and only when they are both numerous and a real share of what the
/// rule examined (Rules/GRADING.md).
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

        rule Q56-action-owner
          title "Each corrective action has an owner"
          standard iso9001
          clause 10.2.1
          grade minor
          for each nc in nonconformities
          require nc.owner is present
          message "Nonconformity {nc.id} has no owner."
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

        rule K07-acknowledged
          title "Complaints are acknowledged within two days"
          standard iso10002
          clause 7.4
          grade minor
          for each c in complaints
          where c.received_on is present
          require days_between(c.received_on, c.acknowledged_on) <= 2
          message "Complaint {c.id} was acknowledged late."
        end
        """

    /// `failing` nonconformities without a root cause among `total`, each with an owner unless
    /// listed in `ownerless`.
    static func json(failing: Int, total: Int? = nil, ownerless: Set<Int> = []) -> String {
        let items = (1...(total ?? failing)).map { number in
            let cause = number <= failing ? "" : ", \"root_cause\": \"setup\""
            let owner = ownerless.contains(number) ? "" : ", \"owner\": \"P1\""
            return "{\"id\": \"NC-\(number)\"\(cause)\(owner)}"
        }.joined(separator: ",\n")
        let complaints = (1...4).map { "{\"id\": \"C\($0)\", \"charge\": 10}" }.joined(separator: ",\n")
        return "{\"nonconformities\": [\n\(items)\n], \"complaints\": [\n\(complaints)\n]}"
    }

    /// `late` of `total` complaints acknowledged a week after receipt, the others the next day.
    static func complaints(late: Int, total: Int) -> String {
        let items = (1...total).map { number in
            "{\"id\": \"C\(number)\", \"received_on\": \"2026-03-02\", \"acknowledged_on\": \"\(number <= late ? "2026-03-09" : "2026-03-03")\"}"
        }.joined(separator: ",\n")
        return "{\"complaints\": [\n\(items)\n]}"
    }

    @Test func twoMinorsStayMinor() throws {
        let report = try EvaluationHarness.report(rules: Self.rules, json: Self.json(failing: 2))
        #expect(report.findings.filter { $0.standard == .iso9001 }.map(\.grade) == [.minor, .minor])
    }

    @Test func threeFailingOfThreeExaminedBecomeOneSystemicMajorUnderTheRulesOwnID() throws {
        let report = try EvaluationHarness.report(rules: Self.rules, json: Self.json(failing: 3))
        let iso9001 = report.findings.filter { $0.standard == .iso9001 }
        #expect(iso9001.count == 1)
        let systemic = try #require(iso9001.first)
        #expect(systemic.rule == "Q54-root-cause")
        #expect(systemic.grade == .major)
        #expect(systemic.clause == "10.2.1")
        #expect(systemic.record == nil)
        #expect(systemic.message.hasPrefix("The same lapse recurs on 3 of the 3 records examined (100%)"))
        #expect(systemic.evidence.map(\.record) == ["NC-1", "NC-2", "NC-3"])
        #expect(report.summary.major == 1 && report.summary.minor == 0)
        #expect(report.recommendation == .notRecommended)
    }

    /// A rule written `systemic never` keeps its minors, however many records fail.
    @Test func aRuleWrittenSystemicNeverKeepsItsMinors() throws {
        let rules = Self.rules.replacingOccurrences(of: "  grade minor\n", with: "  grade minor\n  systemic never\n")
        #expect(rules.contains("systemic never"))
        let report = try EvaluationHarness.report(rules: rules, json: Self.json(failing: 3))
        let iso9001 = report.findings.filter { $0.standard == .iso9001 }
        #expect(iso9001.map(\.grade) == [.minor, .minor, .minor])
        #expect(iso9001.map(\.record) == ["NC-1", "NC-2", "NC-3"])
        #expect(report.summary.major == 0)
    }

    @Test func systemicTakesOnlyNever() {
        let rules = Self.rules.replacingOccurrences(of: "  grade minor\n", with: "  grade minor\n  systemic always\n")
        #expect {
            _ = try EvaluationHarness.ruleSet(rules)
        } throws: { error in
            "\(error)".contains("expected 'never' after 'systemic'")
        }
    }

    /// 3 late acknowledgements out of 100 complaints are isolated lapses, not a systemic failure.
    @Test func threeLateOfAHundredStayMinorsAndCertificationIsRecommendedOncePlanAccepted() throws {
        let report = try EvaluationHarness.report(
            rules: Self.rules, json: Self.complaints(late: 3, total: 100),
            standards: [.iso10002])
        let late = report.findings.filter { $0.rule == "K07-acknowledged" }
        #expect(late.map(\.grade) == [.minor, .minor, .minor])
        #expect(report.summary.major == 0)
        #expect(report.recommendation == .recommendOncePlanAccepted)
    }

    /// 3 out of 5 is a pattern: the process does not work.
    @Test func threeLateOfFiveAreSystemic() throws {
        let report = try EvaluationHarness.report(
            rules: Self.rules, json: Self.complaints(late: 3, total: 5),
            standards: [.iso10002])
        let late = report.findings.filter { $0.rule == "K07-acknowledged" }
        #expect(late.count == 1 && late.first?.grade == .major && late.first?.evidence.count == 3)
    }

    /// The denominator is the records that passed `where`, not the whole collection.
    @Test func theShareCountsOnlyTheRecordsTheRuleExamined() throws {
        var json = Self.complaints(late: 3, total: 5)
        let unreceived = (6...40).map { ",{\"id\": \"X\($0)\"}" }.joined()
        json = json.replacingOccurrences(of: "\n]}", with: unreceived + "\n]}")
        let report = try EvaluationHarness.report(rules: Self.rules, json: json, standards: [.iso10002])
        #expect(report.findings.filter { $0.rule == "K07-acknowledged" }.map(\.grade) == [.major])
    }

    /// Two unrelated rules of one clause, each failing on two records, are four isolated lapses.
    @Test func unrelatedRulesOfOneClauseAreNeverPooled() throws {
        let report = try EvaluationHarness.report(
            rules: Self.rules, json: Self.json(failing: 2, total: 6, ownerless: [5, 6]))
        let iso9001 = report.findings.filter { $0.standard == .iso9001 }
        #expect(iso9001.count == 4)
        #expect(iso9001.allSatisfy { $0.grade == .minor && $0.evidence.isEmpty })
    }

    @Test func observationsAreNeverEscalated() throws {
        let report = try EvaluationHarness.report(rules: Self.rules, json: Self.json(failing: 1))
        #expect(
            report.findings.filter { $0.rule == "K16-no-charge" }.map(\.grade)
                == Array(repeating: .observation, count: 4))
    }

    @Test func invalidDatesAreNeverEscalated() throws {
        let items = (1...5).map { "{\"id\": \"C\($0)\", \"received_on\": \"2026-02-30\"}" }.joined(separator: ",")
        let report = try EvaluationHarness.report(rules: Self.rules, json: "{\"complaints\": [\(items)]}")
        let dates = report.findings.filter { $0.rule == BuiltinCheck.invalidDate.id }
        #expect(dates.count == 5 && dates.allSatisfy { $0.grade == .minor })
    }

    @Test func theThresholdAndTheShareAreParameters() throws {
        let rules =
            Self.rules + """

                param systemic_threshold = 3 "Records failing one check before it is systemic"
                param systemic_share = 0.2 "Share of the examined records"
                """
        let higherThreshold = try EvaluationHarness.report(
            rules: rules, json: Self.json(failing: 3),
            parameters: ["systemic_threshold": "4"])
        #expect(
            higherThreshold.findings.filter { $0.rule == "Q54-root-cause" }.map(\.grade) == [.minor, .minor, .minor])
        let higherShare = try EvaluationHarness.report(
            rules: rules, json: Self.json(failing: 3, total: 10),
            parameters: ["systemic_share": "0.5"])
        #expect(higherShare.findings.filter { $0.rule == "Q54-root-cause" }.map(\.grade) == [.minor, .minor, .minor])
        let lowerShare = try EvaluationHarness.report(rules: rules, json: Self.json(failing: 3, total: 10))
        #expect(lowerShare.findings.filter { $0.rule == "Q54-root-cause" }.map(\.grade) == [.major])
    }

    @Test func theSystemicMessageReadsInFrench() throws {
        let records = try EvaluationHarness.records(json: Self.json(failing: 3))
        let report = try AuditEngine.run(
            rules: EvaluationHarness.ruleSet(Self.rules), records: records,
            options: AuditOptions(asOf: EvaluationHarness.auditDate, language: .fr))
        let systemic = try #require(report.findings.first { $0.rule == "Q54-root-cause" })
        #expect(
            systemic.message.hasPrefix("Le même écart se répète sur 3 des 3 enregistrements examinés (100\u{00A0}%)"))
    }
}
