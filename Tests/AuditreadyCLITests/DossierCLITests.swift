import Foundation
import Testing

/// `auditready dossier` end to end on the acme-small sample: the five commands of the
/// certification cycle, every format, exit codes, inconsistencies on one line naming both files.
@Suite struct DossierCLITests {
    static let sample = CommandRunner.path("Samples/acme-small/records.json")
    static let corrected = CommandRunner.path("Samples/acme-small/records-corrected.json")
    static let responses = CommandRunner.path("Samples/acme-small/responses.yml")

    /// A directory with `s1.json`, `s2.json` and `followup.json` of the sample.
    static func withCycle() throws -> URL {
        let directory = try CommandRunner.temporaryDirectory()
        for arguments in [
            [
                "check", sample, "--stage", "initial", "--as-of", "2026-10-15", "--format", "json", "--output",
                "s1.json", "--fail-on", "none"
            ],
            ["check", sample, "--as-of", "2026-11-15", "--format", "json", "--output", "s2.json", "--fail-on", "none"],
            [
                "followup", "s2.json", "--responses", responses, corrected, "--as-of", "2027-02-15", "--format", "json",
                "--output", "followup.json"
            ]
        ] {
            let run = try CommandRunner.run(arguments, in: directory)
            #expect(run.status <= 1, "\(arguments[0]): \(run.stderr)")
        }
        return directory
    }

    @Test func theSampleCycleGivesADossierInEveryFormat() throws {
        let directory = try Self.withCycle()
        let run = try CommandRunner.run(
            [
                "dossier", "--stage1", "s1.json", "--stage2", "s2.json", "--followup", "followup.json",
                "--output-dir", "out", "--format", "markdown", "--format", "html", "--format", "json",
                "--format", "docx"
            ], in: directory)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        for ext in ["md", "html", "json", "docx"] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("out/dossier.\(ext)").path))
        }
        let data = try Data(contentsOf: directory.appendingPathComponent("out/dossier.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((object["recommendation"] as? [String: Any])?["outcome"] as? String == "grant_once_plans_accepted")
        #expect((object["organisation"] as? [String: Any])?["name"] as? String == "Atelier Dupont Mécanique SAS")
        let markdown = try String(contentsOf: directory.appendingPathComponent("out/dossier.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# Certification dossier\\: Atelier Dupont Mécanique SAS"))
        // Identical inputs, identical bytes, DOCX included.
        let again = try CommandRunner.run(
            [
                "dossier", "--stage1", "s1.json", "--stage2", "s2.json", "--followup", "followup.json",
                "--output-dir", "again", "--format", "json", "--format", "docx"
            ], in: directory)
        #expect(again.status == 1)
        for ext in ["json", "docx"] {
            #expect(
                try Data(contentsOf: directory.appendingPathComponent("out/dossier.\(ext)"))
                    == Data(contentsOf: directory.appendingPathComponent("again/dossier.\(ext)")))
        }
    }

    @Test func withoutFollowUpAndInFrench() throws {
        let directory = try Self.withCycle()
        let run = try CommandRunner.run(
            ["dossier", "--stage1", "s1.json", "--stage2", "s2.json", "--lang", "fr"], in: directory)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("# Dossier de certification\u{00A0}\\: Atelier Dupont Mécanique SAS"))
        #expect(run.stdout.contains("aucun suivi fourni"))
    }

    @Test func swappedReportsAreOneLineNamingBothFiles() throws {
        let directory = try Self.withCycle()
        let run = try CommandRunner.run(
            ["dossier", "--stage1", "s2.json", "--stage2", "s1.json", "--output", "d.md"], in: directory)
        #expect(run.status == 2)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("s2.json and s1.json"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("d.md").path))
    }

    @Test func followUpOfAnotherReportIsRefused() throws {
        let directory = try Self.withCycle()
        let other = try CommandRunner.run(
            [
                "check", Self.sample, "--as-of", "2026-11-16", "--format", "json", "--output", "other.json",
                "--fail-on", "none"
            ], in: directory)
        #expect(other.status == 0)
        let run = try CommandRunner.run(
            ["dossier", "--stage1", "s1.json", "--stage2", "other.json", "--followup", "followup.json"],
            in: directory)
        #expect(run.status == 2)
        #expect(run.stderr.contains("followup.json and other.json"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func docxNeedsAFile() throws {
        let directory = try Self.withCycle()
        let run = try CommandRunner.run(
            ["dossier", "--stage1", "s1.json", "--stage2", "s2.json", "--format", "docx"], in: directory)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
    }
}
