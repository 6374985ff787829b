import Foundation
import Testing

/// `auditready check --format docx`: a Word file, only ever written to a file, identical across runs.
@Suite struct DOCXCLITests {
    static let base = [
        "check", CommandRunner.path("Samples/acme-small/records.xml"), "--as-of", "2026-11-15", "--fail-on", "none"
    ]

    @Test func docxIsNeverWrittenToTheTerminal() throws {
        let outcome = try CommandRunner.run(Self.base + ["--format", "docx"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("--output FILE"), "\(outcome.stderr)")
    }

    @Test(arguments: ["en", "fr"])
    func docxToAFileIsByteIdenticalAcrossRuns(_ language: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        var files: [Data] = []
        for name in ["a.docx", "b.docx"] {
            let path = directory.appendingPathComponent(name).path
            let outcome = try CommandRunner.run(Self.base + ["--format", "docx", "--lang", language, "--output", path])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stdout.isEmpty)
            files.append(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(files[0] == files[1])
        #expect(files[0].starts(with: [0x50, 0x4B, 0x03, 0x04]), "a ZIP file")
        #expect(files[0].count > 5_000)
    }

    @Test func docxWithOtherFormatsInAnOutputDirectory() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let outcome = try CommandRunner.run(
            Self.base + ["--format", "docx", "--format", "html", "--output-dir", directory.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["report.docx", "report.html"])
        let docx = try Data(contentsOf: directory.appendingPathComponent("report.docx"))
        #expect(docx.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    }
}
