import Foundation

/// Progress on standard error, only for a person watching a terminal.
struct Progress {
    let enabled: Bool

    init(enabled: Bool) {
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
    }

    func say(_ message: String) {
        guard enabled else { return }
        Terminal.note("auditready: \(message)")
    }
}
