import Foundation
import Testing
@testable import AuditKit

/// The three-year audit programme: dates, audit time from IAF MD 5, clause coverage.
@Suite struct AuditProgrammeTests {
    static let rules = Result { try RuleSet.load(paths: BundledRuleTests.ruleDirectories) }

    static func date(_ text: String) -> CalendarDate { CalendarDate.parse(text)! }

    static func plan(
        _ certifiedOn: String = "2026-03-15", personnel: Int = 45, sites: Int = 1,
        standards: [Standard] = [.iso9001], notApplicable: [String] = [],
        parameters: [(name: String, value: String)] = []
    ) throws -> AuditProgramme {
        let request = ProgrammeRequest(
            certifiedOn: date(certifiedOn), personnel: personnel, sites: sites, standards: standards,
            notApplicable: notApplicable, parameters: try ProgrammeParameters.parse(parameters))
        return try AuditProgrammePlanner.plan(request, rules: try rules.get())
    }

    // MARK: Coverage

    @Test(arguments: [[Standard.iso9001], [.iso10002], [.iso9001, .iso10002]])
    func everyApplicableClauseIsCoveredWithinTheCycle(_ standards: [Standard]) throws {
        let programme = try Self.plan(standards: standards)
        #expect(programme.applicable.count > 20)
        let surveillance1 = Set(try #require(programme.audit(.surveillance1)).clauses)
        let surveillance2 = Set(try #require(programme.audit(.surveillance2)).clauses)
        // The two surveillances alone cover the whole system; stage 2 and recertification cover it too.
        #expect(surveillance1.union(surveillance2) == Set(programme.applicable))
        #expect(try #require(programme.audit(.stage2)).clauses == programme.applicable)
        #expect(try #require(programme.audit(.recertification)).clauses == programme.applicable)
        // Each surveillance is lighter than a full audit.
        #expect(surveillance1.count < programme.applicable.count && surveillance2.count < programme.applicable.count)
        // Only leaf clauses: 4.4 is audited through 4.4.1 and 4.4.2.
        let numbers = programme.applicable.filter { $0.standard == .iso9001 }.map(\.clause)
        if standards.contains(.iso9001) {
            #expect(!numbers.contains("4.4") && numbers.contains("4.4.1") && numbers.contains("4.4.2"))
        }
    }

    @Test func everySurveillanceCoversWhat17021RequiresAtEverySurveillance() throws {
        let programme = try Self.plan(standards: [.iso9001, .iso10002])
        let mandatory = [
            "9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3", "10.2.1", "10.2.2", "9.1.2", "6.2.1", "6.2.2",
            "9.1.1", "9.1.3", "6.3", "8.5.6", "10.3"
        ]
        for kind in [ProgrammedAudit.Kind.surveillance1, .surveillance2] {
            let audit = try #require(programme.audit(kind))
            let iso9001 = audit.clauses.filter { $0.standard == .iso9001 }.map(\.clause)
            for clause in mandatory { #expect(iso9001.contains(clause), "\(kind) misses ISO 9001 \(clause)") }
            // ISO 10002 claimed: the complaints-handling process itself (clause 7) every time.
            let iso10002 = audit.clauses.filter { $0.standard == .iso10002 }.map(\.clause)
            for clause in (1...9).map({ "7.\($0)" }) + ["8.5", "8.6", "8.7"] {
                #expect(iso10002.contains(clause), "\(kind) misses ISO 10002 \(clause)")
            }
            #expect(
                audit.topics.map(\.id) == [
                    "internal-audit-review", "previous-nonconformities", "complaints", "objectives",
                    "changes", "continual-improvement", "use-of-marks"
                ])
        }
        let markdown = ProgrammeMarkdownRenderer.render(programme, language: .en)
        #expect(
            markdown.contains(
                "- Use of the certification body's marks and references to certification: checked as a note, under no clause of the standards"
            ))
        #expect(markdown.contains("- Internal audits and management review: ISO 9001:2015 9.2.1, ISO 9001:2015 9.2.2"))
    }

    @Test func clausesDeclaredNotApplicableLeaveEveryAudit() throws {
        let programme = try Self.plan(notApplicable: ["8.3"])
        for audit in programme.audits {
            #expect(!audit.clauses.contains { $0.standard == .iso9001 && ClauseNumber.isWithin($0.clause, "8.3") })
        }
        #expect(programme.applicable.count == (try Self.plan()).applicable.count - 6)
        #expect(throws: ProgrammeError.unknownClause("12.4")) { try Self.plan(notApplicable: ["12.4"]) }
    }

    // MARK: Dates

    @Test(arguments: ["2026-03-15", "2024-02-29", "2026-01-31", "2026-12-31", "2027-06-01"])
    func datesKeepTheLimitsOf17021(_ decision: String) throws {
        let programme = try Self.plan(decision)
        let certified = Self.date(decision)
        for audit in programme.audits where audit.isSurveillance || audit.kind == .recertification {
            let earliest = try #require(audit.earliest), latest = try #require(audit.latest)
            let planned = try #require(audit.planned)
            #expect(earliest <= planned && planned <= latest && certified < earliest)
        }
        // Surveillance 1 no later than 12 months after the decision.
        let first = try #require(programme.audit(.surveillance1))
        #expect(try #require(first.latest) <= certified.adding(months: 12))
        #expect(certified.months(to: try #require(first.planned)) < 12)
        // Surveillance 2 in the next calendar year, within 24 months.
        let second = try #require(programme.audit(.surveillance2))
        #expect(try #require(second.planned).components.year == (try #require(first.planned)).components.year + 1)
        #expect(try #require(second.earliest).components.year > (try #require(first.planned)).components.year)
        #expect(try #require(second.latest) <= certified.adding(months: 24))
        // Recertification complete three months before the certificate expires, three years on.
        #expect(programme.expiresOn == certified.adding(months: 36))
        let recertification = try #require(programme.audit(.recertification))
        #expect(try #require(recertification.latest) == programme.expiresOn.adding(months: -3))
    }

    @Test func theRecertificationMarginIsAParameter() throws {
        let programme = try Self.plan(parameters: [("recertification_margin_months", "6"), ("lead_months", "0")])
        let recertification = try #require(programme.audit(.recertification))
        #expect(recertification.latest == Self.date("2028-09-15"))
        #expect(recertification.planned == Self.date("2028-09-15"))
        #expect(recertification.earliest == Self.date("2028-06-15"))
    }

    @Test func initialAuditDatesAreOptionalAndCheckedAgainstTheDecision() throws {
        let rules = try Self.rules.get()
        var request = ProgrammeRequest(certifiedOn: Self.date("2026-03-15"), personnel: 10)
        let undated = try AuditProgrammePlanner.plan(request, rules: rules)
        #expect(undated.audit(.stage2)?.planned == nil)
        #expect(ProgrammeMarkdownRenderer.render(undated, language: .en).contains("completed before the decision"))
        request.stage1End = Self.date("2026-01-20")
        request.stage2End = Self.date("2026-02-12")
        let dated = try AuditProgrammePlanner.plan(request, rules: rules)
        #expect(dated.audit(.stage2)?.planned == Self.date("2026-02-12"))
        #expect(dated.audit(.stage1)?.latest == Self.date("2026-02-12"))
        request.stage2End = Self.date("2026-04-01")
        #expect(throws: ProgrammeError.self) { try AuditProgrammePlanner.plan(request, rules: rules) }
        request.stage2End = Self.date("2026-01-10")
        #expect(throws: ProgrammeError.stage1AfterStage2(stage1: "2026-01-20", stage2: "2026-01-10")) {
            try AuditProgrammePlanner.plan(request, rules: rules)
        }
    }

    // MARK: Audit time (IAF MD 5:2019 Table QMS 1)

    /// Headcount, table time (stage 1 + stage 2), stage 1, stage 2, each surveillance, recertification.
    @Test(arguments: [
        (5, 1.5, 0.5, 1.0, 0.5, 1.0),
        (45, 4.0, 1.0, 3.0, 1.5, 2.5),
        (150, 8.0, 2.5, 5.5, 2.5, 5.5),
        (700, 12.0, 3.5, 8.5, 4.0, 8.0),
        (3000, 17.0, 5.0, 12.0, 5.5, 11.5)
    ])
    func auditTimeFollowsTheMD5Table(_ row: (Int, Double, Double, Double, Double, Double)) throws {
        let programme = try Self.plan(personnel: row.0)
        #expect(programme.tableTime.value == row.1)
        #expect(programme.audit(.stage1)?.auditorDays.value == row.2)
        #expect(programme.audit(.stage2)?.auditorDays.value == row.3)
        #expect(programme.audit(.surveillance1)?.auditorDays.value == row.4)
        #expect(programme.audit(.surveillance2)?.auditorDays.value == row.4)
        #expect(programme.audit(.recertification)?.auditorDays.value == row.5)
    }

    @Test func bandEdgesAndBeyondTheTable() {
        let table = AuditTimeTable.qms
        let cases: [(Int, Double)] = [
            (1, 1.5), (25, 3), (26, 4), (65, 5), (66, 6), (10700, 22), (10701, 23), (12900, 23), (12901, 24)
        ]
        for (people, days) in cases {
            #expect(table.initialAuditTime(personnel: people).value == days, "\(people) people")
        }
        #expect(
            table.bands.count == 23 && !table.isBeyondTable(personnel: 10700) && table.isBeyondTable(personnel: 10701))
    }

    @Test func roundingIsToTheNearestHalfDay() {
        // MD 5 2.2.3: 5.3 days becomes 5.5, 5.2 days becomes 5 (in half days: 10.6 → 11, 10.4 → 10).
        #expect(AuditorDays.rounding(halfDayNumerator: 106, denominator: 10).value == 5.5)
        #expect(AuditorDays.rounding(halfDayNumerator: 104, denominator: 10).value == 5)
        #expect(AuditorDays.rounding(halfDayNumerator: 105, denominator: 10).value == 5.5)
        #expect(AuditorDays(halfDays: 3).formatted(.fr) == "1,5" && AuditorDays(halfDays: 8).formatted(.en) == "4")
    }

    @Test func theComplexityReductionIsCappedAt30Percent() throws {
        // 45 people: 4 days; -10 % → 3.6 → 3.5; -30 % → 2.8 → 3; -40 % is applied as -30 %; +20 % → 4.8 → 5.
        let expected: [(String, Double)] = [("-10", 3.5), ("-30", 3), ("-40", 3), ("-100", 3), ("20", 5)]
        for (complexity, days) in expected {
            let programme = try Self.plan(parameters: [("complexity", complexity)])
            #expect(programme.initialTime.value == days, "complexity \(complexity)")
        }
        let capped = try Self.plan(parameters: [("complexity", "-40")])
        #expect(capped.parameters.reductionCapped && capped.parameters.appliedAdjustment == -30)
        #expect(
            ProgrammeMarkdownRenderer.render(capped, language: .en)
                .contains("The reduction asked for (40%) exceeds the 30% IAF MD 5 allows: 30% was applied."))
        #expect(ProgrammeJSONRenderer.render(capped, language: .en).contains("\"reduction_capped\" : true"))
    }

    @Test func stageOneShareIsAParameter() throws {
        let programme = try Self.plan(personnel: 150, parameters: [("stage1_share", "50")])
        #expect(programme.audit(.stage1)?.auditorDays.value == 4 && programme.audit(.stage2)?.auditorDays.value == 4)
    }

    @Test func multiSiteSamplesFollowMD1() throws {
        // Central function + 2 sites (EA FAQ 46.5): all at the initial audit, 1 at surveillance, 2 at recertification.
        let three = try Self.plan(sites: 3)
        #expect(three.audits.map(\.sitesToVisit) == [3, 3, 2, 2, 3])
        // Central function + 26 sites: √26 = 5.1 → 6; 0.6·√26 = 3.06 → 4; 0.8·√26 = 4.08 → 5.
        let many = try Self.plan(sites: 27)
        #expect(many.audits.map(\.sitesToVisit) == [7, 7, 5, 5, 6])
        #expect(try Self.plan().audits.allSatisfy { $0.sitesToVisit == 1 })
    }

    // MARK: Arguments

    @Test func unusableArgumentsAreRefused() throws {
        #expect(throws: ProgrammeError.personnelNotPositive(-5)) { try Self.plan(personnel: -5) }
        #expect(throws: ProgrammeError.sitesNotPositive(0)) { try Self.plan(sites: 0) }
        #expect(throws: ProgrammeError.self) { try ProgrammeParameters.parse([("complexity", "-0.5")]) }
        #expect(throws: ProgrammeError.self) { try ProgrammeParameters.parse([("stage1_share", "90")]) }
        #expect(throws: ProgrammeError.self) { try ProgrammeParameters.parse([("lead_months", "3")]) }
        let unknown = ProgrammeError.unknownParameter("margin", known: ProgrammeParameters.specifications.map(\.name))
        #expect(throws: unknown) { try ProgrammeParameters.parse([("margin", "3")]) }
        #expect(unknown.errorDescription?.contains("\n") == false)
    }
}
