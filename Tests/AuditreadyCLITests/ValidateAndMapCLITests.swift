import Foundation
import Testing
import AuditKit

/// End-to-end tests of `auditready validate`, `auditready map` and `check --mapping`.
@Suite struct ValidateAndMapCLITests {
    static let mapping = CommandRunner.path("Samples/french-register/mapping.yml")
    static let register = CommandRunner.path("Samples/french-register/reclamations.csv")

    @Test func validSamplesExitZero() throws {
        let outcome = try CommandRunner.run([
            "validate", CommandRunner.path("Samples/small-business/records.json"),
            CommandRunner.path("Samples/small-business/records.xml")
        ])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout == "2 files: valid\n")
    }

    @Test func violationsExitOneWithFileLineColumnAndMessage() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("r.json")
        try Data(
            "{\"complaints\": [\n  {\"id\": \"CMP-1\", \"recieved_on\": \"2026-03-01\", \"safety_related\": \"yes\"}\n]}\n"
                .utf8
        ).write(to: json)
        let xml = directory.appendingPathComponent("r.xml")
        try Data(
            "<records>\n  <complaints>\n    <complaint id=\"CMP-1\">\n      <recieved_on>2026-03-01</recieved_on>\n    </complaint>\n  </complaints>\n</records>\n"
                .utf8
        ).write(to: xml)
        let outcome = try CommandRunner.run(["validate", json.path, xml.path])
        #expect(outcome.status == 1)
        #expect(
            outcome.stdout.contains(
                "\(json.path):2:3: error: unknown field 'recieved_on' in complaints record CMP-1; did you mean 'received_on'?"
            ))
        #expect(
            outcome.stdout.contains(
                "\(json.path):2:3: error: 'safety_related' should be true or false, not 'yes' (complaints record CMP-1)"
            ))
        #expect(
            outcome.stdout.contains(
                "\(xml.path):4:7: error: unknown field 'recieved_on' in complaints record CMP-1; did you mean 'received_on'?"
            ))
        #expect(outcome.stdout.hasSuffix("2 files: 3 violations\n"))
    }

    @Test func unreadableFilesExitTwo() throws {
        let outcome = try CommandRunner.run(["validate", "/nonexistent/records.xml"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("does not exist"))
    }

    @Test func checkListsExportDefectsAsNotesNotFindings() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("r.json")
        try Data(
            "{\"complaints\": [{\"id\": \"CMP-1\", \"received_on\": \"2026-03-01\", \"recieved_on\": \"x\"}]}".utf8
        ).write(to: json)
        let outcome = try CommandRunner.run([
            "check", json.path, "--as-of", "2026-11-15", "--format", "json", "--fail-on", "none"
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try JSONDecoder().decode(AuditReport.self, from: Data(outcome.stdout.utf8))
        #expect(
            report.exportNotes.map(\.message) == [
                "Unknown field 'recieved_on' in complaints record CMP-1; did you mean 'received_on'?"
            ])
        #expect(!report.findings.contains { $0.message.contains("recieved_on") })
        let text = try CommandRunner.run(["check", json.path, "--as-of", "2026-11-15", "--fail-on", "none"])
        #expect(text.stdout.contains("Export quality"))
        #expect(text.stdout.contains("not nonconformities of the quality system"))
    }

    @Test func mapWritesTheContractJSON() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("records.json")
        let outcome = try CommandRunner.run(["map", "--mapping", Self.mapping, "--output", output.path, Self.register])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let written = try String(contentsOf: output, encoding: .utf8)
        let expected = try String(
            contentsOfFile: CommandRunner.path("Samples/french-register/expected-records.json"), encoding: .utf8)
        #expect(written == expected)
        let overwrite = try CommandRunner.run([
            "map", "--mapping", Self.mapping, "--output", Self.register, Self.register
        ])
        #expect(overwrite.status == 2)
    }

    @Test func checkWithAMappingPointsAtSpreadsheetRows() throws {
        let outcome = try CommandRunner.run([
            "check", "--mapping", Self.mapping, Self.register, "--as-of", "2026-11-15",
            "--format", "csv", "--fail-on", "none"
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("reclamations.csv"))
        #expect(outcome.stdout.contains("AR-7.5.3-invalid-date"))
        #expect(outcome.stdout.contains("REC-2026-004"))
    }

    @Test func mappingErrorsExitTwoWithTheirLine() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let mapping = directory.appendingPathComponent("m.yml")
        try Data(
            "collections:\n  complaints:\n    file: reclamations.csv\n    fields:\n      id: N° réclamation\n      priority: Priorite\n"
                .utf8
        ).write(to: mapping)
        let outcome = try CommandRunner.run(["check", "--mapping", mapping.path, Self.register, "--as-of", "2026-11-15"]
        )
        #expect(outcome.status == 2)
        #expect(
            outcome.stderr.contains(
                "m.yml:6:7: error: the column 'Priorite' is not in reclamations.csv; did you mean 'Priorité'?"))
    }
}
