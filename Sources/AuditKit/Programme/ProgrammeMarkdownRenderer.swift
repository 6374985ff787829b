/// An audit programme as Markdown (GitHub tables).
public enum ProgrammeMarkdownRenderer {
    /// The Markdown text of `programme` in `language`.
    public static func render(_ programme: AuditProgramme, language: Language) -> String {
        let document = ProgrammeDocument(programme, language: language)
        var out = ["# \(escape(document.title))", ""]
        for block in document.blocks {
            switch block {
            case .heading(let text):
                out += ["## \(escape(text))", ""]
            case .paragraph(let text):
                out += [escape(text), ""]
            case .facts(let facts):
                out += facts.map { "- **\(escape($0.0))**\(ProgrammeStrings(language).colon)\(escape($0.1))" } + [""]
            case .list(let items):
                out += items.map { "- \(escape($0))" } + [""]
            case let .table(header, rows):
                out.append("| " + header.map(cell).joined(separator: " | ") + " |")
                out.append("|" + header.map { _ in "---|" }.joined())
                out += rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
                out.append("")
            }
        }
        return out.joined(separator: "\n")
    }

    /// Text with Markdown's active characters escaped, so rule-file titles cannot add markup.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { result.append("\\") }
            result.append(character == "\n" ? " " : character)
        }
        return result
    }

    private static func cell(_ text: String) -> String { escape(text) }
}
