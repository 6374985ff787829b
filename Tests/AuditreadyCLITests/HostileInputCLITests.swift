import Foundation
import Testing

/// Hostile inputs through the built command (issue 3): exit code 2, a `file:line:column: error:`
/// message on standard error, nothing on standard output, no other file's content, no report
/// written, and an existing report left as it was.
@Suite struct HostileInputCLITests {
    static let secret = "TOP-SECRET-CONTENT-4711"
    static let json = CommandRunner.path("Samples/acme-small/records.json")

    /// The hostile exports, written into `directory`: name and content.
    static func fixtures(in directory: URL) throws -> [(name: String, bytes: [UInt8])] {
        let secret = directory.appendingPathComponent("secret.txt")
        try Data(Self.secret.utf8).write(to: secret)
        var laughs = "<!ENTITY l0 \"lol\">"
        for level in 1...9 {
            laughs += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
        }
        let texts: [(String, String)] = [
            (
                "xxe-file.xml",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE records [<!ENTITY x SYSTEM \"file://\(secret.path)\">]>\n<records><a>&x;</a></records>"
            ),
            (
                "xxe-url.xml",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE records [<!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">]>\n<records><a>&x;</a></records>"
            ),
            (
                "xxe-parameter.xml",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE records [<!ENTITY % p SYSTEM \"file://\(secret.path)\"> %p;]>\n<records/>"
            ),
            (
                "external-dtd.xml",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE records SYSTEM \"file://\(secret.path)\">\n<records/>"
            ),
            ("laughs.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE records [\(laughs)]>\n<records><a>&l9;</a></records>"),
            (
                "deep.xml",
                "<records>\n" + String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
                    + "</records>"
            ),
            ("truncated.xml", "<records>\n  <complaints>\n    <complaint id=\"C1\">"),
            (
                "deep.json",
                "{\"a\":\n" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
            ),
            ("truncated.json", "{\"complaints\": [\n  {\"id\": \"C1\""),
            ("escape.json", "{\"a\": \"\\x\"}"),
            ("surrogate.json", "{\"a\": \"\\ud800\"}"),
            ("nan.json", "{\"a\": NaN}"),
            ("duplicate.json", "{\"id\": 1,\n \"id\": 2}"),
            ("array.json", "[{\"complaints\": []}]")
        ]
        var result = texts.map { ($0.0, Array($0.1.utf8)) }
        result.append(("invalid-utf8.xml", Array("<records>\n<a>".utf8) + [0xC3, 0x28] + Array("</a></records>".utf8)))
        result.append(("invalid-utf8.json", Array("{\"a\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)))
        result.append(("binary.xml", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 1) }))
        return result
    }

    @Test func everyHostileExportExitsWithTwoAndAPlace() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("report.txt")
        try Data("previous report\n".utf8).write(to: report)
        for (name, bytes) in try Self.fixtures(in: directory) {
            let path = directory.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let clock = ContinuousClock()
            let start = clock.now
            let outcome = try CommandRunner.run(["check", path, "--as-of", "2026-11-15", "--output", report.path])
            #expect(clock.now - start < .seconds(10), "\(name) took too long")
            #expect(outcome.status == 2, "\(name): \(outcome.stderr)")
            #expect(outcome.stdout.isEmpty, "\(name)")
            #expect(!outcome.stderr.contains(Self.secret), "\(name) leaked another file: \(outcome.stderr)")
            #expect(Self.hasPlace(outcome.stderr, path: path), "\(name): \(outcome.stderr)")
            #expect(outcome.stderr.split(separator: "\n").count == 1, "\(name): \(outcome.stderr)")
            #expect(
                try String(contentsOf: report, encoding: .utf8) == "previous report\n", "\(name) touched the report")
        }
    }

    @Test(arguments: ["empty.xml", "empty.json"])
    func anEmptyExportExitsWithTwo(_ name: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let outcome = try CommandRunner.run(["check", path, "--as-of", "2026-11-15"])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("\(path): error: the file is empty"), "\(outcome.stderr)")
    }

    @Test func aFailedWriteLeavesTheExistingReportIntact() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("report.txt")
        try Data("previous report\n".utf8).write(to: report)
        // Into a folder that does not exist, and below a file (so no folder can be made there).
        for target in [directory.appendingPathComponent("missing/report.txt").path, report.path + "/report.txt"] {
            let outcome = try CommandRunner.run(["check", Self.json, "--as-of", "2026-11-15", "--output", target])
            #expect(outcome.status == 2, "\(target): \(outcome.stderr)")
            #expect(outcome.stdout.isEmpty)
            #expect(outcome.stderr.contains("cannot write \(target)"), "\(outcome.stderr)")
            #expect(try String(contentsOf: report, encoding: .utf8) == "previous report\n")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasSuffix(".tmp")
        }
        #expect(leftovers.isEmpty)
    }

    /// A read-only folder; skipped when running as root, which may write anywhere.
    @Test(.enabled(if: geteuid() != 0)) func aReadOnlyFolderLeavesTheExistingReportIntact() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let locked = directory.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        let report = locked.appendingPathComponent("report.txt")
        try Data("previous report\n".utf8).write(to: report)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path)
            try? FileManager.default.removeItem(at: directory)
        }
        let outcome = try CommandRunner.run(["check", Self.json, "--as-of", "2026-11-15", "--output", report.path])
        #expect(outcome.status == 2)
        #expect(try String(contentsOf: report, encoding: .utf8) == "previous report\n")
    }

    @Test func anOutputThatLeadsToAnInputIsRefused() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("records.json")
        try FileManager.default.copyItem(atPath: Self.json, toPath: input.path)
        let before = try Data(contentsOf: input)
        let link = directory.appendingPathComponent("report.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: input.path)
        let folderLink = directory.appendingPathComponent("here")
        try FileManager.default.createSymbolicLink(atPath: folderLink.path, withDestinationPath: directory.path)
        for output in [
            link.path, folderLink.appendingPathComponent("records.json").path,
            directory.path + "/./sub/../records.json"
        ] {
            let outcome = try CommandRunner.run(
                ["check", input.path, "--as-of", "2026-11-15", "--output", output],
                in: directory)
            #expect(outcome.status == 2, "\(output): \(outcome.stderr)")
            #expect(outcome.stderr.contains("it is one of the input files"), "\(output): \(outcome.stderr)")
            #expect(outcome.stdout.isEmpty)
            #expect(try Data(contentsOf: input) == before)
        }
        // A relative input and an absolute output naming the same file.
        let relative = try CommandRunner.run(
            ["check", "records.json", "--as-of", "2026-11-15", "--output", link.path],
            in: directory)
        #expect(relative.status == 2, "\(relative.stderr)")
        #expect(try Data(contentsOf: input) == before)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == input.path)
    }

    /// True when `stderr` starts with `path:line:column: error:` (line and column at least 1).
    static func hasPlace(_ stderr: String, path: String) -> Bool {
        guard stderr.hasPrefix(path + ":") else { return false }
        let rest = stderr.dropFirst(path.count + 1).split(separator: ":", maxSplits: 2)
        guard rest.count == 3, let line = Int(rest[0]), let column = Int(rest[1]) else { return false }
        return line >= 1 && column >= 1 && rest[2].hasPrefix(" error: ")
    }
}
