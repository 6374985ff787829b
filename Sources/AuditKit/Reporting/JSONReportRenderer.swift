/// The machine-readable report: keys sorted, findings sorted, no wall-clock time, so identical
/// inputs give byte-identical output.
///
/// Written directly as bytes (``JSONWriter``), byte for byte what `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` makes of the report's `Encodable`
/// conformance, in a fraction of its time.
public struct JSONReportRenderer: ReportRenderer {
    public static let identifier = "json"
    public static let fileExtension = "json"

    public init() {}

    public func render(_ report: AuditReport) -> String {
        rendered(report).string
    }

    public func rendered(_ report: AuditReport) -> RenderedReport {
        // About 600 bytes per finding, evidence included; the rest of a report is small.
        let findings = report.findings.reduce(report.findings.count) { $0 + $1.evidence.count }
        var json = JSONWriter(capacity: 1 << 16 + 640 * findings)
        report.write(to: &json)
        return RenderedReport(owning: json.finishedBytes())
    }
}
