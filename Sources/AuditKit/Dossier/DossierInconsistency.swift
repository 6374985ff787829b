/// Two inputs of a certification dossier that cannot belong together (reports of different
/// organisations, stages given the wrong way round, a follow-up of another report): one line
/// naming both files.
public struct DossierInconsistency: Error, Sendable, CustomStringConvertible, Equatable, DiagnosticConvertible {
    /// The two files, in the order the message names them.
    public var files: [String]
    public var message: String

    public init(_ first: String, _ second: String, _ message: String) {
        files = [first, second]
        self.message = message
    }

    public var description: String { diagnostics[0].description }

    /// One ``Diagnostic`` (code ``DiagnosticCode/dossier``) placed at both files.
    public var diagnostics: [Diagnostic] {
        [Diagnostic(at: DiagnosticLocation(file: "\(files[0]) and \(files[1])"), code: .dossier, message: message)]
    }
}
