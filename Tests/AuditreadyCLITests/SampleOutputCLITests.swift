import Foundation
import Testing

/// `auditready sample` writes its two files as every output is written: to temporary files,
/// renamed into place once whole, so a failed run leaves the folder as it was.
@Suite struct SampleOutputCLITests {
    static func contents(of directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            var isFolder: ObjCBool = false
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else {
                continue
            }
            files[name] = try Data(contentsOf: url)
        }
        return files
    }

    @Test func theFilesAppearWholeAndTheFolderKeepsItsOtherFiles() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("mine".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        try Data("old".utf8).write(to: directory.appendingPathComponent("records.json"))
        let outcome = try CommandRunner.run(["sample", "--complaints", "30", "--output-dir", directory.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let files = try Self.contents(of: directory)
        #expect(
            Set(files.keys) == ["notes.txt", "records.json", "records.xml"],
            "no temporary file left: \(files.keys.sorted())")
        #expect(files["notes.txt"] == Data("mine".utf8))
        // Whole: the JSON parses and the XML ends with its root's end tag.
        #expect(try JSONSerialization.jsonObject(with: try #require(files["records.json"])) is [String: Any])
        #expect(String(decoding: try #require(files["records.xml"]), as: UTF8.self).hasSuffix("</records>\n"))
        let validate = try CommandRunner.run([
            "validate", directory.appendingPathComponent("records.json").path,
            directory.appendingPathComponent("records.xml").path
        ])
        // Both read whole (the sample has deliberate defects, so violations are expected).
        #expect(validate.status != 2 && validate.stdout.contains("2 files: "), "\(validate.stdout) \(validate.stderr)")
    }

    /// The second file cannot be written (a folder has its name): the first one, already being
    /// written to a temporary file, is dropped, and the export that was there stays as it was.
    @Test func aFailedRunLeavesTheFolderAsItWas() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("{\"old\": true}\n".utf8).write(to: directory.appendingPathComponent("records.json"))
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("records.xml"), withIntermediateDirectories: false)
        let before = try Self.contents(of: directory)
        let outcome = try CommandRunner.run(["sample", "--complaints", "30", "--output-dir", directory.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("records.xml: this is a folder, not a regular file"), "\(outcome.stderr)")
        #expect(try Self.contents(of: directory) == before, "records.json untouched, no temporary file left")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(Set(names) == ["records.json", "records.xml"], "\(names)")
    }
}
