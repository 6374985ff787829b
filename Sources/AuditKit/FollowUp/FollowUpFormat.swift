import Foundation

/// The output formats of `auditready followup --format`.
public enum FollowUpFormat: String, Sendable, CaseIterable {
    case text, markdown, html, json, csv

    /// The follow-up written in this format. Identical follow-ups give identical bytes.
    public func render(_ report: FollowUpReport) -> String {
        switch self {
        case .text: return FollowUpTextRenderer.render(report)
        case .markdown: return FollowUpMarkdownRenderer.render(report)
        case .html: return FollowUpHTMLRenderer.render(report)
        case .json: return FollowUpJSONRenderer.render(report)
        case .csv: return FollowUpCSVRenderer.render(report)
        }
    }
}

/// The follow-up as JSON, keys sorted, for machines and for the certification dossier.
public enum FollowUpJSONRenderer {
    /// The JSON text, ending with a line break.
    public static func render(_ report: FollowUpReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// The follow-up as CSV for spreadsheets: one row per finding (RFC 4180, as ``CSVReportRenderer``).
public enum FollowUpCSVRenderer {
    /// The CSV text, CRLF line ends.
    public static func render(_ report: FollowUpReport) -> String {
        var rows: [[String]] = [
            [
                "fingerprint", "standard", "clause", "rule", "grade", "collection", "record", "finding", "status",
                "missing", "still_fires", "owner", "due_on", "completed_on", "evidence", "reason"
            ]
        ]
        for item in report.items {
            let response = item.response
            rows.append([
                item.fingerprint, item.standard.rawValue, item.clause, item.rule, item.grade.rawValue,
                item.collection ?? "", item.record ?? "", item.finding, item.status.rawValue,
                item.missing.map(\.rawValue).joined(separator: " "),
                item.stillFires.map { $0 ? "true" : "false" } ?? "", response?.owner ?? "",
                response?.dueOn?.description ?? "", response?.completedOn?.description ?? "",
                (response?.evidence ?? []).joined(separator: "; "), item.reason
            ])
        }
        return rows.map { $0.map(CSVReportRenderer.field).joined(separator: ",") + "\r\n" }.joined()
    }
}
