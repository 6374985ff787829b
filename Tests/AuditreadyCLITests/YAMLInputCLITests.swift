import Foundation
import Testing

/// Hostile or wrong YAML files through the built command (issue 15, round two): one line
/// `FILE:LINE:COLUMN: error: …` on standard error, exit 2, nothing on standard output, no report.
@Suite struct YAMLInputCLITests {
    static let json = CommandRunner.path("Samples/acme-small/records.json")

    /// Runs `arguments` in a fresh folder holding `files`, and checks what every unusable-input run must do.
    func refused(
        _ arguments: [String], files: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> String {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = try CommandRunner.run(arguments, in: directory)
        #expect(clock.now - start < .seconds(10), sourceLocation: sourceLocation)
        #expect(outcome.status == 2, "\(outcome.stderr.prefix(500))", sourceLocation: sourceLocation)
        #expect(outcome.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(
            outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr.prefix(500))",
            sourceLocation: sourceLocation)
        #expect(
            outcome.stderr.components(separatedBy: "error:").count == 2, "\(outcome.stderr.prefix(500))",
            sourceLocation: sourceLocation)
        #expect(
            !FileManager.default.fileExists(atPath: directory.appendingPathComponent("report.txt").path),
            sourceLocation: sourceLocation)
        return outcome.stderr
    }

    @Test func anInvalidAsOfInTheConfigurationNamesTheFileAndLine() throws {
        let stderr = try refused(
            ["check", Self.json, "--output", "report.txt"],
            files: ["auditready.yml": "stage: initial\nas_of: 15/11/2026\n"])
        #expect(
            stderr
                == "auditready.yml:2:8: error: as_of needs a date written YYYY-MM-DD, such as 2026-11-15; '15/11/2026' is not one\n"
        )
    }

    @Test func configurationValuesNameTheLineAndColumnOfTheValue() throws {
        let cases = [
            (
                "as_of: 2026-11-15\nstage: final\n",
                "auditready.yml:2:8: error: 'final' is not a stage; use one of initial, certification, surveillance, recertification\n"
            ),
            (
                "as_of: 2026-11-15\nformats: [text, pdf]\noutput_dir: out\n",
                "auditready.yml:2:17: error: 'pdf' is not a report format; use one of text, "
            ),
            (
                "as_of: 2026-11-15\n\nfail_on: never\n",
                "auditready.yml:3:10: error: 'never' is not a grade to fail on; use one of major, minor, observation, none\n"
            ),
            (
                "as_of: 2026-11-15\naudience: boss\n",
                "auditready.yml:2:11: error: 'boss' is not an audience; use one of self, auditor\n"
            ),
            (
                "as_of: 2026-11-15\nstandards: [iso14001]\n",
                "auditready.yml:2:13: error: 'iso14001' is not a standard; use one of iso9001, iso10002\n"
            )
        ]
        for (config, message) in cases {
            let stderr = try refused(["check", Self.json, "--output", "report.txt"], files: ["auditready.yml": config])
            #expect(stderr.hasPrefix(message), "\(stderr)")
        }
    }

    @Test func aFiftyThousandCharacterStageWithEscapesPrintsOneShortLine() throws {
        let stderr = try refused(
            ["check", Self.json, "--output", "report.txt"],
            files: ["auditready.yml": "stage: \"\\e]0;owned\\a" + String(repeating: "x", count: 50_000) + "\"\n"])
        #expect(stderr.utf8.count < 300, "\(stderr.prefix(500))")
        #expect(
            stderr.hasPrefix("auditready.yml:1:8: error: '\\u{1B}]0;owned\\u{7}xxx"),
            "\(stderr.prefix(500))")
        #expect(!stderr.contains("\u{1B}"))
    }

    @Test func yamlSyntaxErrorsInConfigurationAndWaiversAreOneLine() throws {
        let config = try refused(
            ["check", Self.json, "--output", "report.txt"],
            files: ["auditready.yml": "stage: initial\nformats: [text\n"])
        #expect(
            config.hasPrefix(
                "auditready.yml:3:1: error: this is not valid YAML: a list written with [ is not closed with ]"),
            "\(config)")
        let waivers = try refused(
            ["waivers", "lint", "waivers.yml"], files: ["waivers.yml": "waivers:\n  - rule: K07\n   justification: x\n"]
        )
        #expect(waivers.hasPrefix("waivers.yml:3:4: error: this is not valid YAML: "), "\(waivers)")
    }

    @Test func aBillionLaughsInAnyYAMLFileIsRefusedAtOnce() throws {
        var laughs = "  l0: &l0 lol\n"
        for level in 1...9 {
            laughs +=
                "  l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        let anchors = "error: YAML anchors and aliases (&name, *name) are not allowed in a "
        let config = try refused(
            ["check", Self.json, "--output", "report.txt"], files: ["auditready.yml": "params:\n" + laughs])
        #expect(config.hasPrefix("auditready.yml:2:7: " + anchors + "configuration file"), "\(config)")
        let waivers = try refused(
            ["waivers", "lint", "waivers.yml"], files: ["waivers.yml": "waivers:\n- justification:\n" + laughs])
        #expect(waivers.hasPrefix("waivers.yml:3:7: " + anchors + "waivers file"), "\(waivers)")
        let mapping = try refused(
            ["check", Self.json, "--mapping", "m.yml", "--output", "report.txt"],
            files: ["m.yml": "constants:\n" + laughs])
        #expect(mapping.hasPrefix("m.yml:2:7: " + anchors + "mapping file"), "\(mapping)")
        let rules = try String(contentsOfFile: CommandRunner.path("Rules/iso10002/5-framework.rules"), encoding: .utf8)
        let tests = try refused(["test", "."], files: ["5-framework.rules": rules, "k.tests.yml": "tests:\n" + laughs])
        #expect(tests.hasPrefix("./k.tests.yml:2:7: " + anchors + "rule-test file"), "\(tests)")
    }
}
