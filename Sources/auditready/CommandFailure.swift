import ArgumentParser
import AuditKit

/// Why a command stops: the diagnostics to show and the exit status. Commands throw it, or let an
/// AuditKit error (``DiagnosticConvertible``) pass; `AuditReady.main` shows either on standard
/// error and exits, in one place.
struct CommandFailure: Error {
    var diagnostics: [Diagnostic]
    var status: Int32

    init(_ diagnostics: [Diagnostic], status: Int32 = ExitStatus.unusable) {
        self.diagnostics = diagnostics
        self.status = status
    }

    /// A problem with the command line or the settings that no file locates (exit status 2).
    static func usage(_ message: String) -> CommandFailure {
        CommandFailure([Diagnostic(code: .usage, message: message)])
    }

    /// What `error` says, as diagnostics: its own when AuditKit describes it, otherwise its text;
    /// nil for ArgumentParser's errors (usage, help, version), which it shows itself.
    init?(reporting error: any Error) {
        switch error {
        case let failure as CommandFailure:
            self = failure
        case let convertible as any DiagnosticConvertible:
            self.init(convertible.diagnostics)
        case is ValidationError, is CleanExit, is ExitCode:
            return nil
        default:
            // ArgumentParser's own parse errors are not public types; it gives them a status of its own.
            guard AuditReady.exitCode(for: error) == .failure else { return nil }
            self.init([Diagnostic(code: .unclassified, message: error.localizedDescription)])
        }
    }
}
