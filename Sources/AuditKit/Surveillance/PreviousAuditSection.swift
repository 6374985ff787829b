/// The "Nonconformities from the previous audit" section, laid out for the renderers: a
/// paragraph and one row per finding of the previous report (finding, record, grade, status).
extension PreviousAudit {
    /// The table's header, in the report's language.
    func header(_ s: ReportStrings) -> [String] {
        [s.finding, s.record, s.grade, s.previousStatusHeading]
    }

    /// The table's rows, in the previous report's order.
    func rows(_ s: ReportStrings) -> [[String]] {
        findings.map { item in
            [
                "\(item.standard.title) \(item.clause) · \(item.rule): \(item.message)", item.record ?? "-",
                s.grade(item.grade), s.previousStatus(item.status)
            ]
        }
    }

    /// The tone of each row: recurring bad, still open a warning, closed good.
    var tones: [ReportDocument.Tone?] {
        findings.map { item in
            switch item.status {
            case .recurring: return .bad
            case .stillOpen: return .warning
            case .closed: return .good
            case .notRechecked: return nil
            }
        }
    }

    /// The section as document blocks.
    func blocks(_ s: ReportStrings) -> [ReportDocument.Block] {
        [
            .heading(level: 2, text: s.previousAuditHeading, anchor: "previous"),
            .paragraph(s.previousAuditIntro(self)),
            .table(header: header(s), rows: rows(s), tones: tones)
        ]
    }
}
