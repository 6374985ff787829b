import Foundation

/// The machine-readable report: keys sorted, findings sorted, no wall-clock time, so identical
/// inputs give byte-identical output.
public struct JSONReportRenderer: ReportRenderer {
    public static let identifier = "json"
    public static let fileExtension = "json"

    public init() {}

    public func render(_ report: AuditReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain value types cannot fail; an empty object is still valid JSON if it ever did.
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
