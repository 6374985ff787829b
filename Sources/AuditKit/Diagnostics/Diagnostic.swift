import Foundation

/// One problem found in an input, a rule file, a settings file or the command line: how serious
/// it is, where it is, a stable code and the message in plain words.
///
/// Every error the library reports is one of these or yields them (``DiagnosticConvertible``),
/// so a front end shows them all in one form: `FILE:LINE:COLUMN: error: message`.
public struct Diagnostic: Error, Sendable, Hashable, Comparable, LocalizedError, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, CaseIterable {
        /// The run cannot go on (exit status 2 on the command line).
        case error
        /// Worth fixing; the run goes on.
        case warning
        /// Extra information about another diagnostic.
        case note
    }

    public var severity: Severity
    /// Where the problem is; ``DiagnosticLocation/none`` for a problem with no file, such as an option.
    public var location: DiagnosticLocation
    /// Which kind of problem, stable across releases (for scripts and CI annotations).
    public var code: DiagnosticCode
    /// What is wrong and, where possible, what to write instead.
    public var message: String

    /// Creates a diagnostic.
    public init(
        _ severity: Severity = .error, at location: DiagnosticLocation = .none, code: DiagnosticCode,
        message: String
    ) {
        self.severity = severity
        self.location = location
        self.code = code
        self.message = message
    }

    /// `FILE:LINE:COLUMN: error: message`, `FILE: error: message` when the line is unknown, or
    /// `error: message` for a problem that is in no file. The text is as written: a front end
    /// escapes control characters before showing it.
    public var description: String {
        let place = location.description
        return place.isEmpty ? "\(severity.rawValue): \(message)" : "\(place): \(severity.rawValue): \(message)"
    }

    public var errorDescription: String? { description }

    /// By file, line and column, then by message.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }
}

extension Diagnostic: DiagnosticConvertible {
    public var diagnostics: [Diagnostic] { [self] }
}
