/// Turns an ``AuditReport`` into the bytes of one output format.
public protocol ReportRenderer: Sendable {
    /// The `--format` value that selects this renderer.
    static var identifier: String { get }
    /// The usual file extension of its output.
    static var fileExtension: String { get }
    /// Renders the report. Identical reports give identical output.
    func render(_ report: AuditReport) -> String
}

/// The output formats, as `--format` accepts them.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json

    /// The renderer for this format.
    public var renderer: any ReportRenderer {
        switch self {
        case .text: return TextReportRenderer()
        case .json: return JSONReportRenderer()
        }
    }
}
