/// Turns an ``AuditReport`` into the bytes of one output format.
public protocol ReportRenderer: Sendable {
    /// The `--format` value that selects this renderer.
    static var identifier: String { get }
    /// The usual file extension of its output.
    static var fileExtension: String { get }
    /// Renders the report. Identical reports give identical output.
    func render(_ report: AuditReport) -> String
    /// The report as the bytes to write, the same output as ``render(_:)``. Renderers that write
    /// bytes directly hand them over in pieces as they go, without making a `String` first.
    func rendered(_ report: AuditReport) -> RenderedReport
}

extension ReportRenderer {
    public func rendered(_ report: AuditReport) -> RenderedReport {
        RenderedReport(text: render(report))
    }
}

/// The output formats, as `--format` accepts them.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, markdown, html, json, sarif, junit, csv

    /// The renderer for this format, without colour.
    public var renderer: any ReportRenderer { renderer(colour: false) }

    /// The renderer for this format; `colour` only affects text (the caller passes true on a TTY).
    public func renderer(colour: Bool) -> any ReportRenderer {
        switch self {
        case .text: return TextReportRenderer(colour: colour)
        case .markdown: return MarkdownReportRenderer()
        case .html: return HTMLReportRenderer()
        case .json: return JSONReportRenderer()
        case .sarif: return SARIFReportRenderer()
        case .junit: return JUnitReportRenderer()
        case .csv: return CSVReportRenderer()
        }
    }

    /// The file extension of this format's output (`report.<ext>` with `--output-dir`).
    public var fileExtension: String { type(of: renderer).fileExtension }
}
