import ArgumentParser
import AuditKit
import Foundation

/// The settings of one `check` run: command-line options over `auditready.yml` over defaults.
struct CheckSettings {
    var ruleDirectories: [String]
    var options: AuditOptions
    var formats: [ReportFormat]
    var output: String?
    var outputDirectory: String?
    var failOn: FailOn
    /// Findings at or above `failOn` allowed before the run fails.
    var maxFindings: Int
    var writeBaseline: String?
    /// The settings, waivers and baseline files read, which no output may replace.
    var readPaths: [String] = []

    init(_ check: CheckCommand) throws {
        let file = check.config ?? (FileManager.default.fileExists(atPath: "auditready.yml") ? "auditready.yml" : nil)
        var config = Configuration()
        if let file {
            try CheckSettings.requireReadable(file)
            readPaths.append(file)
            config = try Configuration.load(path: file)
        }
        ruleDirectories =
            check.rules.directories.isEmpty ? RuleDirectories.resolve(config.rules) : check.rules.directories
        let standards = Set(check.standard.isEmpty ? config.standards : check.standard)
        let auditDate: CalendarDate
        if let asOf = check.asOf {
            switch AuditDate.parse(asOf, option: "--as-of") {
            case .success(let date): auditDate = date
            case .failure(let problem): throw CommandFailure.usage(problem.message)
            }
        } else {
            auditDate = config.asOf ?? .today
        }
        var parameters = config.params
        for parameter in check.parameters {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            parameters[String(parts[0]).trimmingCharacters(in: .whitespaces)] = parts.count > 1 ? String(parts[1]) : ""
        }
        options = AuditOptions(
            asOf: auditDate, stage: check.stage ?? config.stage ?? .certification,
            standards: standards.isEmpty ? nil : standards, parameters: parameters,
            language: check.language ?? config.language ?? .en)
        options.audience = check.audience ?? config.audience ?? .self
        try Self.applyCycle(check, to: &options)
        formats = []
        for format in (check.format.isEmpty ? config.formats : check.format).nilIfEmpty ?? [.text]
        where !formats.contains(format) {
            formats.append(format)
        }
        output = check.output ?? (check.outputDirectory == nil ? config.output : nil)
        outputDirectory = check.outputDirectory ?? (check.output == nil ? config.outputDirectory : nil)
        if formats.count > 1, outputDirectory == nil {
            let message =
                "several formats need an output directory (--output-dir DIR or output_dir), which receives report.<ext> for each"
            throw check.format.isEmpty
                ? CommandFailure([config.problem(at: "formats", message).diagnostic]) : CommandFailure.usage(message)
        }
        if output == nil, outputDirectory == nil, let binary = formats.first(where: \.isBinary) {
            throw CommandFailure.usage(
                "--format \(binary.rawValue) writes a binary file, never to a terminal: give --output FILE")
        }
        failOn = check.failOn ?? config.failOn ?? .major
        maxFindings = check.maxFindings ?? config.maxFindings ?? 0
        writeBaseline = check.writeBaseline ?? config.writeBaseline
        if let path = check.waivers ?? config.waivers {
            try CheckSettings.requireReadable(path)
            readPaths.append(path)
            options.pipeline.waivers = try WaiverFileReader.load(path: path)
            options.pipeline.waiversFile = path
        }
        if let path = check.baseline ?? config.baseline {
            readPaths.append(path)
            options.pipeline.baseline = Set(try Baseline.load(path: path).fingerprints)
        }
    }

    /// Stops with exit status 2 when `path` is not a regular file this process can read.
    static func requireReadable(_ path: String) throws(CommandFailure) {
        if let problem = RegularFile.problem(reading: path) {
            throw CommandFailure([Diagnostic(at: DiagnosticLocation(file: path), code: .unreadable, message: problem)])
        }
    }

    /// `--cover`, `--previous` and `--responses`: only at the audits after certification.
    private static func applyCycle(_ check: CheckCommand, to options: inout AuditOptions) throws {
        if !check.cover.isEmpty {
            guard options.stage == .surveillance else {
                throw CommandFailure.usage(
                    "--cover names the clauses of a surveillance audit; give it with --stage surveillance")
            }
            options.cover = check.cover
        }
        if check.responses != nil, check.previous == nil {
            throw CommandFailure.usage(
                "--responses answers the findings of a previous report; give that report with --previous REPORT.json")
        }
        guard let path = check.previous else { return }
        guard options.stage.followsPreviousAudit else {
            throw CommandFailure.usage(
                "--previous re-checks the findings of the previous audit at a surveillance or recertification audit; give --stage surveillance or --stage recertification"
            )
        }
        options.previous = try PreviousAuditInput.load(path: path, responsesPath: check.responses, asOf: options.asOf)
    }
}

extension Array {
    /// nil when empty.
    var nilIfEmpty: Self? { isEmpty ? nil : self }
}
