import Foundation

/// What the follow-up reads back from a `check --format json` report of a stage 2 audit: its
/// parameters (date, standards, rule overrides), its inputs and rule set, and its findings.
public struct StageTwoReport: Sendable, Decodable {
    /// The tool that wrote it; `name` is `auditready` for a report this follow-up can read.
    public var tool: AuditReport.Tool
    /// The audit date of the report (`YYYY-MM-DD`).
    public var asOf: String
    public var stage: Stage
    public var standards: [Standard]
    public var language: Language
    /// The exports checked, with their SHA-256.
    public var inputs: [InputFile]
    /// The rule set used, with its fingerprint.
    public var rules: AuditReport.RuleSetInfo
    /// The `--param` overrides of the run (absent from reports of runs without any, and from
    /// reports written before they were recorded).
    public var parameterOverrides: [String: String]?
    public var findings: [Finding]

    enum CodingKeys: String, CodingKey {
        case tool, stage, standards, language, inputs, rules, findings
        case asOf = "as_of"
        case parameterOverrides = "parameter_overrides"
    }

    /// The audit date as a date.
    public var auditDate: CalendarDate { CalendarDate.parse(asOf)?.dateOnly ?? CalendarDate(day: 0) }

    /// The findings a response can answer: those not covered by a waiver.
    public var openFindings: [Finding] { findings.filter { $0.waiver == nil } }

    /// Reads the JSON report at `path`.
    ///
    /// - Throws: ``FileFormatError`` when the file cannot be read, is not an auditready JSON
    ///   report, or is the report of a stage 1 audit.
    public static func load(path: String) throws(FileFormatError) -> StageTwoReport {
        // Checked first: a named pipe or a device given here would otherwise block the run.
        if let problem = RegularFile.problem(reading: path) {
            throw FileFormatError(file: path, line: 0, column: 0, message: problem)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileFormatError(
                file: path, line: 0, column: 0,
                message:
                    "cannot read this file; give the JSON report of a stage 2 check (auditready check --format json)")
        }
        return try read(data: data, path: path)
    }

    /// Reads a JSON report from its bytes.
    public static func read(data: Data, path: String) throws(FileFormatError) -> StageTwoReport {
        struct Envelope: Decodable {
            struct Tool: Decodable { var name: String? }
            var tool: Tool?
            var stage: String?
        }
        let notAReport =
            "this is not an auditready JSON report; give the report written by auditready check --format json"
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: data), envelope.tool?.name == AuditKit.name
        else {
            throw FileFormatError(file: path, line: 0, column: 0, message: notAReport)
        }
        if envelope.stage == Stage.initial.rawValue {
            throw FileFormatError(
                file: path, line: 0, column: 0,
                message:
                    "this is the report of a stage 1 audit (--stage initial); the follow-up answers the nonconformities of a stage 2 report (--stage certification)"
            )
        }
        let report: StageTwoReport
        do {
            report = try JSONDecoder().decode(StageTwoReport.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw FileFormatError(
                file: path, line: 0, column: 0,
                message: "\(notAReport) ('\(Self.path(context.codingPath + [key]))' is missing)")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
            let DecodingError.dataCorrupted(context)
        {
            throw FileFormatError(
                file: path, line: 0, column: 0,
                message: "\(notAReport) ('\(Self.path(context.codingPath))' is not as auditready writes it)")
        } catch {
            throw FileFormatError(file: path, line: 0, column: 0, message: notAReport)
        }
        guard let date = CalendarDate.parse(report.asOf), date.secondOfDay == nil else {
            throw FileFormatError(
                file: path, line: 0, column: 0,
                message: "\(notAReport) (its 'as_of' date '\(report.asOf)' is not written YYYY-MM-DD)")
        }
        return report
    }

    /// A coding path written as `findings[3].grade`.
    private static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce("") { text, key in
            if let index = key.intValue { return text + "[\(index)]" }
            return text.isEmpty ? key.stringValue : text + "." + key.stringValue
        }
    }
}
