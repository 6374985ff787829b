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
        subcommands: [
            CheckCommand.self, ValidateCommand.self, MapCommand.self, RulesCommand.self, TestCommand.self,
            DiffCommand.self,
            WaiversCommand.self, SampleCommand.self, FollowupCommand.self, ProgrammeCommand.self, DossierCommand.self,
            TemplateCommand.self
        ],
        defaultSubcommand: nil
    )

    /// Runs the command. Every error a command throws is shown here, one diagnostic a line, and
    /// mapped to the exit status here; usage errors exit with 2, not ArgumentParser's 64.
    static func main() {
        StandardStream.guardClosedDescriptors()
        MemoryArenas.shareOne()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if let failure = CommandFailure(reporting: error) {
                failure.diagnostics.forEach(Terminal.show)
                Foundation.exit(failure.status)
            }
            if exitCode(for: error) == .success { exit(withError: error) }
            Terminal.usage(fullMessage(for: error))
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
