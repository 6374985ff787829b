import Foundation

/// What the command writes for a person: errors and warnings on standard error, one line each,
/// made safe with ``TerminalText``.
enum Terminal {
    /// One error: a single line, prefixed `error: ` unless it already says where and that it is
    /// an error (`file:line:column: error: …`).
    static func error(_ message: String) {
        StandardStream.error.writeIgnoringFailure(TerminalText.line(prefixed(message)) + "\n")
    }

    /// An error whose message is spread over several lines on purpose (a headline, then one line
    /// per problem, or a usage text); each line is made safe on its own. The headline says
    /// `error: ` only when no line below it does.
    static func error(lines message: String) {
        var lines = TerminalText.lines(message)
        if lines.last == "" { lines.removeLast() }
        guard !lines.isEmpty else { return }
        if prefixed(message) != message { lines[0] = prefixed(lines[0]) }
        StandardStream.error.writeIgnoringFailure(lines.joined(separator: "\n") + "\n")
    }

    /// A warning: a single line, prefixed `warning: ` unless it already says `: warning: `.
    static func warning(_ message: String) {
        let text = message.contains(": warning: ") ? message : "warning: " + message
        StandardStream.error.writeIgnoringFailure(TerminalText.line(text) + "\n")
    }

    /// A progress or timing line on standard error, as is but made safe.
    static func note(_ message: String) {
        StandardStream.error.writeIgnoringFailure(TerminalText.line(message) + "\n")
    }

    /// `message` with `error: ` in front, unless it already says it is an error.
    static func prefixed(_ message: String) -> String {
        // Located diagnostics (`file:line:column: error: …`) already say they are errors.
        let located = message.hasPrefix("Error:") || message.hasPrefix("error:") || message.contains(": error: ")
        return located ? message : "error: \(message)"
    }
}
