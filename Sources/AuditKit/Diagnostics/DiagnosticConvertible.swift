/// An error that stands for one or more ``Diagnostic``s, so a front end shows every error of the
/// library in one form without knowing its type.
public protocol DiagnosticConvertible: Error {
    /// The problems, in the order to show them (most errors are one).
    var diagnostics: [Diagnostic] { get }
}
