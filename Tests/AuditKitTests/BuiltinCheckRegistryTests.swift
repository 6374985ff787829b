import Foundation
import Testing
@testable import AuditKit

/// The one list of built-in checks decides where each check reports and when it takes part.
@Suite struct BuiltinCheckRegistryTests {
    static let badDate = #"{"complaints": [{"id": "C1", "received_on": "2026-02-30"}]}"#

    @Test func everyCheckIsListedOnceWithItsTitlesInBothLanguages() {
        let ids = BuiltinCheck.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.contains(BuiltinCheck.recurringNonconformity.id))
        for check in BuiltinCheck.all {
            #expect(!check.placements.isEmpty)
            #expect(!check.titleFR.isEmpty && check.title(in: .fr) != check.title(in: .en), "\(check.id)")
            #expect(!check.guidanceFR.isEmpty, "\(check.id)")
        }
    }

    @Test func anInvalidDateIsReportedUnderISO10002WhenOnlyThatStandardIsChecked() throws {
        let report = try EvaluationHarness.report(rules: "", json: Self.badDate, standards: [.iso10002])
        let finding = try #require(report.findings.first { $0.rule == BuiltinCheck.invalidDate.id })
        #expect((finding.standard, finding.clause) == (.iso10002, "4.9"))
        let result = try #require(report.ruleResult(BuiltinCheck.invalidDate.id))
        #expect((result.standard, result.clause, result.findings) == (.iso10002, "4.9", 1))
        // The ISO 9001 checks of declarations take no part, and no waiver or previous audit was given.
        #expect(report.ruleResults.map(\.id) == [BuiltinCheck.invalidDate.id])
        #expect(report.clauses.contains { $0.standard == .iso10002 && $0.rules.contains(BuiltinCheck.invalidDate.id) })
    }

    @Test func underISO9001TheDeclarationChecksTakePartAndTheMatrixNamesTheFirst() throws {
        let report = try EvaluationHarness.report(rules: "", json: Self.badDate, standards: [.iso9001])
        let finding = try #require(report.findings.first { $0.rule == BuiltinCheck.invalidDate.id })
        #expect((finding.standard, finding.clause) == (.iso9001, "7.5.3"))
        #expect(
            report.ruleResults.map(\.id).sorted()
                == [
                    BuiltinCheck.notApplicableClause.id, BuiltinCheck.notApplicableJustification.id,
                    BuiltinCheck.invalidDate.id
                ].sorted())
        let named = report.clauses.flatMap(\.rules)
        #expect(named.contains(BuiltinCheck.notApplicableClause.id))
        #expect(!named.contains(BuiltinCheck.notApplicableJustification.id))
    }

    @Test func aCheckServingOneStandardReportsThereWhateverIsChecked() {
        #expect(
            BuiltinCheck.notApplicableClause.placement(checking: [.iso10002])
                == BuiltinCheck.Placement(.iso9001, "4.3"))
        let waiver = BuiltinCheck.invalidWaiver
        #expect(waiver.placement(checking: [.iso10002]) == BuiltinCheck.Placement(.iso10002, "8.7"))
        #expect(waiver.placement(checking: [.iso9001, .iso10002]) == BuiltinCheck.Placement(.iso9001, "10.2.1"))
        #expect(
            BuiltinCheck.recurringNonconformity.placement(checking: [.iso9001, .iso10002])
                == BuiltinCheck.Placement(.iso9001, "10.2"))
        #expect(!waiver.takesPart(checking: [.iso9001], waiversGiven: false, previousAudit: true))
        #expect(waiver.takesPart(checking: [.iso10002], waiversGiven: true, previousAudit: false))
    }
}
