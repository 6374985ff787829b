import Foundation
import Testing

@testable import AuditKit

/// Fields an export says it cannot hold (`export.fields_not_exported`, e.g. ERPNext has no root
/// cause): a record is judged on the fields the export holds, and its message says which
/// fields could not be seen, instead of raising a gap the organisation may not have.
@Suite struct ExportedFieldsTests {
    static let rules = """
        clause iso9001 10.2.2 "Nonconformity records" requires "Nonconformities, actions and results are recorded."

        rule Q54-record-complete
          title "Each nonconformity records its root cause and owner"
          title.fr "Chaque non-conformité indique sa cause racine et son responsable"
          standard iso9001
          clause 10.2.2
          stages certification
          grade minor
          guidance "Record the root cause and who acts."
          for each nc in nonconformities
          require nc.root_cause is not empty and nc.owner is present
          message "Nonconformity {nc.id} (root cause: {first_present(nc.root_cause, \\"none\\")}; owner: {first_present(nc.owner, \\"none\\")})."
          message.fr "Non-conformité {nc.id} (cause racine : {first_present(nc.root_cause, \\"aucune\\")} ; responsable : {first_present(nc.owner, \\"aucun\\")})."
        end

        rule Q57-root-causes-counted
          title "Root causes are recorded"
          standard iso9001
          clause 10.2.2
          stages certification
          grade observation
          guidance "Record root causes."
          require count(n in nonconformities where n.root_cause is present) >= 1
          message "No nonconformity records a root cause."
        end
        """

    static func export(declaring fields: [String]) -> String {
        let declared = fields.map { "\"\($0)\"" }.joined(separator: ", ")
        return """
            {"export": {"source_system": "ERPNext", "fields_not_exported": [\(declared)]},
             "nonconformities": [{"id": "NC-1", "owner": "P-1"}, {"id": "NC-2"}]}
            """
    }

    @Test func aFieldTheExportCannotHoldIsNotAGap() throws {
        let report = try EvaluationHarness.report(
            rules: Self.rules, json: Self.export(declaring: ["nonconformities.root_cause"]))
        // NC-1 lacks only the root cause, which the export cannot show: no finding. NC-2 has no
        // owner either, which the export can show: a finding that says what could not be seen.
        let findings = report.findings.filter { $0.rule == "Q54-record-complete" }
        #expect(findings.map(\.record) == ["NC-2"])
        #expect(findings.first?.message == "Nonconformity NC-2 (root cause: not in the export; owner: none).")
        #expect(findings.first?.arguments.contains { $0.type == .notExported } == true)
        // Counting the records that show a root cause is unknown, not zero: no observation either.
        #expect(!report.findings.contains { $0.rule == "Q57-root-causes-counted" })
        // The report names the field for the auditor to verify on site; it is not an export defect.
        #expect(report.fieldsNotExported == ["nonconformities.root_cause"])
        #expect(report.exportNotes.isEmpty)
        #expect(
            TextReportRenderer().render(report).contains(
                "Fields the export says it does not contain (records are judged on the rest; verify on site where these are kept): nonconformities.root_cause."
            ))

        let french = try EvaluationHarness.report(
            rules: Self.rules, json: Self.export(declaring: ["nonconformities.root_cause"]), language: .fr)
        #expect(
            french.findings.first { $0.rule == "Q54-record-complete" }?.message
                == "Non-conformité NC-2 (cause racine : non disponible dans l'export ; responsable : aucun).")
    }

    @Test func withoutTheDeclarationTheAbsentFieldIsTheGap() throws {
        let report = try EvaluationHarness.report(rules: Self.rules, json: Self.export(declaring: []))
        #expect(report.findings.filter { $0.rule == "Q54-record-complete" }.map(\.record) == ["NC-1", "NC-2"])
        #expect(report.findings.contains { $0.message == "Nonconformity NC-1 (root cause: none; owner: P-1)." })
        #expect(report.findings.contains { $0.rule == "Q57-root-causes-counted" })
        #expect(report.exportNotes.isEmpty)
        #expect(report.fieldsNotExported == nil)
    }

    /// A value the export holds after all is judged as usual.
    @Test func aDeclaredFieldThatIsPresentIsStillRead() throws {
        let json = """
            {"export": {"fields_not_exported": ["nonconformities.root_cause"]},
             "nonconformities": [{"id": "NC-1", "owner": "P-1", "root_cause": "setup"}]}
            """
        let report = try EvaluationHarness.report(rules: Self.rules, json: json)
        #expect(report.findings.isEmpty)
    }

    @Test func aMisspeltDeclarationIsAnExportNoteAndNotApplied() throws {
        let report = try EvaluationHarness.report(
            rules: Self.rules, json: Self.export(declaring: ["nonconformities.rootcause", "owner"]))
        #expect(
            report.exportNotes.map(\.message) == [
                "export.fields_not_exported names \"nonconformities.rootcause\", which is not a field of the records contract (write it as collection.field); did you mean 'nonconformities.root_cause'?",
                "export.fields_not_exported names \"owner\", which is not a field of the records contract (write it as collection.field)"
            ])
        #expect(report.findings.filter { $0.rule == "Q54-record-complete" }.count == 2)
        #expect(report.fieldsNotExported == nil)
    }
}
