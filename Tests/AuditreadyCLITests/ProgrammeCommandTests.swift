import Foundation
import Testing

/// `auditready programme` as a user runs it.
@Suite struct ProgrammeCommandTests {
    @Test func writesTheProgrammeInEveryFormat() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for format in ["markdown", "html", "json", "csv", "ics"] {
            let outcome = try CommandRunner.run(
                [
                    "programme", "--certified-on", "2026-03-15", "--employees", "45",
                    "--format", format, "--output", "programme.\(format)"
                ], in: directory)
            #expect(outcome.status == 0 && outcome.stderr.isEmpty, "\(format): \(outcome.stderr)")
        }
        let markdown = try String(contentsOf: directory.appendingPathComponent("programme.markdown"), encoding: .utf8)
        #expect(
            markdown.contains(
                "| Surveillance audit 1 | no later than 12 months after the certification decision (17021-1 9.6.2.2) | 2026-12-15 | 2027-03-15 | 2027-02-15 | 1.5 | 1 |"
            ))
        // Same arguments, same bytes (no clock anywhere).
        let again = try CommandRunner.run([
            "programme", "--certified-on", "2026-03-15", "--employees", "45", "--format", "ics"
        ])
        let written = try Data(contentsOf: directory.appendingPathComponent("programme.ics"))
        #expect(Data(again.stdout.utf8) == written)
    }

    @Test func frenchAndParametersFromTheCommandLine() throws {
        let outcome = try CommandRunner.run([
            "programme", "--certified-on", "2026-03-15", "--employees", "150",
            "--standard", "iso9001", "--standard", "iso10002", "--not-applicable", "8.3",
            "--param", "complexity=-40", "--lang", "fr"
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(
            outcome.stdout.contains(
                "La réduction demandée (40\u{00A0}%) dépasse le plafond de 30\u{00A0}% fixé par l'IAF MD 5"))
        #expect(outcome.stdout.contains("Déclarés non applicables**\u{00A0}: 8.3"))
        #expect(!outcome.stdout.contains("8.3.1"))
    }

    @Test(arguments: [
        (["--certified-on", "2026-02-30"], "--certified-on \"2026-02-30\" is not a real calendar date"),
        (["--certified-on", "15/03/2026"], "is not a real calendar date"),
        (
            ["--certified-on", "2026-03-15", "--employees", "-5"],
            "--employees must be a whole number of people, at least 1 (got -5)"
        ),
        (["--certified-on", "2026-03-15", "--employees", "0"], "at least 1 (got 0)"),
        (["--certified-on", "2026-03-15", "--stage2-end", "2026-04-01"], "is after the certification decision"),
        (["--certified-on", "2026-03-15", "--param", "margin=2"], "unknown programme parameter \"margin\""),
        (["--certified-on", "2026-03-15", "--param", "stage1_share=80"], "out of range"),
        (["--certified-on", "2026-03-15", "--not-applicable", "11.1"], "names no clause of the loaded rules")
    ])
    func unusableArgumentsExitWith2AndOneLine(_ arguments: [String], _ message: String) throws {
        let outcome = try CommandRunner.run(["programme"] + arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").count == 1, "\(outcome.stderr)")
    }
}
