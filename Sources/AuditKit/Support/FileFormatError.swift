import Foundation

/// A YAML or JSON file the tool reads (configuration, waivers, mapping, rule tests, responses,
/// baseline, previous report) that cannot be used, with the place of the problem.
public struct FileFormatError: Error, Sendable, LocalizedError, CustomStringConvertible, DiagnosticConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// Which kind of file: ``DiagnosticCode/configuration``, ``DiagnosticCode/waivers``…
    public var code: DiagnosticCode
    public var message: String

    public init(file: String, line: Int, column: Int, code: DiagnosticCode = .fileFormat, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.code = code
        self.message = message
    }

    /// The error as a ``Diagnostic``.
    public var diagnostic: Diagnostic {
        Diagnostic(at: DiagnosticLocation(file: file, line: line, column: column), code: code, message: message)
    }

    public var diagnostics: [Diagnostic] { [diagnostic] }

    /// `file:line:column: error: message`, or `file: error: message` when the line is unknown.
    public var description: String { diagnostic.description }

    public var errorDescription: String? { description }
}
