import ArgumentParser
import AuditKit
import Foundation

extension FollowUpFormat: ExpressibleByArgument {}

/// `auditready followup`: the status of the organisation's responses to the findings of a stage 2
/// report, verified against a corrected export; or, with `--template`, a responses file to fill in.
struct FollowupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Follow up the responses to the findings of a stage 2 report (corrective actions).",
        discussion: """
            auditready followup --template REPORT.json [--output FILE] writes a responses file to fill in.
            auditready followup REPORT.json --responses FILE [NEW_EXPORT...] --as-of DATE gives each finding \
            a status: verified, plan-accepted, response-incomplete, not-effective, overdue or no-response. \
            Exit codes: 0 every major verified and every minor at least plan-accepted; 1 otherwise; \
            2 unusable input.
            """)

    @Option(
        help: ArgumentHelp(
            "Write a responses file for the open findings of this stage 2 JSON report.", valueName: "REPORT.json"))
    var template: String?

    @Argument(
        help: ArgumentHelp(
            "The stage 2 JSON report (auditready check --format json), then the new, corrected exports (.json or .xml).",
            valueName: "FILE"))
    var files: [String] = []

    @Option(help: ArgumentHelp("The organisation's responses (YAML, from --template).", valueName: "FILE"))
    var responses: String?

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "The follow-up date, YYYY-MM-DD: the new export is checked as of this date.", valueName: "DATE"))
    var asOf: String?

    @Option(
        name: .customLong("audit-end"),
        help: ArgumentHelp(
            "The last day of stage 2, YYYY-MM-DD (default: the report's audit date); majors must be verified within six months of it.",
            valueName: "DATE"))
    var auditEnd: String?

    @OptionGroup var rules: RuleDirectories

    @Option(help: "Format: text (default), markdown, html, json or csv.")
    var format: FollowUpFormat = .text

    @Option(
        help: ArgumentHelp("Write the result to this file (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("lang"), help: "Language: en or fr (default: the report's).")
    var language: Language?

    func validate() throws {
        if template != nil {
            guard files.isEmpty, responses == nil else {
                throw ValidationError(
                    "--template REPORT.json writes a responses file to fill in; give the report only, without --responses or exports"
                )
            }
            return
        }
        guard !files.isEmpty else {
            throw ValidationError(
                "give the stage 2 JSON report: auditready followup REPORT.json --responses FILE [NEW_EXPORT...] --as-of DATE, or --template REPORT.json"
            )
        }
        guard responses != nil else {
            throw ValidationError("give the responses with --responses FILE (write one with --template REPORT.json)")
        }
        guard let asOf else { throw ValidationError("give the follow-up date with --as-of YYYY-MM-DD") }
        for (option, text) in [("--as-of", asOf), ("--audit-end", auditEnd)] {
            if let text, Self.date(text) == nil {
                throw ValidationError(
                    "\(option) needs a date written YYYY-MM-DD, such as 2027-02-15; '\(text)' is not one")
            }
        }
    }

    func run() throws {
        if let template {
            let report = try StageTwoReport.load(path: template)
            try write(
                ResponseTemplateWriter.template(for: report, language: language ?? report.language),
                protected: [template])
            return
        }
        let reportPath = files[0], exports = Array(files.dropFirst())
        guard let responsesPath = responses, let asOfText = asOf, let followUpDate = Self.date(asOfText) else { return }
        let report = try StageTwoReport.load(path: reportPath)
        let answers = try ResponseFileReader.load(path: responsesPath)
        let language = self.language ?? report.language
        let recheck =
            try exports.isEmpty ? nil : checkAgain(exports, report: report, asOf: followUpDate, language: language)
        let input = FollowUpEvaluator.Input(
            report: report, reportPath: reportPath, reportSHA256: FileDigest.sha256(path: reportPath),
            responses: answers, responsesPath: responsesPath, responsesSHA256: FileDigest.sha256(path: responsesPath),
            recheck: recheck, asOf: followUpDate, auditEnd: auditEnd.flatMap(Self.date), language: language)
        let result = try FollowUpEvaluator.evaluate(input)
        if let recheck, recheck.rules.fingerprint != report.rules.fingerprint {
            Terminal.show(
                Diagnostic(
                    .warning, code: .followUp,
                    message: FollowUpStrings(language: .en).ruleSetChanged(
                        report: report.rules.fingerprint, now: recheck.rules.fingerprint)))
        }
        try write(format.render(result), protected: files + [responsesPath])
        if !result.isSatisfied { throw ExitCode(ExitStatus.findings) }
    }

    /// The new exports checked with the report's stage, standards and parameters as of the follow-up date.
    private func checkAgain(_ exports: [String], report: StageTwoReport, asOf: CalendarDate, language: Language) throws
        -> AuditReport
    {
        let ruleSet = try rules.load()
        var records = RecordSet()
        for file in exports {
            records.merge(try RecordValidation.load(path: file, fileIndex: 0, names: records.names))
        }
        let options = AuditOptions(
            asOf: asOf, stage: .certification, standards: Set(report.standards),
            parameters: report.parameterOverrides ?? [:], language: language)
        return try AuditEngine.run(rules: ruleSet, records: records, options: options)
    }

    /// Writes `text` to `--output` (atomically, never over an input) or to standard output.
    private func write(_ text: String, protected: [String]) throws {
        guard let output else {
            try StandardStream.print(text, what: "the follow-up report")
            return
        }
        try AtomicFile.write(text, to: output, protected: protected)
    }

    /// A date written YYYY-MM-DD, nil otherwise.
    private static func date(_ text: String) -> CalendarDate? {
        guard let date = CalendarDate.parse(text), date.secondOfDay == nil, date.description == text else { return nil }
        return date
    }
}
