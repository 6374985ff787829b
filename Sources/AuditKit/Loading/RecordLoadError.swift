import Foundation

/// Why a records export could not be loaded, with the place in the file where that was found.
///
/// The message is plain English meant for the person who produced the export; it never quotes
/// the content of any file other than the one being loaded.
public struct RecordLoadError: Error, LocalizedError, Sendable, Equatable, CustomStringConvertible,
    DiagnosticConvertible
{
    /// The path of the export, as given.
    public var file: String
    /// 1-based line of the problem; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column of the problem; 0 when unknown.
    public var column: Int
    /// What is wrong, in plain English.
    public var message: String

    /// Creates a load error.
    public init(file: String, line: Int = 0, column: Int = 0, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: error: message`, or `file: error: message` when the line is unknown.
    public var description: String { diagnostic.description }

    /// The error as a ``Diagnostic`` (code ``DiagnosticCode/recordLoad``).
    public var diagnostic: Diagnostic {
        Diagnostic(at: DiagnosticLocation(file: file, line: line, column: column), code: .recordLoad, message: message)
    }

    public var diagnostics: [Diagnostic] { [diagnostic] }

    /// The same text as ``description``, so command-line front ends print it as is.
    public var errorDescription: String? { description }
}
