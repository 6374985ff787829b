import Foundation

/// A `check --format json` report of either stage, as the certification dossier reads it back:
/// its date, stage, standards, organisation, inputs, rule set, declarations and findings, with
/// the path and SHA-256 of the file it came from.
public struct DossierReportFile: Sendable, Decodable {
    public var tool: AuditReport.Tool
    /// The audit date (`YYYY-MM-DD`).
    public var asOf: String
    public var stage: Stage
    public var standards: [Standard]
    public var language: Language
    public var inputs: [InputFile]
    public var rules: AuditReport.RuleSetInfo
    public var findings: [Finding]
    public var notApplicable: [NotApplicableDeclaration]
    /// Who the export belongs to; nil in reports of exports that say nothing of it, and in
    /// reports written before it was recorded.
    public var organisation: OrganisationIdentity?
    /// Stage 2 only.
    public var recommendationBasis: RecommendationBasis?
    /// The file read, as given.
    public var path = ""
    /// The SHA-256 of the file read.
    public var sha256 = ""

    enum CodingKeys: String, CodingKey {
        case tool, stage, standards, language, inputs, rules, findings, organisation
        case asOf = "as_of"
        case notApplicable = "not_applicable"
        case recommendationBasis = "recommendation_basis"
    }

    /// The audit date as a date.
    public var auditDate: CalendarDate { CalendarDate.parse(asOf)?.dateOnly ?? CalendarDate(day: 0) }

    /// The findings not covered by a waiver.
    public var openFindings: [Finding] { findings.filter { $0.waiver == nil } }

    /// Reads the JSON report at `path`.
    ///
    /// - Throws: ``FileFormatError`` when the file cannot be read or is not an auditready JSON report.
    public static func load(path: String) throws(FileFormatError) -> DossierReportFile {
        // Checked first: a named pipe or a device given here would otherwise block the run.
        if let problem = RegularFile.problem(reading: path) {
            throw FileFormatError(file: path, line: 0, column: 0, message: problem)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileFormatError(
                file: path, line: 0, column: 0,
                message: "cannot read this file; give the JSON report of a check (auditready check --format json)")
        }
        return try read(data: data, path: path)
    }

    /// Reads a JSON report from its bytes.
    public static func read(data: Data, path: String) throws(FileFormatError) -> DossierReportFile {
        let notAReport =
            "this is not an auditready JSON report; give the report written by auditready check --format json"
        guard var report = try? JSONDecoder().decode(DossierReportFile.self, from: data),
            report.tool.name == AuditKit.name,
            let date = CalendarDate.parse(report.asOf), date.secondOfDay == nil
        else {
            throw FileFormatError(file: path, line: 0, column: 0, message: notAReport)
        }
        report.path = path
        report.sha256 = FileDigest.sha256(data: data)
        return report
    }
}
