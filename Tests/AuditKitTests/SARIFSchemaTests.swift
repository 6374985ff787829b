import Foundation
import Testing
@testable import AuditKit

/// The SARIF output validates against the official SARIF 2.1.0 schema (python3 `jsonschema`).
@Suite struct SARIFSchemaTests {
    /// `../shared/schemas/sarif-schema-2.1.0.json` beside the repository.
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json").path

    static let validatorAvailable: Bool = {
        guard FileManager.default.fileExists(atPath: schema) else { return false }
        return (try? run(["-c", "import jsonschema"]).status) == 0
    }()

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(
        .enabled(
            if: validatorAvailable,
            "skipped: python3 with the jsonschema module, or ../shared/schemas/sarif-schema-2.1.0.json, is missing"),
        arguments: ["fixture", "hostile", "workbook", "no-findings"])
    func sarifValidatesAgainstTheOfficialSchema(_ which: String) throws {
        let report: AuditReport
        switch which {
        case "fixture": report = ReportFixtures.report()
        case "hostile": report = ReportFixtures.hostileReport()
        case "workbook":
            // Findings on cells of a workbook's sheets, and export notes about its cells.
            report = try AuditEngine.run(
                rules: BundledGradingTests.rules.get(),
                records: RecordLoader.load(path: WorkbookFixture.path("contract-layout.xlsx")),
                options: AuditOptions(asOf: ReportFixtures.auditDate))
            #expect(report.findings.contains { $0.location.cell != nil })
        default:
            report = AuditReport(
                asOf: ReportFixtures.auditDate, stage: .certification, standards: [.iso9001], inputs: [],
                rules: .init(fingerprint: "0", evaluated: 0), clauses: [], findings: [], ruleResults: [])
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sarif-\(UUID().uuidString).sarif")
        try Data(SARIFReportRenderer().render(report).utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            instance = json.load(open(sys.argv[2]))
            validator = jsonschema.validators.validator_for(schema)(schema)
            errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.path))
            for e in errors: print(list(e.path), e.message)
            sys.exit(1 if errors else 0)
            """
        let outcome = try Self.run(["-c", script, Self.schema, file.path])
        #expect(outcome.status == 0, "SARIF is not valid:\n\(outcome.output)")
    }
}
