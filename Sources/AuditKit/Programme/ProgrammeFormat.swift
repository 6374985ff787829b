/// The formats an audit programme is written in.
public enum ProgrammeFormat: String, Sendable, CaseIterable {
    case markdown, html, json, csv, ics

    /// The programme written in this format, in `language`.
    public func render(_ programme: AuditProgramme, language: Language) -> String {
        switch self {
        case .markdown: return ProgrammeMarkdownRenderer.render(programme, language: language)
        case .html: return ProgrammeHTMLRenderer.render(programme, language: language)
        case .json: return ProgrammeJSONRenderer.render(programme, language: language)
        case .csv: return ProgrammeCSVRenderer.render(programme, language: language)
        case .ics: return ProgrammeICSRenderer.render(programme, language: language)
        }
    }
}
