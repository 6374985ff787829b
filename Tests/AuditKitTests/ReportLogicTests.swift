import Testing
@testable import AuditKit

/// The conclusions the library draws from findings: readiness, recommendation, corrective action
/// plan, principles and complaint indicators.
@Suite struct ReportLogicTests {
    static func finding(_ grade: Grade, clause: String = "9.2.1", rule: String = "R") -> Finding {
        Finding(
            rule: rule, standard: .iso9001, clause: clause, grade: grade, record: nil, message: "m",
            location: .init(file: nil, line: nil))
    }

    @Test func recommendationFollowsTheWorstGrade() {
        #expect(Recommendation(findings: []) == .recommend)
        #expect(Recommendation(findings: [Self.finding(.observation), Self.finding(.opportunity)]) == .recommend)
        #expect(
            Recommendation(findings: [Self.finding(.minor), Self.finding(.observation)]) == .recommendOncePlanAccepted)
        #expect(Recommendation(findings: [Self.finding(.minor), Self.finding(.major)]) == .notRecommended)
    }

    @Test func correctiveActionsAreDueByGrade() {
        let plan = CorrectiveActionPlan.build(
            findings: [Self.finding(.major), Self.finding(.minor), Self.finding(.observation)],
            auditDate: ReportFixtures.auditDate)
        #expect(plan.map(\.dueOn) == ["2026-12-15", "2027-02-13"])
        #expect(plan.allSatisfy { $0.correction.isEmpty && $0.rootCause.isEmpty && $0.owner.isEmpty })
    }

    @Test func stage2VerdictBlocksOnMajors() {
        let clauses = ReportFixtures.clauses
        let notReady = Readiness(stage: .initial, clauses: clauses, findings: [Self.finding(.major, rule: "Q44")])
        #expect(notReady.stage2 == .notReady)
        #expect(notReady.blocking == ["Q44"])
        #expect(
            Readiness(stage: .initial, clauses: clauses, findings: [Self.finding(.minor)]).stage2 == .readyWithConcerns)
        #expect(Readiness(stage: .initial, clauses: clauses, findings: []).stage2 == .ready)
        #expect(Readiness(stage: .certification, clauses: clauses, findings: []).stage2 == nil)
    }

    @Test func readinessCountsAssessedClausesPerSection() {
        let readiness = Readiness(stage: .initial, clauses: ReportFixtures.clauses, findings: [])
        let nine = readiness.sections.first { $0.standard == .iso9001 && $0.section == "9" }
        #expect(nine?.conforming == 1 && nine?.gaps == 2 && nine?.percent == 33)
        #expect(readiness.overallPercent == 40)
    }

    @Test func stageDecidesWhichConclusionsTheReportCarries() {
        let initial = ReportFixtures.report(stage: .initial)
        #expect(
            initial.recommendation == nil && initial.correctiveActionPlan == nil
                && initial.readiness.stage2 == .notReady)
        let certification = ReportFixtures.report()
        #expect(certification.recommendation == .notRecommended)
        #expect(certification.correctiveActionPlan?.count == 2)
    }

    @Test func principlesAreMappedFromClauses() {
        let standings = ReportFixtures.report().principles
        #expect(standings.count == 7)
        let evidence = standings.first { $0.principle == .evidenceBasedDecisionMaking }
        #expect(evidence?.level == .weak, "9.2 has a major gap")
        let customer = standings.first { $0.principle == .customerFocus }
        #expect(customer?.gaps == 1, "ISO 10002 7.4 counts for customer focus")
        let people = standings.first { $0.principle == .engagementOfPeople }
        #expect(people?.level == .notAssessed)
    }

    @Test func complaintIndicatorsComeFromTheRecords() throws {
        let records = try EvaluationHarness.records(
            json: """
                {"complaints_handling": {"target_acknowledgement_days": "2", "target_resolution_days": "30"},
                 "complaints": [
                   {"id": "C1", "received_on": "2026-01-10", "acknowledged_on": "2026-01-11", "closed_on": "2026-01-30"},
                   {"id": "C2", "received_on": "2026-03-01", "acknowledged_on": "2026-03-06", "closed_on": "2026-05-01"},
                   {"id": "C3", "received_on": "2026-03-20T10:00:00Z", "acknowledged_on": "2026-03-21"},
                   {"id": "C4", "received_on": "2026-02-30"}]}
                """)
        let indicators = try #require(ComplaintIndicators(records: records))
        #expect(indicators.total == 4)
        #expect(indicators.byMonth.map(\.month) == ["2026-01", "2026-02", "2026-03"])
        #expect(indicators.byMonth.map(\.count) == [1, 0, 2])
        #expect(indicators.acknowledgement.measured == 3)
        #expect(indicators.acknowledgement.withinTarget == 2)
        #expect(indicators.acknowledgement.percentWithinTarget == 66)
        #expect(indicators.acknowledgement.medianDays == 1 && indicators.acknowledgement.maxDays == 5)
        #expect(indicators.resolution.measured == 2 && indicators.resolution.withinTarget == 1)
        #expect(indicators.resolution.pending == 1)
        #expect(ComplaintIndicators(records: try EvaluationHarness.records(json: "{}")) == nil)
    }

    @Test func timingMedianIsTheLowerMiddleOfTheSortedDays() {
        var generator = SystemRandomNumberGenerator()
        let samples: [[Int]] = [
            [], [4], [3, 1], [5, -2, 9, 9], [0, 1_000_000, 7], [-400_000, 400_000, 3, 3],
            (0..<501).map { _ in Int.random(in: -30...400, using: &generator) }
        ]
        for days in samples {
            let timing = ComplaintIndicators.Timing(days: days, pending: 0, targetDays: 7)
            let sorted = days.sorted()
            #expect(timing.medianDays == (sorted.isEmpty ? nil : sorted[(sorted.count - 1) / 2]))
            #expect(timing.maxDays == sorted.last)
            #expect(timing.withinTarget == sorted.filter { $0 <= 7 }.count)
        }
    }
}
