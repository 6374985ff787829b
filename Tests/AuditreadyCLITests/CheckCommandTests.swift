import Foundation
import Testing

/// End-to-end tests of `auditready check`: exit codes, outputs, and the guarantees CI relies on.
@Suite struct CheckCommandTests {
    static let json = CommandRunner.path("Samples/acme-small/records.json")
    static let xml = CommandRunner.path("Samples/acme-small/records.xml")

    @Test func sampleRunsWithBundledRulesFromAnyDirectory() throws {
        let outcome = try CommandRunner.run(["check", Self.json, "--as-of", "2026-11-15", "--fail-on", "none"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("certification audit (stage 2) as of 2026-11-15"))
        #expect(outcome.stdout.contains("Summary:"))
        #expect(outcome.stderr.isEmpty)
    }

    @Test func exitCodeFollowsFailOn() throws {
        let report = try Self.jsonReport(["--fail-on", "none"])
        let summary = try #require(report["summary"] as? [String: Int])
        let strict = try CommandRunner.run(["check", Self.json, "--as-of", "2026-11-15", "--fail-on", "observation"])
        let anyFinding = (summary["major"] ?? 0) + (summary["minor"] ?? 0) + (summary["observation"] ?? 0) > 0
        #expect(strict.status == (anyFinding ? 1 : 0))
        let major = try CommandRunner.run(["check", Self.json, "--as-of", "2026-11-15"])
        #expect(major.status == ((summary["major"] ?? 0) > 0 ? 1 : 0))
    }

    @Test func jsonReportHasTheContractShape() throws {
        let report = try Self.jsonReport(["--fail-on", "none"])
        for key in ["tool", "as_of", "stage", "standards", "inputs", "summary", "clauses", "findings"] {
            #expect(report[key] != nil, "missing key \(key)")
        }
        #expect(report["as_of"] as? String == "2026-11-15")
        let inputs = try #require(report["inputs"] as? [[String: Any]])
        #expect((inputs.first?["sha256"] as? String)?.count == 64)
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        for finding in findings {
            for key in ["rule", "standard", "clause", "grade", "record", "message", "location"] {
                #expect(finding.keys.contains(key), "finding without \(key)")
            }
        }
    }

    @Test func identicalInputsGiveByteIdenticalReports() throws {
        let first = try CommandRunner.run([
            "check", Self.xml, "--as-of", "2026-11-15", "--format", "json", "--fail-on", "none"
        ])
        let second = try CommandRunner.run([
            "check", Self.xml, "--as-of", "2026-11-15", "--format", "json", "--fail-on", "none"
        ])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
    }

    @Test func xmlAndJsonSpellingsGiveTheSameFindings() throws {
        func findings(_ file: String) throws -> [String] {
            let outcome = try CommandRunner.run([
                "check", file, "--as-of", "2026-11-15", "--format", "json", "--fail-on", "none"
            ])
            let report = try #require(
                try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
            let findings = try #require(report["findings"] as? [[String: Any]])
            return findings.map { "\($0["rule"]!) \($0["record"]!) \($0["grade"]!) \($0["message"]!)" }.sorted()
        }
        let fromXML = try findings(Self.xml)
        #expect(!fromXML.isEmpty)
        #expect(fromXML == (try findings(Self.json)))
    }

    @Test func outputIsWrittenAtomicallyAndNeverOverAnInput() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let input = directory.appendingPathComponent("records.json")
        try FileManager.default.copyItem(atPath: Self.json, toPath: input.path)
        let before = try Data(contentsOf: input)
        let refused = try CommandRunner.run(["check", input.path, "--as-of", "2026-11-15", "--output", input.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("it is one of the input files"))
        #expect(try Data(contentsOf: input) == before)

        let report = directory.appendingPathComponent("report.json")
        let written = try CommandRunner.run([
            "check", input.path, "--as-of", "2026-11-15", "--format", "json",
            "--output", report.path, "--fail-on", "none"
        ])
        #expect(written.status == 0)
        #expect(written.stdout.isEmpty)
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) is [String: Any])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasSuffix(".tmp")
        }
        #expect(leftovers.isEmpty)
    }

    @Test func unusableInputsExitWithTwoAndAPlainMessage() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let broken = directory.appendingPathComponent("broken.xml")
        try Data("<records>\n  <complaints>\n    <complaint id=\"C1\">\n  </complaints>\n</records>\n".utf8).write(
            to: broken)
        let outcome = try CommandRunner.run(["check", broken.path, "--as-of", "2026-11-15"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("broken.xml:4"))
        #expect(outcome.stdout.isEmpty)

        let missing = try CommandRunner.run(["check", directory.appendingPathComponent("none.json").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.json"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        let badDate = try CommandRunner.run(["check", Self.json, "--as-of", "15/11/2026"])
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("--as-of needs a date written YYYY-MM-DD"))
        let badOption = try CommandRunner.run(["check", Self.json, "--colour"])
        #expect(badOption.status == 2)
        let badParameter = try CommandRunner.run(["check", Self.json, "--as-of", "2026-11-15", "--param", "ack_dayz=3"])
        #expect(badParameter.status == 2)
        #expect(
            badParameter.stderr.contains("no rule file declares a parameter named 'ack_dayz'; did you mean 'ack_days'?")
        )
        let badValue = try CommandRunner.run(["check", Self.json, "--as-of", "2026-11-15", "--param", "ack_days=soon"])
        #expect(badValue.status == 2)
        #expect(badValue.stderr.contains("parameter 'ack_days' needs a number of at least 0, but 'soon' was given"))
    }

    @Test func brokenRuleFilesAreReportedWithFileLineAndColumn() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let rules = directory.appendingPathComponent("bad.rules")
        try Data(
            """
            rule R1
              title "Something"
              standard iso9001
              clause 9.2.1
              grade major
              require cuont(internal_audits) >= 1
              message "None."
            end
            """.utf8
        ).write(to: rules)
        let outcome = try CommandRunner.run(["check", Self.json, "--rules", directory.path, "--as-of", "2026-11-15"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("bad.rules:6:11: error: unknown function 'cuont'"))
        #expect(outcome.stdout.isEmpty)
    }

    static func jsonReport(_ extra: [String]) throws -> [String: Any] {
        let outcome = try CommandRunner.run(["check", json, "--as-of", "2026-11-15", "--format", "json"] + extra)
        return try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    }
}
