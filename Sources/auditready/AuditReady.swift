import ArgumentParser
import AuditKit
import Foundation

/// The `auditready` command: subcommands over the AuditKit library.
@main
struct AuditReady: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auditready",
        abstract: "Check an organisation's records export against ISO 9001 and ISO 10002 clause checklists.",
        discussion: """
        Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; \
        2 unusable input, rule file or command line.
        """,
        version: AuditKit.version,
        subcommands: [Check.self, ValidateCommand.self, MapCommand.self, RulesCommand.self, TestCommand.self, DiffCommand.self,
                      WaiversCommand.self, SampleCommand.self, FollowupCommand.self, ProgrammeCommand.self, DossierCommand.self],
        defaultSubcommand: nil
    )

    /// Runs the command; usage errors exit with 2, not ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            Terminal.error(fullMessage(for: error))
            Foundation.exit(ExitStatus.unusable)
        }
    }
}

/// The exit statuses the command uses.
enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let unusable: Int32 = 2
}

/// Standard error output.
enum Terminal {
    static func error(_ message: String) {
        // Located diagnostics (`file:line:column: error: …`) already say they are errors.
        let located = message.hasPrefix("Error:") || message.hasPrefix("error:") || message.contains(": error: ")
        let text = located ? message : "error: \(message)"
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data(("warning: " + message + "\n").utf8))
    }
}
