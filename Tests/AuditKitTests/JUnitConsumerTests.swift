import Foundation
import Testing
@testable import AuditKit

/// The JUnit output is read by junitparser (the Python library CI tools and dashboards use) as one
/// test case per rule, with failures where findings were raised.
@Suite struct JUnitConsumerTests {
    static let parserAvailable: Bool = (try? SARIFSchemaTests.run(["-c", "import junitparser"]).status) == 0

    @Test(
        .enabled(if: parserAvailable, "skipped: python3 with the junitparser module is missing"),
        arguments: ["fixture", "hostile"])
    func junitparserReadsOneCasePerRule(_ which: String) throws {
        let report = which == "fixture" ? ReportFixtures.report() : ReportFixtures.hostileReport()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("junit-\(UUID().uuidString).xml")
        try Data(JUnitReportRenderer().render(report).utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import sys
            from junitparser import JUnitXml
            cases = [case for suite in JUnitXml.fromfile(sys.argv[1]) for case in suite]
            print(len(cases), sum(0 if case.is_passed else 1 for case in cases))
            """
        let outcome = try SARIFSchemaTests.run(["-c", script, file.path])
        #expect(outcome.status == 0, "junitparser could not read the report:\n\(outcome.output)")
        let failing = Set(report.findings.map(\.rule)).count
        #expect(outcome.output == "\(report.ruleResults.count) \(failing)\n")
    }
}
