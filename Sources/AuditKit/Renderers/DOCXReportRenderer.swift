/// The report as a Word document (.docx), rendered from the shared ``ReportDocument``: for
/// exchanging the audit dossier with certification bodies and clients who work in Word. A binary
/// format: ``rendered(_:)`` gives the file's bytes, ``render(_:)`` only the text of its main part.
public struct DOCXReportRenderer: ReportRenderer {
    public static let identifier = "docx"
    public static let fileExtension = "docx"
    public static let isBinary = true

    public init() {}

    /// The main part of the document (`word/document.xml`), which holds every text of the
    /// report; the file itself is ``rendered(_:)``.
    public func render(_ report: AuditReport) -> String {
        writer(report).documentXML
    }

    /// The .docx file's bytes, made when they are written.
    public func rendered(_ report: AuditReport) -> RenderedReport {
        let writer = writer(report)
        return RenderedReport(streaming: { sink in
            let data = try writer.data()
            try data.withUnsafeBytes { try sink($0) }
        })
    }

    private func writer(_ report: AuditReport) -> DOCXWriter {
        DOCXWriter(ReportDocument(report), date: report.asOf, application: "\(report.tool.name) \(report.tool.version)")
    }
}
