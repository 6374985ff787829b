import Foundation

/// The output formats of `auditready dossier --format`.
public enum DossierFormat: String, Sendable, CaseIterable {
    case markdown, html, json, docx

    /// The file extension for `--output-dir` (`dossier.<ext>`).
    public var fileExtension: String {
        switch self {
        case .markdown: return "md"
        case .html: return "html"
        case .json: return "json"
        case .docx: return "docx"
        }
    }

    /// True for formats that are not text (DOCX): never written to a terminal.
    public var isBinary: Bool { self == .docx }

    /// The dossier written in this format; identical dossiers give identical bytes. A DOCX file
    /// is made when its bytes are written (a ``DOCXWriter/WriteError`` is then thrown).
    public func rendered(_ dossier: CertificationDossier) -> RenderedReport {
        switch self {
        case .markdown: return RenderedReport(text: MarkdownReportRenderer.render(dossier.document))
        case .html:
            return RenderedReport(
                text: HTMLReportRenderer.render(
                    dossier.document,
                    footer:
                        "\(dossier.tool.name) \(dossier.tool.version) · \(dossier.stage2.asOf) · \(dossier.stage2.rules.fingerprint)"
                ))
        case .json: return RenderedReport(text: DossierJSONRenderer.render(dossier))
        case .docx:
            let writer = DOCXWriter(
                dossier.document, date: dossier.followUp?.asOf ?? dossier.stage2.asOf,
                application: "\(dossier.tool.name) \(dossier.tool.version)")
            return RenderedReport(streaming: { sink in
                let data = try writer.data()
                try data.withUnsafeBytes { try sink($0) }
            })
        }
    }
}

/// The dossier as JSON, keys sorted, for machines.
public enum DossierJSONRenderer {
    /// The JSON text, ending with a line break.
    public static func render(_ dossier: CertificationDossier) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(dossier) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
