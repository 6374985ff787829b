/// Turns an ``AuditReport`` into the bytes of one output format.
public protocol ReportRenderer: Sendable {
    /// The `--format` value that selects this renderer.
    static var identifier: String { get }
    /// The usual file extension of its output.
    static var fileExtension: String { get }
    /// Whether the output is binary (DOCX): never written to a terminal, and ``render(_:)`` then
    /// gives only its text, not the file.
    static var isBinary: Bool { get }
    /// Renders the report. Identical reports give identical output.
    func render(_ report: AuditReport) -> String
    /// The report as the bytes to write, the same output as ``render(_:)``. Renderers that write
    /// bytes directly hand them over in pieces as they go, without making a `String` first.
    func rendered(_ report: AuditReport) -> RenderedReport
}

extension ReportRenderer {
    public static var isBinary: Bool { false }

    public func rendered(_ report: AuditReport) -> RenderedReport {
        RenderedReport(text: render(report))
    }
}

/// The output formats, as `--format` accepts them.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, markdown, html, json, sarif, junit, csv, docx

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
        case .docx: return DOCXReportRenderer()
        }
    }

    /// The file extension of this format's output (`report.<ext>` with `--output-dir`).
    public var fileExtension: String { type(of: renderer).fileExtension }

    /// Whether this format's output is binary (DOCX), to be written to a file only.
    public var isBinary: Bool { type(of: renderer).isBinary }
}
