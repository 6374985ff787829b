import Foundation

/// A problem in a rule file, with the place it was found and a plain explanation.
public struct RuleDiagnostic: Error, Sendable, Hashable, Comparable, LocalizedError, CustomStringConvertible,
    DiagnosticConvertible
{
    /// Errors stop a run; warnings are reported by `rules lint`.
    public typealias Severity = Diagnostic.Severity

    /// Path of the rule file.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int
    public var severity: Severity
    /// What is wrong and, where possible, what to write instead.
    public var message: String

    /// Creates a diagnostic.
    public init(file: String, line: Int, column: Int, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// Creates a diagnostic at a source location of the rule file `file`.
    public init(file: String, at location: SourceLocation, severity: Severity = .error, message: String) {
        self.init(
            file: file, line: Int(location.line), column: Int(location.column), severity: severity,
            message: message)
    }

    /// `file:line:column: error: message`, the form editors and CI logs understand; always one
    /// line (a line break or other invisible character, in the message or the path, is written as its code).
    public var description: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        let text = "\(place): \(severity.rawValue): \(message)"
        guard text.contains(where: \.isInvisible) else { return text }
        return text.map { $0.isInvisible ? "<\($0.codePoint)>" : String($0) }.joined()
    }
    public var errorDescription: String? { description }

    /// The diagnostic in the library's common form: code ``DiagnosticCode/ruleSyntax`` for an
    /// error, ``DiagnosticCode/ruleLint`` for a warning.
    public var diagnostic: Diagnostic {
        Diagnostic(
            severity, at: DiagnosticLocation(file: file, line: line, column: column),
            code: severity == .error ? .ruleSyntax : .ruleLint, message: message)
    }

    public var diagnostics: [Diagnostic] { [diagnostic] }

    public static func < (lhs: RuleDiagnostic, rhs: RuleDiagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.message)
    }
}
