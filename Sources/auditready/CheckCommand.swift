import ArgumentParser
import AuditKit
import Foundation

extension Stage: ExpressibleByArgument {}
extension Standard: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension Audience: ExpressibleByArgument {}
extension FailOn: ExpressibleByArgument {}

/// `auditready check`: evaluate the rules over one or more exports and write the report.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check records exports (XML or JSON) and report graded findings.")

    @Argument(
        help: ArgumentHelp(
            "Records export files (.xml or .json) or workbooks (.xlsx), or with --mapping CSV registers, workbooks or exports in another shape; several are merged.",
            valueName: "FILE"))
    var files: [String]

    @Option(
        help: ArgumentHelp(
            "Read the inputs through this mapping (YAML, see docs/mappings.md), or a bundled one by name: erpnext.",
            valueName: "FILE"))
    var mapping: String?

    @OptionGroup var rules: RuleDirectories

    @Option(
        help: "Standard to check (repeatable). Default: those the export claims in organisation.standards, else both.")
    var standard: [Standard] = []

    @Option(
        help:
            "initial (stage 1: documentation and readiness), certification (stage 2: everything, the default), surveillance (the ISO/IEC 17021-1 9.6.2.2 topics and --cover) or recertification (everything, and effectiveness over the cycle)."
    )
    var stage: Stage?

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Surveillance: the clauses the audit programme assigns to this audit, beside the 9.6.2.2 topics (e.g. --cover 7.1.5 8.4).",
            valueName: "CLAUSE"))
    var cover: [String] = []

    @Option(
        help: ArgumentHelp(
            "Surveillance or recertification: the previous audit's JSON report; its findings are re-checked on this export.",
            valueName: "REPORT.json"))
    var previous: String?

    @Option(
        help: ArgumentHelp(
            "With --previous: the responses to its findings (auditready followup --template); a finding declared corrected that fires again is a recurrence.",
            valueName: "FILE"))
    var responses: String?

    @Option(
        name: .customLong("as-of"), help: ArgumentHelp("The audit date, YYYY-MM-DD. Default: today.", valueName: "DATE")
    )
    var asOf: String?

    @Option(
        name: .customLong("param"),
        help: ArgumentHelp("Override a rule parameter (repeatable).", valueName: "NAME=VALUE"))
    var parameters: [String] = []

    @Option(
        help: ArgumentHelp(
            "Report format: text, markdown, html, json, sarif, junit, csv or docx (docx needs --output; repeatable with --output-dir).",
            valueName: "FORMAT"))
    var format: [ReportFormat] = []

    @Option(
        help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(
        name: .customLong("output-dir"),
        help: ArgumentHelp(
            "Write each --format to DIR/report.<ext> (atomically), in one run.", valueName: "DIR"))
    var outputDirectory: String?

    @Option(name: .customLong("lang"), help: "Language of the report: en (default) or fr.")
    var language: Language?

    @Option(
        help:
            "Who the report is for: self (default; findings come with what to fix) or auditor (a certification auditor's findings, without advice)."
    )
    var audience: Audience?

    @Flag(help: "Write the time of the run into the report (without it, identical inputs give identical reports).")
    var timestamp = false

    @Option(name: .customLong("fail-on"), help: "Exit with 1 when a finding is at or above this grade (default major).")
    var failOn: FailOn?

    @Option(
        name: .customLong("max-findings"),
        help: ArgumentHelp(
            "Exit with 1 when more than N findings at or above --fail-on remain (default: any).", valueName: "N"))
    var maxFindings: Int?

    @Option(
        help: ArgumentHelp(
            "Accepted findings (YAML, see docs/ci.md): reported as waived, never hidden.", valueName: "FILE"))
    var waivers: String?

    @Option(
        help: ArgumentHelp(
            "Report only findings not in this baseline (written by --write-baseline).", valueName: "FILE"))
    var baseline: String?

    @Option(
        name: .customLong("write-baseline"),
        help: ArgumentHelp("Write the fingerprints of this run's findings to FILE.", valueName: "FILE"))
    var writeBaseline: String?

    @Option(
        help: ArgumentHelp(
            "Settings file (default: auditready.yml in the working directory, when present).", valueName: "FILE"))
    var config: String?

    @Flag(help: "No progress messages on standard error.")
    var quiet = false

    @Flag(help: .hidden)
    var timings = false

    /// Paths no output may overwrite: every file the run reads (records, mapping, settings,
    /// waivers, baseline, rule files, the previous audit's report and responses).
    func protectedPaths(_ settings: CheckSettings, rules: RuleSet) -> [String] {
        files + (mapping.map { [$0] } ?? []) + settings.readPaths + rules.files.map(\.path)
            + [previous, responses].compactMap { $0 }
    }

    func validate() throws {
        if let asOf, case .failure(let problem) = AuditDate.parse(asOf, option: "--as-of") {
            throw ValidationError(problem.message)
        }
        if output != nil, outputDirectory != nil {
            throw ValidationError("give either --output FILE or --output-dir DIR, not both")
        }
        for clause in cover where clause.isEmpty || !clause.allSatisfy({ $0.isNumber || $0 == "." }) {
            throw ValidationError(
                "--cover takes clause numbers such as 8.4; '\(clause)' is not one (put the export files before --cover)"
            )
        }
        for parameter in parameters where !parameter.contains("=") {
            throw ValidationError("--param needs NAME=VALUE, such as --param ack_days=3; '\(parameter)' has no '='")
        }
    }

    func run() throws {
        let settings = try CheckSettings(self)
        if let baseline = settings.writeBaseline, let output = settings.output, RegularFile.same(baseline, output) {
            throw CommandFailure.usage("--write-baseline and --output both name \(output); give each its own file")
        }
        let progress = Progress(enabled: !quiet)
        let stopwatch = Stopwatch(enabled: timings)
        // The rules are parsed while the records are read; broken rule files are still reported
        // first, whatever the records hold.
        let rules = RuleSetLoad(paths: settings.ruleDirectories)
        var records = RecordSet()
        if let mapping {
            progress.say("reading \(files.joined(separator: ", ")) through \(mapping)…")
            _ = try rules.wait()  // a register read through a mapping is small: no need to overlap
            records = try MapCommand.load(files, mapping: mapping)
            records.violations = ContractValidator.violations(in: records)
        }
        for file in files where mapping == nil {
            progress.say("reading \(file)…")
            do {
                // Structural problems become findings next to the audit's. Both spellings are
                // checked by the same walk over the loaded records, so they give the same findings
                // and the file is read once; `auditready validate` adds libxml2's XML Schema check.
                // Loaded as file 0: merge renumbers it to follow the inputs already read.
                records.merge(try RecordValidation.load(path: file, fileIndex: 0, names: records.names))
            } catch {
                _ = try rules.wait()
                throw error
            }
        }
        let ruleSet = try rules.wait()
        // The files read, also those a directory given with --mapping stands for.
        let protectedPaths = protectedPaths(settings, rules: ruleSet) + records.inputs.map(\.path)
        stopwatch.lap("read the records")
        progress.say(
            "read \(records.inputs.reduce(0) { $0 + $1.records }) records; evaluating \(ruleSet.rules.count) rules…")
        var report = try AuditEngine.run(rules: ruleSet, records: records, options: settings.options)
        if let path = settings.writeBaseline {
            try AtomicFile.write(Baseline(report: report).json, to: path, protected: protectedPaths)
        }
        if timestamp {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            report.generatedAt = formatter.string(from: Date())
        }
        stopwatch.lap("evaluated the rules")
        progress.say("done: \(report.findings.count) findings")
        let formats = settings.formats
        do {
            if let outputDirectory = settings.outputDirectory {
                try OutputDirectory.create(outputDirectory)
                for chosen in formats {
                    let path = URL(fileURLWithPath: outputDirectory).appendingPathComponent(
                        "report.\(chosen.fileExtension)"
                    ).path
                    try AtomicFile.write(chosen.renderer.rendered(report), to: path, protected: protectedPaths)
                }
            } else if let output = settings.output {
                try AtomicFile.write(formats[0].renderer.rendered(report), to: output, protected: protectedPaths)
            } else {
                let colour =
                    formats[0] == .text && isatty(STDOUT_FILENO) == 1
                    && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
                try formats[0].renderer(colour: colour).rendered(report).write { piece throws(StandardStream.Failure) in
                    try StandardStream.output.write(piece)
                }
            }
        } catch let failure as StandardStream.Failure {
            throw StandardStream.cannotWrite("the report", failure)
        }
        stopwatch.lap("wrote the report")
        if let grade = settings.failOn.grade, report.openFindings(atOrAbove: grade) > settings.maxFindings {
            throw ExitCode(ExitStatus.findings)
        }
    }
}
