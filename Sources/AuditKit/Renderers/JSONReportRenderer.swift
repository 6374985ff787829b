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
        RenderedReport { sink in
            // The writer keeps the sink only until `finish()`, within this call.
            try withoutActuallyEscaping(sink) { sink in
                var json = JSONWriter(streamingTo: sink)
                report.write(to: &json)
                try json.finish()
            }
        }
    }
}
