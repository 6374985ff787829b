import AuditKit
import Foundation

/// What the command writes for a person on standard error, one line each, made safe with
/// ``TerminalText``.
enum Terminal {
    /// A diagnostic as one line, `FILE:LINE:COLUMN: error: message`: the only way errors and
    /// warnings about inputs reach the terminal.
    static func show(_ diagnostic: Diagnostic) {
        StandardStream.error.writeIgnoringFailure(line(diagnostic) + "\n")
    }

    /// The line a diagnostic is shown as, wherever it is written (lint results go to standard
    /// output): control characters escaped, long values cut.
    static func line(_ diagnostic: Diagnostic) -> String {
        TerminalText.line(diagnostic.description)
    }

    /// ArgumentParser's message about the command line (a headline, then the usage), each line
    /// made safe on its own.
    static func usage(_ message: String) {
        var lines = TerminalText.lines(message)
        if lines.last == "" { lines.removeLast() }
        guard !lines.isEmpty else { return }
        StandardStream.error.writeIgnoringFailure(lines.joined(separator: "\n") + "\n")
    }

    /// A progress or timing line on standard error, as is but made safe.
    static func note(_ message: String) {
        StandardStream.error.writeIgnoringFailure(TerminalText.line(message) + "\n")
    }
}
