import ArgumentParser
import AuditKit
import Foundation

extension Stage: ExpressibleByArgument {}
extension Standard: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

/// `--fail-on`: the lowest grade that makes the run fail.
enum FailOn: String, CaseIterable, ExpressibleByArgument {
    case major, minor, observation, none

    var grade: Grade? { Grade(rawValue: rawValue) }
}

/// `auditready check`: evaluate the rules over one or more exports and write the report.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check records exports (XML or JSON) and report graded findings.")

    @Argument(help: ArgumentHelp("Records export files (.xml or .json); several are merged.", valueName: "FILE"))
    var files: [String]

    @OptionGroup var rules: RuleDirectories

    @Option(help: "Standard to check (repeatable). Default: those the export claims in organisation.standards, else both.")
    var standard: [Standard] = []

    @Option(help: "initial (stage 1: documentation and readiness) or certification (stage 2: everything).")
    var stage: Stage = .certification

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The audit date, YYYY-MM-DD. Default: today.", valueName: "DATE"))
    var asOf: String?

    @Option(name: .customLong("param"), help: ArgumentHelp("Override a rule parameter (repeatable).", valueName: "NAME=VALUE"))
    var parameters: [String] = []

    @Option(help: ArgumentHelp("Report format: text, markdown, html, json, sarif, junit or csv (repeatable with --output-dir).",
                               valueName: "FORMAT"))
    var format: [ReportFormat] = []

    @Option(help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("output-dir"), help: ArgumentHelp(
        "Write each --format to DIR/report.<ext> (atomically), in one run.", valueName: "DIR"))
    var outputDirectory: String?

    @Option(name: .customLong("lang"), help: "Language of the report: en or fr.")
    var language: Language = .en

    @Flag(help: "Write the time of the run into the report (without it, identical inputs give identical reports).")
    var timestamp = false

    @Option(name: .customLong("fail-on"), help: "Exit with 1 when a finding is at or above this grade.")
    var failOn: FailOn = .major

    func validate() throws {
        if let asOf, CalendarDate.parse(asOf)?.secondOfDay != nil || CalendarDate.parse(asOf) == nil {
            throw ValidationError("--as-of needs a date written YYYY-MM-DD, such as 2026-11-15; '\(asOf)' is not one")
        }
        if output != nil, outputDirectory != nil {
            throw ValidationError("give either --output FILE or --output-dir DIR, not both")
        }
        if Set(format).count > 1, outputDirectory == nil {
            throw ValidationError("several --format values need --output-dir DIR, which receives report.<ext> for each")
        }
        for parameter in parameters where !parameter.contains("=") {
            throw ValidationError("--param needs NAME=VALUE, such as --param ack_days=3; '\(parameter)' has no '='")
        }
    }

    func run() throws {
        let ruleSet = try rules.load()
        var records = RecordSet()
        for (index, file) in files.enumerated() {
            do {
                records.merge(try RecordLoader.load(path: file, fileIndex: Int32(index)))
            } catch {
                Terminal.error(error.description)
                throw ExitCode(ExitStatus.unusable)
            }
        }
        let options = AuditOptions(asOf: auditDate, stage: stage,
                                   standards: standard.isEmpty ? nil : Set(standard),
                                   parameters: parameterOverrides, language: language)
        var report: AuditReport
        do {
            report = try AuditEngine.run(rules: ruleSet, records: records, options: options)
        } catch {
            Terminal.error(error.localizedDescription)
            throw ExitCode(ExitStatus.unusable)
        }
        if timestamp {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            report.generatedAt = formatter.string(from: Date())
        }
        var formats: [ReportFormat] = []
        for chosen in format.isEmpty ? [.text] : format where !formats.contains(chosen) { formats.append(chosen) }
        do {
            if let outputDirectory {
                try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
                for chosen in formats {
                    let path = URL(fileURLWithPath: outputDirectory).appendingPathComponent("report.\(chosen.fileExtension)").path
                    try AtomicFile.write(chosen.renderer.render(report), to: path, protected: files)
                }
            } else if let output {
                try AtomicFile.write(formats[0].renderer.render(report), to: output, protected: files)
            } else {
                let colour = formats[0] == .text && isatty(STDOUT_FILENO) == 1
                    && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
                FileHandle.standardOutput.write(Data(formats[0].renderer(colour: colour).render(report).utf8))
            }
        } catch {
            Terminal.error(error.localizedDescription)
            throw ExitCode(ExitStatus.unusable)
        }
        if let grade = failOn.grade, report.hasFindings(atOrAbove: grade) {
            throw ExitCode(ExitStatus.findings)
        }
    }

    /// `--as-of`, or today's date in the local time zone.
    private var auditDate: CalendarDate {
        if let asOf, let date = CalendarDate.parse(asOf) { return date }
        let today = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: today.year ?? 2000, month: today.month ?? 1, day: today.day ?? 1)
            ?? CalendarDate(day: 0)
    }

    private var parameterOverrides: [String: String] {
        var result: [String: String] = [:]
        for parameter in parameters {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            result[String(parts[0]).trimmingCharacters(in: .whitespaces)] = parts.count > 1 ? String(parts[1]) : ""
        }
        return result
    }
}
