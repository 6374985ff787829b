import Foundation

/// The previous audit's JSON report (stage 2 or an earlier surveillance) and the organisation's
/// responses to its nonconformities, given to a surveillance or recertification check
/// (`--previous REPORT.json --responses FILE`).
public struct PreviousAuditInput: Sendable {
    /// The report as read back.
    public var report: StageTwoReport
    /// Its path, as given.
    public var path: String
    /// Its SHA-256.
    public var sha256: String
    /// The response to each open finding of the report (in the order of
    /// ``StageTwoReport/openFindings``), nil where none answers it.
    public var responses: [CorrectiveActionResponse?]

    /// Pairs a report with its responses, already matched.
    public init(report: StageTwoReport, path: String, sha256: String = "", responses: [CorrectiveActionResponse?] = [])
    {
        self.report = report
        self.path = path
        self.sha256 = sha256
        self.responses = responses
    }

    /// Reads the report at `path` and, when given, the responses file at `responsesPath`,
    /// pairing each response with its finding as the follow-up does.
    ///
    /// - Throws: ``FileFormatError`` when the report is not an auditready JSON report, is a stage 1
    ///   report, is dated after `asOf`, or when the responses file cannot be read or names no
    ///   finding of the report.
    public static func load(path: String, responsesPath: String?, asOf: CalendarDate) throws(FileFormatError)
        -> PreviousAuditInput
    {
        let report = try StageTwoReport.load(path: path)
        if report.auditDate > asOf.dateOnly {
            throw FileFormatError(
                file: path, line: 0, column: 0,
                message:
                    "this report is of an audit on \(report.asOf), after the audit date \(asOf.dateOnly); give the report of an earlier audit, or a later --as-of"
            )
        }
        var matched = [CorrectiveActionResponse?](repeating: nil, count: report.openFindings.count)
        if let responsesPath {
            let responses = try ResponseFileReader.load(path: responsesPath)
            matched = try ResponseMatcher.match(responses, to: report, path: responsesPath)
        }
        return PreviousAuditInput(report: report, path: path, sha256: FileDigest.sha256(path: path), responses: matched)
    }
}
