/// The body of `word/document.xml`: each block of a ``ReportDocument`` as WordprocessingML.
///
/// Headings use Word's built-in Heading 1–3 styles (the document title is Heading 1, the report's
/// sections Heading 2, each finding Heading 3), so the navigation pane and a table of contents
/// work. Verdicts are a shaded bold paragraph coloured by tone; facts a two-column table; tables
/// have a header row repeated on each page; bars a table with the percentage drawn as a bar;
/// statements a heading over a table of labelled lines, edged in the grade's colour.
struct DOCXBody {
    let document: ReportDocument
    let strings: ReportStrings

    init(_ document: ReportDocument) {
        self.document = document
        strings = ReportStrings.for(document.language)
    }

    /// The paragraphs and tables of the body, without the section properties.
    var xml: String {
        var out = WordML.paragraph(WordML.run(document.title), style: "Heading1")
        for block in document.blocks {
            out += xml(block)
        }
        return out
    }

    private func xml(_ block: ReportDocument.Block) -> String {
        switch block {
        case .heading(let level, let text, _):
            return WordML.paragraph(WordML.run(text), style: "Heading\(min(3, max(1, level)))")
        case .paragraph(let text):
            return WordML.paragraph(WordML.run(text))
        case .verdict(let text, let tone):
            let colours = Self.colours(tone)
            return WordML.paragraph(
                WordML.run(text, .init(bold: true, colour: colours.text)), style: "Verdict",
                properties:
                    "<w:pBdr><w:left w:val=\"single\" w:sz=\"36\" w:space=\"8\" w:color=\"\(colours.edge)\"/></w:pBdr>"
                    + "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(colours.fill)\"/>")
        case .facts(let facts):
            return labelled(facts, edge: nil)
        case .table(let header, let rows, let tones):
            let widths = WordML.equalWidths(max(header.count, rows.map(\.count).max() ?? 0))
            // Every row gets every column, so Word never shows a ragged table.
            func padded(_ cells: [String]) -> [String] {
                cells + Array(repeating: "", count: max(0, widths.count - cells.count))
            }
            var out = [
                WordML.row(
                    zip(padded(header), widths).map { WordML.cell(WordML.run($0, .strong), width: $1, fill: "E7EAEE") },
                    header: true)
            ]
            for (index, row) in rows.enumerated() {
                let tone = index < tones.count ? tones[index] : nil
                out.append(
                    WordML.row(
                        zip(padded(row), widths).enumerated().map { column, pair in
                            WordML.cell(
                                WordML.run(pair.0), width: pair.1,
                                leftBorder: column == 0 ? tone.map { Self.colours($0).edge } : nil)
                        }))
            }
            return WordML.table(widths: widths, rows: out)
        case .bars(let title, let bars):
            let widths = [1400, 1500, 600, 1500]
            var out = [
                WordML.row(
                    zip([title, "", "%", ""], widths).map {
                        WordML.cell(WordML.run($0, .strong), width: $1, fill: "E7EAEE")
                    },
                    header: true)
            ]
            for bar in bars {
                let percent = bar.percent.map { max(0, min(100, $0)) }
                let filled = ((percent ?? 0) + 2) / 5
                let drawn =
                    WordML.run(String(repeating: "\u{2588}", count: filled), .init(colour: "2F6FB0"))
                    + WordML.run(String(repeating: "\u{2588}", count: 20 - filled), .init(colour: "DDE1E6"))
                out.append(
                    WordML.row([
                        WordML.cell(WordML.run(bar.label), width: widths[0]),
                        WordML.cell(drawn, width: widths[1], paragraphStyle: "BarText"),
                        WordML.cell(
                            WordML.run(bar.percent.map { strings.percent($0) } ?? "-"), width: widths[2],
                            paragraphStyle: "NumberText"),
                        WordML.cell(WordML.run(bar.detail), width: widths[3])
                    ]))
            }
            return WordML.table(widths: widths, rows: out)
        case .statement(let title, let grade, let lines):
            return WordML.paragraph(WordML.run(title), style: "Heading3")
                + labelled(lines, edge: Self.colours(grade))
        }
    }

    /// Label–value pairs as a two-column table, labels bold on a light background.
    private func labelled(_ pairs: [(String, String)], edge: String?) -> String {
        let widths = [1500, 3500]
        let rows = pairs.map { label, value in
            WordML.row([
                WordML.cell(WordML.run(label, .strong), width: widths[0], fill: "F3F4F6", leftBorder: edge),
                WordML.cell(WordML.run(value), width: widths[1])
            ])
        }
        return WordML.table(widths: widths, rows: rows, style: "ReportTable")
    }

    /// Text, edge and background colours of a tone; no tone is neutral grey.
    static func colours(_ tone: ReportDocument.Tone?) -> (text: String, edge: String, fill: String) {
        switch tone {
        case .bad: return ("B3261E", "B3261E", "FCEDEC")
        case .warning: return ("8A4E00", "A15C00", "FFF4E0")
        case .good: return ("1E6B35", "1E6B35", "E8F4EC")
        case nil: return ("1B1F24", "5B6470", "F6F7F9")
        }
    }

    /// The edge colour of a finding: red for a major, amber for a minor or an area of concern.
    static func colours(_ grade: Grade) -> String {
        colours(ReportDocument.tone(grade)).edge
    }
}
