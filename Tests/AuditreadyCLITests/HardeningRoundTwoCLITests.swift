import Foundation
import Testing

/// Issue 15, round two, through the built command: standard output that cannot be written, named
/// pipes and other special files as inputs or outputs, outputs over any file the run reads,
/// baseline refresh, messages, control characters on the terminal, far audit dates.
@Suite struct HardeningRoundTwoCLITests {
    static let json = CommandRunner.path("Samples/acme-small/records.json")

    /// Runs the command through `/bin/sh -c SCRIPT` (for redirections), killed after 20 s so a
    /// command that blocks fails the test instead of hanging it.
    static func shell(_ script: String, in directory: URL) throws -> CommandRunner.Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, CommandRunner.executable.path]
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: watchdog)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return CommandRunner.Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// `auditready ARGUMENTS` in `directory`, with a watchdog (arguments are quoted for the shell).
    static func run(_ arguments: [String], in directory: URL, redirect: String = "") throws -> CommandRunner.Outcome {
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(
            separator: " ")
        return try shell("\"$0\" \(quoted) \(redirect)", in: directory)
    }

    static func write(_ text: String, _ name: String, in directory: URL) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    @Test func aStandardOutputThatCannotBeWrittenExitsWithTwo() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var redirects = [">&-"]
        if FileManager.default.fileExists(atPath: "/dev/full") { redirects.append("> /dev/full") }
        for redirect in redirects {
            let check = try Self.run(
                ["check", Self.json, "--as-of", "2026-11-15", "--fail-on", "none"], in: directory, redirect: redirect)
            #expect(check.status == 2, "\(redirect): \(check.stderr)")
            #expect(
                check.stderr.hasPrefix("error: cannot write the report to standard output: "),
                "\(redirect): \(check.stderr)")
            #expect(check.stderr.split(separator: "\n").count == 1, "\(check.stderr)")
            let validate = try Self.run(["validate", Self.json], in: directory, redirect: redirect)
            #expect(validate.status == 2, "\(redirect): \(validate.stderr)")
            #expect(
                validate.stderr.hasPrefix("error: cannot write the results to standard output: "), "\(validate.stderr)")
            // The commands that follow the audit write to standard output the same way.
            let cycle = CommandRunner.path("Samples/acme-small/cycle") + "/"
            let later: [(arguments: [String], what: String)] = [
                (["programme", "--certified-on", "2026-01-10"], "the programme"),
                (
                    [
                        "followup", cycle + "stage2.json", "--responses",
                        CommandRunner.path("Samples/acme-small/responses.yml"),
                        CommandRunner.path("Samples/acme-small/records-corrected.json"), "--as-of", "2027-02-15"
                    ], "the follow-up report"
                ),
                (
                    [
                        "dossier", "--stage1", cycle + "stage1.json", "--stage2", cycle + "stage2.json",
                        "--followup", cycle + "followup.json"
                    ], "the dossier"
                )
            ]
            for (arguments, what) in later {
                let outcome = try Self.run(arguments, in: directory, redirect: redirect)
                #expect(outcome.status == 2, "\(arguments[0]) \(redirect): \(outcome.stderr)")
                #expect(
                    outcome.stderr.contains("error: cannot write \(what) to standard output: "),
                    "\(arguments[0]): \(outcome.stderr)")
                #expect(!outcome.stderr.contains("Fatal error"), "\(arguments[0]): \(outcome.stderr)")
            }
        }
    }

    /// Samples/acme-small/cycle is written by scripts/sample-cycle.sh with the bundled rules: a
    /// change to the rules that is not followed by the script makes the follow-up warn that the
    /// rules differ, which the README's walk-through must not show.
    @Test func theSampleCycleWasWrittenWithTheCurrentRules() throws {
        // Run from the package's folder with the script's relative paths: the report names its inputs as given.
        let cycle = "Samples/acme-small/cycle/"
        let outcome = try CommandRunner.run(
            [
                "followup", cycle + "stage2.json", "--responses", "Samples/acme-small/responses.yml",
                "Samples/acme-small/records-corrected.json", "--as-of", "2027-02-15", "--format", "json"
            ],
            in: CommandRunner.root)
        #expect(outcome.status == 1, "\(outcome.stderr)")
        #expect(
            !outcome.stderr.contains("differ from those of the report"),
            "run scripts/sample-cycle.sh and commit what it writes: \(outcome.stderr)")
        let written = try String(contentsOfFile: CommandRunner.path(cycle + "followup.json"), encoding: .utf8)
        #expect(outcome.stdout == written, "run scripts/sample-cycle.sh and commit what it writes")
    }

    @Test func aNamedPipeIsRefusedWhereverTheRunReadsIt() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(mkfifo(directory.appendingPathComponent("pipe").path, 0o600) == 0)
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("rules"), withIntermediateDirectories: true)
        #expect(mkfifo(directory.appendingPathComponent("rules/pipe.rules").path, 0o600) == 0)
        try Self.write(
            "collections:\n  complaints:\n    file: c.csv\n    fields:\n      id: {column: Id}\n", "mapping.yml",
            in: directory)
        try Self.write("Id\nC1\n", "c.csv", in: directory)
        let check = ["check", Self.json, "--as-of", "2026-11-15"]
        let cases: [(arguments: [String], named: String)] = [
            (["check", "pipe", "--as-of", "2026-11-15"], "pipe"),
            (check + ["--waivers", "pipe"], "pipe"),
            (check + ["--baseline", "pipe"], "pipe"),
            (check + ["--config", "pipe"], "pipe"),
            (check + ["--rules", "rules"], "rules/pipe.rules"),
            (check + ["--rules", "pipe"], "pipe"),
            (["check", "c.csv", "--mapping", "pipe", "--as-of", "2026-11-15"], "pipe"),
            (["map", "--mapping", "mapping.yml", "--output", "out.json", "pipe"], "pipe"),
            (["map", "--mapping", "pipe", "--output", "out.json", "c.csv"], "pipe"),
            (["validate", "pipe"], "pipe"),
            (["diff", "pipe", "pipe"], "pipe"),
            (["waivers", "lint", "pipe"], "pipe")
        ]
        for (arguments, named) in cases {
            let outcome = try Self.run(arguments, in: directory)
            #expect(outcome.status == 2, "\(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.contains("\(named)"), "\(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.contains("is a named pipe, not a regular file"), "\(arguments): \(outcome.stderr)")
            #expect(outcome.stdout.isEmpty, "\(arguments): \(outcome.stdout)")
        }
    }

    @Test func noOutputReplacesAFileTheRunReads() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(
            atPath: Self.json, toPath: directory.appendingPathComponent("records.json").path)
        #expect(
            link(
                directory.appendingPathComponent("records.json").path,
                directory.appendingPathComponent("hard.json").path) == 0)
        try Self.write("waivers: []\n", "waivers.yml", in: directory)
        try Self.write("fail_on: none\n", "settings.yml", in: directory)
        let made = try Self.run(
            ["check", "records.json", "--as-of", "2026-11-15", "--write-baseline", "base.json", "--fail-on", "none"],
            in: directory)
        #expect(made.status == 0, "\(made.stderr)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("rules"), withIntermediateDirectories: true)
        let rule = CommandRunner.path("Rules/iso10002")
        let ruleFile = try #require(
            FileManager.default.enumerator(atPath: rule)?.compactMap { $0 as? String }.first { $0.hasSuffix(".rules") })
        try FileManager.default.copyItem(
            atPath: rule + "/" + ruleFile, toPath: directory.appendingPathComponent("rules/one.rules").path)
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("alias.yml").path,
            withDestinationPath: directory.appendingPathComponent("waivers.yml").path)
        let watched = ["records.json", "waivers.yml", "settings.yml", "base.json", "rules/one.rules"]
        let before = try watched.map { try Data(contentsOf: directory.appendingPathComponent($0)) }
        let run = [
            "check", "hard.json", "--as-of", "2026-11-15", "--waivers", "waivers.yml", "--config", "settings.yml",
            "--baseline", "base.json", "--rules", "rules", "--fail-on", "none"
        ]
        let outputs: [[String]] = [
            ["--output", "waivers.yml"], ["--output", "alias.yml"], ["--output", "settings.yml"],
            ["--output", "base.json"],
            ["--output", "rules/one.rules"], ["--output", "records.json"], ["--write-baseline", "base.json"],
            ["--write-baseline", "alias.yml"], ["--write-baseline", "settings.yml"]
        ]
        for output in outputs {
            let outcome = try Self.run(run + output, in: directory)
            #expect(outcome.status == 2, "\(output): \(outcome.stderr)")
            #expect(outcome.stderr.contains("it is one of the input files"), "\(output): \(outcome.stderr)")
        }
        // --output-dir: report.json there is the baseline the run reads.
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("out"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: directory.appendingPathComponent("base.json"), to: directory.appendingPathComponent("out/report.json"))
        let baselineBefore = try Data(contentsOf: directory.appendingPathComponent("out/report.json"))
        let intoDirectory = try Self.run(
            [
                "check", "records.json", "--as-of", "2026-11-15", "--baseline", "out/report.json",
                "--output-dir", "out", "--format", "json", "--fail-on", "none"
            ], in: directory)
        #expect(intoDirectory.status == 2, "\(intoDirectory.stderr)")
        #expect(try Data(contentsOf: directory.appendingPathComponent("out/report.json")) == baselineBefore)
        // map --output over its mapping, through a hard link.
        try Self.write(
            "collections:\n  complaints:\n    file: c.csv\n    fields:\n      id: {column: Id}\n", "mapping.yml",
            in: directory)
        #expect(
            link(
                directory.appendingPathComponent("mapping.yml").path,
                directory.appendingPathComponent("mapping-link.yml").path) == 0)
        try Self.write("Id\nC1\n", "c.csv", in: directory)
        let map = try Self.run(
            ["map", "--mapping", "mapping.yml", "--output", "mapping-link.yml", "c.csv"], in: directory)
        #expect(map.status == 2, "\(map.stderr)")
        #expect(try watched.map { try Data(contentsOf: directory.appendingPathComponent($0)) } == before)
    }

    @Test func anOutputThatIsNotARegularFileIsRefused() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(mkfifo(directory.appendingPathComponent("pipe").path, 0o600) == 0)
        // No device is used as a target here: were the check to regress, a run as root would
        // replace it (RegularFile's own tests cover devices without writing).
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("pipe-link").path, withDestinationPath: "pipe")
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("dangling").path, withDestinationPath: "nowhere/x")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("folder"), withIntermediateDirectories: true)
        let cases = [
            ("pipe", "a named pipe"), ("pipe-link", "a named pipe"),
            ("folder", "a folder"), ("dangling", "a symbolic link to nothing")
        ]
        for (output, kind) in cases {
            for option in ["--output", "--write-baseline"] {
                let outcome = try Self.run(
                    ["check", Self.json, "--as-of", "2026-11-15", option, output, "--fail-on", "none"], in: directory)
                #expect(outcome.status == 2, "\(option) \(output): \(outcome.stderr)")
                #expect(
                    outcome.stderr
                        == "error: cannot write \(output): this is \(kind), not a regular file; give the path of a file to write\n"
                        || outcome.stderr
                            == "error: cannot write \(output): this is \(kind); give the path of a file to write\n",
                    "\(option) \(output): \(outcome.stderr)")
            }
        }
        var info = stat()
        #expect(lstat(directory.appendingPathComponent("pipe").path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        // A link to a regular file is written through: the file is replaced, the link stays.
        try Self.write("old\n", "target.txt", in: directory)
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("link.txt").path, withDestinationPath: "target.txt")
        let through = try Self.run(
            ["check", Self.json, "--as-of", "2026-11-15", "--output", "link.txt", "--fail-on", "none"], in: directory)
        #expect(through.status == 0, "\(through.stderr)")
        #expect(
            try String(contentsOf: directory.appendingPathComponent("target.txt"), encoding: .utf8).hasPrefix("ISO")
                || (try String(contentsOf: directory.appendingPathComponent("target.txt"), encoding: .utf8)) != "old\n")
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: directory.appendingPathComponent("link.txt").path)
                == "target.txt")
        // --output-dir naming a file says which.
        let file = try Self.run(
            ["check", Self.json, "--as-of", "2026-11-15", "--output-dir", "target.txt", "--format", "json"],
            in: directory)
        #expect(file.status == 2)
        #expect(
            file.stderr
                == "error: cannot write target.txt: this is a regular file, not a folder; give --output-dir the path of a folder\n",
            "\(file.stderr)")
    }

    @Test func refreshingABaselineKeepsWhatIsStillThere() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try Self.run(
            ["check", Self.json, "--as-of", "2026-11-15", "--write-baseline", "b1.json", "--fail-on", "none"],
            in: directory)
        #expect(first.status == 0, "\(first.stderr)")
        // The late acknowledgement is fixed in the next export.
        var text = try String(contentsOfFile: Self.json, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\"acknowledged_on\": \"2026-04-14\"", with: "\"acknowledged_on\": \"2026-04-08\"")
        try Self.write(text, "fixed.json", in: directory)
        let refresh = try Self.run(
            [
                "check", "fixed.json", "--as-of", "2026-11-15", "--baseline", "b1.json", "--write-baseline", "b2.json",
                "--fail-on", "none"
            ], in: directory)
        #expect(refresh.status == 0, "\(refresh.stderr)")
        let fingerprints = { (name: String) throws -> [String] in
            let object =
                try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent(name)))
                as? [String: Any]
            return object?["fingerprints"] as? [String] ?? []
        }
        let old = try fingerprints("b1.json"), refreshed = try fingerprints("b2.json")
        #expect(refreshed.count == old.count - 1, "\(old.count) then \(refreshed.count)")
        #expect(Set(refreshed).isSubset(of: Set(old)))
        let next = try Self.run(
            [
                "check", "fixed.json", "--as-of", "2026-11-15", "--baseline", "b2.json", "--fail-on", "observation",
                "--format", "json"
            ], in: directory)
        #expect(next.status == 0, "the refreshed baseline still knows every finding: \(next.stderr)")
    }

    @Test func validateNeverSaysValidWhenAFileCannotBeRead() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = try Self.run(["validate", "missing.json"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.stdout.isEmpty, "\(missing.stdout)")
        #expect(missing.stderr == "missing.json: error: the file does not exist\n", "\(missing.stderr)")
        let valid = CommandRunner.path("Samples/small-business/records.json")
        let one = try Self.run(["validate", valid], in: directory)
        #expect(one.stdout == "1 file: valid\n")
        let mixed = try Self.run(["validate", valid, "missing.json"], in: directory)
        #expect(mixed.status == 2)
        #expect(!mixed.stdout.contains("valid\n"), "\(mixed.stdout)")
        #expect(mixed.stdout == "1 file checked: no violations; 1 more cannot be read\n", "\(mixed.stdout)")
    }

    @Test func controlCharactersNeverReachTheTerminal() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = "\\u001b[31mred\\u0007\\u0000"
        try Self.write("{\"complaints\": [{\"id\": \"C1\", \"\(key)\": 1, \"\(key)\": 2}]}", "dup.json", in: directory)
        try Self.write(
            "{\"complaints\": [{\"id\": \"C1\", \"\(String(repeating: "k", count: 5000))\": 1, \"\(String(repeating: "k", count: 5000))\": 2}]}",
            "long.json", in: directory)
        try Self.write(
            "{\"complaints\": [{\"id\": \"C1\", \"received_on\": \"\\u001b]0;title\\u0007\"}]}", "value.json",
            in: directory)
        try Self.write(
            "collections:\n  complaints:\n    file: c.csv\n    fields:\n      id: {column: Id}\n", "mapping.yml",
            in: directory)
        try Self.write("Name\u{1B}[2J\nC1\n", "c.csv", in: directory)
        let runs = [
            try Self.run(["check", "dup.json", "--as-of", "2026-11-15"], in: directory),
            try Self.run(["validate", "dup.json"], in: directory),
            try Self.run(["validate", "value.json"], in: directory),
            try Self.run(["check", "long.json", "--as-of", "2026-11-15"], in: directory),
            try Self.run(["check", "c.csv", "--mapping", "mapping.yml", "--as-of", "2026-11-15"], in: directory),
            try Self.run(["check", "\u{1B}[2Jmissing.json", "--as-of", "2026-11-15"], in: directory)
        ]
        for outcome in runs {
            for stream in [outcome.stdout, outcome.stderr] {
                let controls = stream.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }
                #expect(controls.isEmpty, "\(stream.debugDescription)")
                #expect(
                    stream.split(separator: "\n").allSatisfy { $0.count <= 1_100 },
                    "a line longer than 1,100 characters")
            }
        }
        #expect(runs[0].stderr.contains("\\u{1B}[31mred\\u{7}\\u{0}"), "\(runs[0].stderr)")
        #expect(runs[3].stderr.contains("…"), "\(runs[3].stderr)")
    }

    @Test func noMessageSaysErrorTwice() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.write("nothing: here\n", "settings.yml", in: directory)
        try Self.write("{\"a\": ", "cut.json", in: directory)
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try Self.write("rule X\n", "rules/bad.rules", in: directory)
        let runs = [
            try Self.run(["check", "missing.json"], in: directory),
            try Self.run(["check", "cut.json", "--as-of", "2026-11-15"], in: directory),
            try Self.run(["check", Self.json, "--config", "settings.yml"], in: directory),
            try Self.run(["check", Self.json, "--rules", "rules"], in: directory),
            try Self.run(["check", Self.json, "--as-of", "2026-13-01"], in: directory),
            try Self.run(
                ["check", Self.json, "--output", "/no/such/folder/r.txt", "--as-of", "2026-11-15"], in: directory),
            try Self.run(["diff", "cut.json", "cut.json"], in: directory),
            try Self.run(["map", "--mapping", "settings.yml", "--output", "o.json", "c.csv"], in: directory)
        ]
        for outcome in runs {
            #expect(outcome.status == 2, "\(outcome.stderr)")
            for line in outcome.stderr.split(separator: "\n") {
                #expect(line.lowercased().components(separatedBy: "error:").count <= 2, "\(line)")
            }
        }
    }

    @Test func anAuditDateTooFarAheadIsRefused() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let option = try Self.run(["check", Self.json, "--as-of", "9999-12-31"], in: directory)
        #expect(option.status == 2)
        #expect(option.stderr.contains("--as-of 9999-12-31 is too far ahead"), "\(option.stderr)")
        try Self.write("as_of: 9999-12-31\n", "settings.yml", in: directory)
        let config = try Self.run(["check", Self.json, "--config", "settings.yml"], in: directory)
        #expect(config.status == 2)
        #expect(
            config.stderr.hasPrefix("settings.yml:1:8: error: as_of 9999-12-31 is too far ahead"), "\(config.stderr)")
        let latest = try Self.run(
            ["check", Self.json, "--as-of", "9000-12-31", "--format", "json", "--fail-on", "none"], in: directory)
        #expect(latest.status == 0, "\(latest.stderr)")
        #expect(!latest.stdout.contains("\"10000-"))
        let lint = try Self.run(["waivers", "lint", "settings.yml", "--as-of", "9999-12-31"], in: directory)
        #expect(lint.status == 2)
    }

    /// Permission denied is said as such, with the path (skipped as root, who may read anything).
    @Test(.enabled(if: geteuid() != 0)) func anUnreadableInputSaysPermissionDenied() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.write("waivers: []\n", "waivers.yml", in: directory)
        try Self.write("as_of: 2026-11-15\n", "settings.yml", in: directory)
        try Self.write("collections: {}\n", "mapping.yml", in: directory)
        for name in ["waivers.yml", "settings.yml", "mapping.yml"] {
            chmod(directory.appendingPathComponent(name).path, 0)
        }
        let cases: [([String], String)] = [
            (["check", Self.json, "--as-of", "2026-11-15", "--waivers", "waivers.yml"], "waivers.yml"),
            (["check", Self.json, "--config", "settings.yml"], "settings.yml"),
            (["map", "--mapping", "mapping.yml", "--output", "o.json", "c.csv"], "mapping.yml"),
            (["waivers", "lint", "waivers.yml"], "waivers.yml")
        ]
        for (arguments, name) in cases {
            let outcome = try Self.run(arguments, in: directory)
            #expect(outcome.status == 2)
            #expect(
                outcome.stderr == "\(name): error: the file cannot be read: Permission denied\n", "\(outcome.stderr)")
        }
    }
}
