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
            do {
                config = try Configuration.load(path: file)
            } catch {
                throw CheckSettings.unusable(error.description)
            }
        }
        /// A value of the configuration that is not allowed: the file, the line of its key, and the value cut short.
        func invalid(_ key: String, _ value: String, _ expected: String) -> ExitCode {
            CheckSettings.unusable(
                config.problem(at: key, "'\(key)' cannot be '\(Display.excerpt(value))'; \(expected)").description)
        }
        func pick<T: RawRepresentable & CaseIterable>(_ cli: T?, _ text: String?, _ key: String, default fallback: T)
            throws -> T
        where T.RawValue == String {
            if let cli { return cli }
            guard let text else { return fallback }
            guard let value = T(rawValue: text) else {
                throw invalid(key, text, "it is one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return value
        }
        ruleDirectories =
            check.rules.directories.isEmpty ? RuleDirectories.resolve(config.rules) : check.rules.directories
        var standards = Set(check.standard)
        if standards.isEmpty {
            for name in config.standards {
                guard let standard = Standard(claim: name) else {
                    throw invalid(
                        "standards", name,
                        "the standards are " + Standard.allCases.map(\.rawValue).joined(separator: ", "))
                }
                standards.insert(standard)
            }
        }
        let asOfText = check.asOf ?? config.asOf
        let auditDate: CalendarDate
        if let asOfText {
            switch AuditDate.parse(asOfText, option: check.asOf == nil ? "as_of" : "--as-of") {
            case .success(let date): auditDate = date
            case .failure(let problem):
                throw check.asOf == nil
                    ? CheckSettings.unusable(config.problem(at: "as_of", problem.message).description)
                    : CheckSettings.unusable(problem.message)
            }
        } else {
            auditDate = .today
        }
        var parameters = config.params
        for parameter in check.parameters {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            parameters[String(parts[0]).trimmingCharacters(in: .whitespaces)] = parts.count > 1 ? String(parts[1]) : ""
        }
        options = AuditOptions(
            asOf: auditDate, stage: try pick(check.stage, config.stage, "stage", default: .certification),
            standards: standards.isEmpty ? nil : standards, parameters: parameters,
            language: try pick(check.language, config.language, "lang", default: .en))
        options.audience = try pick(check.audience, config.audience, "audience", default: .self)
        try Self.applyCycle(check, to: &options)
        var chosen: [ReportFormat] = []
        if check.format.isEmpty {
            for name in config.formats {
                guard let format = ReportFormat(rawValue: name) else {
                    throw invalid(
                        "formats", name,
                        "the formats are " + ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))
                }
                chosen.append(format)
            }
        }
        formats = []
        for format in (check.format.isEmpty ? chosen : check.format).nilIfEmpty ?? [.text]
        where !formats.contains(format) {
            formats.append(format)
        }
        output = check.output ?? (check.outputDirectory == nil ? config.output : nil)
        outputDirectory = check.outputDirectory ?? (check.output == nil ? config.outputDirectory : nil)
        if formats.count > 1, outputDirectory == nil {
            throw CheckSettings.unusable(
                "several formats need an output directory (--output-dir DIR or output_dir), which receives report.<ext> for each"
            )
        }
        if output == nil, outputDirectory == nil, let binary = formats.first(where: \.isBinary) {
            throw CheckSettings.unusable(
                "--format \(binary.rawValue) writes a binary file, never to a terminal: give --output FILE")
        }
        failOn = try pick(check.failOn, config.failOn, "fail_on", default: .major)
        maxFindings = check.maxFindings ?? config.maxFindings ?? 0
        writeBaseline = check.writeBaseline ?? config.writeBaseline
        if let path = check.waivers ?? config.waivers {
            try CheckSettings.requireReadable(path)
            readPaths.append(path)
            do {
                options.pipeline.waivers = try WaiverFileReader.load(path: path)
                options.pipeline.waiversFile = path
            } catch {
                throw CheckSettings.unusable(error.description)
            }
        }
        if let path = check.baseline ?? config.baseline {
            readPaths.append(path)
            do {
                options.pipeline.baseline = Set(try Baseline.load(path: path).fingerprints)
            } catch {
                throw CheckSettings.unusable(error.description)
            }
        }
    }

    /// Stops with exit status 2 when `path` is not a regular file this process can read.
    static func requireReadable(_ path: String) throws {
        if let problem = RegularFile.problem(reading: path) { throw unusable("\(path): error: \(problem)") }
    }

    /// `--cover`, `--previous` and `--responses`: only at the audits after certification.
    private static func applyCycle(_ check: CheckCommand, to options: inout AuditOptions) throws {
        if !check.cover.isEmpty {
            guard options.stage == .surveillance else {
                throw unusable("--cover names the clauses of a surveillance audit; give it with --stage surveillance")
            }
            options.cover = check.cover
        }
        if check.responses != nil, check.previous == nil {
            throw unusable(
                "--responses answers the findings of a previous report; give that report with --previous REPORT.json")
        }
        guard let path = check.previous else { return }
        guard options.stage.followsPreviousAudit else {
            throw unusable(
                "--previous re-checks the findings of the previous audit at a surveillance or recertification audit; give --stage surveillance or --stage recertification"
            )
        }
        do {
            options.previous = try PreviousAuditInput.load(
                path: path, responsesPath: check.responses, asOf: options.asOf)
        } catch {
            throw unusable(error.description)
        }
    }

    static func unusable(_ message: String) -> ExitCode {
        Terminal.error(message)
        return ExitCode(ExitStatus.unusable)
    }
}

extension Array {
    /// nil when empty.
    var nilIfEmpty: Self? { isEmpty ? nil : self }
}
