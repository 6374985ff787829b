import Foundation

/// A problem with the options of a run that stops it before any rule is evaluated.
public enum AuditError: Error, LocalizedError, Sendable, Equatable, DiagnosticConvertible {
    /// `--param` names a parameter no rule file declares.
    case unknownParameter(String, suggestion: String?)
    /// `--param` gives a value that does not fit the parameter's type.
    case invalidParameterValue(name: String, value: String, expected: String)

    public var errorDescription: String? {
        switch self {
        case .unknownParameter(let name, let suggestion):
            let hint =
                suggestion.map { "; did you mean '\($0)'?" } ?? "; 'auditready rules list --parameters' lists them"
            return "no rule file declares a parameter named '\(name.excerpt)'\(hint)"
        case .invalidParameterValue(let name, let value, let expected):
            return "parameter '\(name.excerpt)' needs \(expected), but '\(value.excerpt)' was given"
        }
    }

    /// The error as a ``Diagnostic`` with code ``DiagnosticCode/parameter``.
    public var diagnostics: [Diagnostic] { [Diagnostic(code: .parameter, message: errorDescription ?? "")] }
}
