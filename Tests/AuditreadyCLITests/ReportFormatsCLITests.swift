import Foundation
import Testing

/// `auditready check` with several formats, `--output-dir`, `--lang` and `--timestamp`.
@Suite struct ReportFormatsCLITests {
    static let xml = CommandRunner.path("Samples/acme-small/records.xml")
    static let base = ["check", xml, "--as-of", "2026-11-15"]

    @Test func severalFormatsInOneRunWithOutputDir() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let formats = ["text", "markdown", "html", "json", "sarif", "junit", "csv"]
        let outcome = try CommandRunner.run(
            Self.base + formats.flatMap { ["--format", $0] }
                + ["--output-dir", directory.path, "--fail-on", "none"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(
            names == [
                "report.csv", "report.html", "report.json", "report.md", "report.sarif", "report.txt", "report.xml"
            ])
        let json = try Data(contentsOf: directory.appendingPathComponent("report.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        for key in ["language", "readiness", "recommendation", "corrective_action_plan", "principles", "rule_results"] {
            #expect(report[key] != nil, "missing \(key)")
        }
        #expect(report["generated_at"] == nil)
        let html = try String(contentsOf: directory.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func outputDirIsByteIdenticalAcrossRuns() throws {
        func run() throws -> [String: Data] {
            let directory = try CommandRunner.temporaryDirectory()
            let outcome = try CommandRunner.run(
                Self.base + [
                    "--format", "html", "--format", "sarif", "--format", "csv",
                    "--output-dir", directory.path, "--fail-on", "none"
                ])
            #expect(outcome.status == 0)
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
                files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
            }
            return files
        }
        let first = try run()
        #expect(first.count == 3)
        #expect(first == (try run()))
    }

    @Test func timestampOnlyWhenAsked() throws {
        let outcome = try CommandRunner.run(Self.base + ["--format", "json", "--timestamp", "--fail-on", "none"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect((report["generated_at"] as? String)?.contains("T") == true)
    }

    @Test func frenchReport() throws {
        let outcome = try CommandRunner.run(Self.base + ["--lang", "fr", "--format", "markdown", "--fail-on", "none"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Recommandation au comité de certification"))
        #expect(outcome.stdout.contains("Principes de management de la qualité"))
        let text = try CommandRunner.run(Self.base + ["--lang", "fr", "--stage", "initial", "--fail-on", "none"])
        #expect(text.stdout.contains("Aptitude à l'étape 2"))
    }

    @Test func exitCodesAreUnchanged() throws {
        let json = try CommandRunner.run(Self.base + ["--format", "json", "--fail-on", "none"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let majors = (report["summary"] as? [String: Int])?["major"] ?? 0
        let directory = try CommandRunner.temporaryDirectory()
        let multi = try CommandRunner.run(
            Self.base + ["--format", "html", "--format", "csv", "--output-dir", directory.path])
        #expect(multi.status == (majors > 0 ? 1 : 0))
        let noDirectory = try CommandRunner.run(Self.base + ["--format", "html", "--format", "csv"])
        #expect(noDirectory.status == 2)
        #expect(noDirectory.stderr.contains("--output-dir"))
        let both = try CommandRunner.run(
            Self.base + [
                "--output", directory.appendingPathComponent("r.txt").path,
                "--output-dir", directory.path
            ])
        #expect(both.status == 2)
        let badLanguage = try CommandRunner.run(Self.base + ["--lang", "de"])
        #expect(badLanguage.status == 2)
    }

    @Test func lintSaysWhichRulesLackFrench() throws {
        let directory = try CommandRunner.temporaryDirectory()
        try Data(
            """
            rule R1
              title "Complaints have an owner"
              title.fr "Les réclamations ont un responsable"
              standard iso10002
              clause 7.3
              grade observation
              for each complaint in complaints
              require complaint.owner is present
              message "Complaint {complaint.id} has no owner."
            end
            """.utf8
        ).write(to: directory.appendingPathComponent("r.rules"))
        let outcome = try CommandRunner.run(["rules", "lint", directory.path])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("r.rules:1:6: warning: rule 'R1' has no French text for 'message.fr'"))
        #expect(!outcome.stderr.contains("'title.fr'"))
    }
}
