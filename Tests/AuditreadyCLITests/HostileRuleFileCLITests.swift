import Foundation
import Testing

/// Hostile rule files through the built command (docs/robustness.md, "Rule files, round two"):
/// no crash, exit 2, one line with a place, nothing of another file.
@Suite struct HostileRuleFileCLITests {
    static let json = CommandRunner.path("Samples/acme-small/records.json")

    /// A directory holding one rule file with `text`.
    static func rules(_ text: String, name: String = "deep.rules") throws -> URL {
        let directory = try CommandRunner.temporaryDirectory()
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        return directory
    }

    static func rule(_ requirement: String, message: String = "failed") -> String {
        """
        rule T1
          title "test"
          standard iso9001
          clause 9.1.1
          grade observation
          require \(requirement)
          message "\(message)"
        end

        """
    }

    /// 5,000 nested parentheses and a 20,000-term chain used to kill `check` and `rules lint`
    /// with SIGSEGV; they now stop with exit 2 and one line.
    @Test(arguments: [
        (
            String(repeating: "(", count: 5_000) + "true" + String(repeating: ")", count: 5_000), "failed",
            "deep.rules:6:111: error: this expression is nested more than 100 levels deep; split it into smaller conditions"
        ),
        (
            "true" + String(repeating: " and true", count: 20_000), "failed",
            "deep.rules:6:907: error: this expression is too long: more than 100 terms joined by 'and' (nested parts count too); "
                + "split it into smaller conditions"
        ),
        (
            "false", "{" + String(repeating: "not ", count: 50_000) + "true}",
            "deep.rules:7:413: error: this expression is nested more than 100 levels deep; split it into smaller conditions"
        )
    ])
    func aTooDeepRuleStopsCheckAndLint(_ requirement: String, _ message: String, _ expected: String) throws {
        let directory = try Self.rules(Self.rule(requirement, message: message))
        defer { try? FileManager.default.removeItem(at: directory) }
        let check = try CommandRunner.run(["check", Self.json, "--rules", directory.path, "--as-of", "2026-11-15"])
        #expect(check.status == 2)
        #expect(check.stdout.isEmpty)
        #expect(check.stderr == directory.path + "/" + expected + "\n")
        let lint = try CommandRunner.run(["rules", "lint", directory.path])
        #expect(lint.status == 2)
        #expect((lint.stdout + lint.stderr).contains(directory.path + "/" + expected + "\n"))
    }

    /// `ln -s /etc/shadow d/x.rules; auditready rules lint d` printed "found 'root'": the link is
    /// now refused, naming it, and nothing of its target is read.
    @Test func aLinkToAFileOutsideIsRefused() throws {
        let outside = try CommandRunner.temporaryDirectory(), directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: outside); try? FileManager.default.removeItem(at: directory) }
        let secret = outside.appendingPathComponent("shadow")
        try Data("root:$6$hash:19000:0:99999:7:::\n".utf8).write(to: secret)
        let link = directory.appendingPathComponent("x.rules").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: secret.path)
        for arguments in [["rules", "lint", directory.path], ["check", Self.json, "--rules", directory.path]] {
            let outcome = try CommandRunner.run(arguments)
            #expect(outcome.status == 2)
            let output = outcome.stdout + outcome.stderr
            #expect(output.contains(link + ": error: this rule file is a symbolic link"))
            #expect(!output.contains("root") && !output.contains("hash"))
        }
    }

    /// A NUL in a rule file is named, on one line.
    @Test func aNulIsNamedOnOneLine() throws {
        let directory = try Self.rules(Self.rule("true \u{0} true"))
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CommandRunner.run(["check", Self.json, "--rules", directory.path])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == directory.path + "/deep.rules:6:16: error: unexpected character U+0000 (NUL)\n")
    }

    /// `--param systemic_share=-1e30` ran (and `percent` of such values trapped); a value outside
    /// the declared range now stops the run with one line naming the parameter and the range.
    @Test func aParameterOutsideItsRangeStopsTheRun() throws {
        let outcome = try CommandRunner.run([
            "check", Self.json, "--as-of", "2026-11-15", "--param", "systemic_share=-1e30"
        ])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(
            outcome.stderr == "error: parameter 'systemic_share' needs a number from 0 to 1, but '-1e30' was given\n")
    }

    /// `{percent(…)}` of a value far beyond Int's range is written, not a trap (SIGILL).
    @Test func percentOfAHugeValueIsWritten() throws {
        let directory = try Self.rules(Self.rule("false", message: "{percent(999999999999999 * 999999999999999)}"))
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try CommandRunner.run([
            "check", Self.json, "--rules", directory.path, "--as-of", "2026-11-15",
            "--format", "json", "--fail-on", "none"
        ])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("1000000000000%"))
    }
}
