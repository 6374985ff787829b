import Foundation
import Testing

/// Every command reports an unusable input the same way (issue 19): one line per problem on
/// standard error, each saying `error:` once, with the file, line and column when there is one,
/// and exit status 2.
@Suite struct DiagnosticsCLITests {
    static let json = CommandRunner.path("Samples/acme-small/records.json")

    /// Runs `arguments` in a fresh folder holding `files`.
    func run(_ arguments: [String], files: [String: String] = [:]) throws -> CommandRunner.Outcome {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        return try CommandRunner.run(arguments, in: directory)
    }

    @Test func everyCommandsErrorIsOneLineWithOneErrorLabel() throws {
        let brokenRule = "rule X1\n  clause 4.1\n"
        let cases: [(arguments: [String], files: [String: String], starts: String)] = [
            (["check", "missing.json"], [:], "missing.json: error: "),
            (["check", Self.json, "--waivers", "w.yml"], ["w.yml": "version: 2\nwaivers: []\n"], "w.yml:1:10: error: "),
            (["check", Self.json], ["auditready.yml": "stage: stage2\n"], "auditready.yml:1:8: error: "),
            (["check", Self.json, "--format", "json", "--format", "sarif"], [:], "error: several formats need"),
            (["check", Self.json, "--rules", "."], ["x.rules": brokenRule], "./x.rules:"),
            (["validate", "missing.xml"], [:], "missing.xml: error: "),
            (
                ["map", "--mapping", "m.yml", "--output", "out.json", "r.csv"],
                ["m.yml": "version: 9\n", "r.csv": "a\n"],
                "m.yml:1:10: error: "
            ),
            (["test", "."], ["x.rules": brokenRule], "./x.rules:"),
            (["diff", "old.json", "new.json"], [:], "old.json: error: "),
            (["waivers", "lint", "w.yml"], ["w.yml": "waivers: [\n"], "w.yml:"),
            (["waivers", "lint", "w.yml", "--as-of", "tomorrow"], ["w.yml": "waivers: []\n"], "error: --as-of needs"),
            (
                ["followup", "missing.json", "--responses", "r.yml", "--as-of", "2027-01-15"],
                ["r.yml": "responses: []\n"], "missing.json: error: "
            ),
            (["dossier", "--stage1", "a.json", "--stage2", "b.json"], [:], "a.json: error: "),
            (["programme", "--certified-on", "2026-03-01", "--stage2-end", "2026-13-40"], [:], "error: --stage2-end")
        ]
        for (arguments, files, starts) in cases {
            let outcome = try run(arguments, files: files)
            let lines = outcome.stderr.split(separator: "\n")
            #expect(outcome.status == 2, "\(arguments): \(outcome.stderr)")
            #expect(!lines.isEmpty && outcome.stderr.hasPrefix(starts), "\(arguments): \(outcome.stderr)")
            for line in lines {
                #expect(line.components(separatedBy: "error:").count == 2, "\(arguments): \(line)")
                #expect(!line.contains("Error:"), "\(arguments): \(line)")
            }
        }
    }

    @Test func aBadStageInTheSettingsFileNamesItsLineAndColumnAndWhatWasMeant() throws {
        let outcome = try run(
            ["check", Self.json, "--output", "report.txt"],
            files: ["auditready.yml": "version: 1\nas_of: 2026-11-15\nformats: [text]\nstage:   stage2\n"])
        #expect(outcome.status == 2)
        #expect(
            outcome.stderr
                == "auditready.yml:4:10: error: 'stage2' is not a stage; use one of initial, certification, "
                + "surveillance, recertification; did you mean 'certification'?\n")
    }

    @Test func aWaiversFileOfALaterVersionIsRefusedWithItsPlace() throws {
        let outcome = try run(
            ["waivers", "lint", "waivers.yml"], files: ["waivers.yml": "# exported\nversion: 2\nwaivers: []\n"])
        #expect(outcome.status == 2 && outcome.stdout.isEmpty)
        #expect(
            outcome.stderr
                == "waivers.yml:2:10: error: version 2 of the waivers file is not supported; this auditready reads "
                + "version 1 (the file was written for a later auditready)\n")
    }

    @Test func settingsAndWaiversWithoutAVersionStillWork() throws {
        let waivers =
            "waivers:\n  - rule: K07-acknowledgement-on-time\n    justification: Strike.\n"
            + "    approver: Claire Dupont\n    expires: 2027-01-31\n"
        let outcome = try run(
            ["check", Self.json, "--output", "report.json"],
            files: [
                "auditready.yml": "as_of: 2026-11-15\nformats: [json]\nfail_on: none\nwaivers: waivers.yml\n",
                "waivers.yml": waivers
            ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }
}
