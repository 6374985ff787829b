import ArgumentParser
import AuditKit
import Foundation

extension ProgrammeFormat: ExpressibleByArgument {}

/// `auditready programme`: the audit programme of a three-year certification cycle.
struct ProgrammeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "programme",
        abstract:
            "Write the audit programme of the three-year certification cycle: dates, audit time (IAF MD 5) and clauses of each audit.",
        discussion: """
            Programme parameters (--param NAME=VALUE, whole numbers): \
            \(ProgrammeParameters.specifications.map { "\($0.name) (default \($0.defaultValue)): \($0.meaning)" }.joined(separator: "; ")). \
            See docs/audit-programme.md. Exit codes: 0 written; 2 unusable arguments or rule files.
            """)

    @Option(
        name: .customLong("certified-on"),
        help: ArgumentHelp("Date of the certification decision, YYYY-MM-DD.", valueName: "DATE"))
    var certifiedOn: String

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Effective number of personnel (IAF MD 5), at least 1.", valueName: "N"))
    var employees: Int = 1

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Number of sites, the central function's included (IAF MD 1 sampling).", valueName: "N"))
    var sites: Int = 1

    @Option(help: "Standard certified (repeatable): iso9001 (default) or iso10002.")
    var standard: [Standard] = []

    @OptionGroup var rules: RuleDirectories

    @Option(name: .customLong("stage1-end"), help: ArgumentHelp("Last day of stage 1, when known.", valueName: "DATE"))
    var stage1End: String?

    @Option(name: .customLong("stage2-end"), help: ArgumentHelp("Last day of stage 2, when known.", valueName: "DATE"))
    var stage2End: String?

    @Option(
        name: .customLong("not-applicable"),
        help: ArgumentHelp(
            "A clause declared not applicable (repeatable): 8.3 for ISO 9001, iso10002:8.3 for ISO 10002.",
            valueName: "CLAUSE"))
    var notApplicable: [String] = []

    @Option(
        name: .customLong("param"),
        help: ArgumentHelp("Override a programme parameter (repeatable).", valueName: "NAME=VALUE"))
    var parameters: [String] = []

    @Option(help: "markdown (default), html, json, csv or ics.")
    var format: ProgrammeFormat = .markdown

    @Option(
        help: ArgumentHelp(
            "Write the programme to this file (atomically) instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("lang"), help: "Language of the programme: en (default) or fr.")
    var language: Language = .en

    func run() throws {
        var overrides: [(name: String, value: String)] = []
        for parameter in parameters {
            guard let equals = parameter.firstIndex(of: "=") else {
                throw ValidationError(
                    "--param needs NAME=VALUE, such as --param complexity=-10; '\(parameter)' has no '='")
            }
            overrides.append((String(parameter[..<equals]), String(parameter[parameter.index(after: equals)...])))
        }
        let request = ProgrammeRequest(
            certifiedOn: try Self.date(certifiedOn, option: "--certified-on"), personnel: employees, sites: sites,
            standards: standard.isEmpty ? [.iso9001] : standard,
            stage1End: try stage1End.map { try Self.date($0, option: "--stage1-end") },
            stage2End: try stage2End.map { try Self.date($0, option: "--stage2-end") },
            notApplicable: notApplicable, parameters: try ProgrammeParameters.parse(overrides))
        let ruleSet = try rules.load()
        let programme = try AuditProgrammePlanner.plan(request, rules: ruleSet)
        let text = format.render(programme, language: language)
        guard let output else {
            try StandardStream.print(text, what: "the programme")
            return
        }
        try AtomicFile.write(text, to: output, protected: ruleSet.files.map(\.path) + rules.paths)
    }

    /// A plain calendar date, or the error naming the option.
    static func date(_ text: String, option: String) throws -> CalendarDate {
        guard text.utf8.count == 10, let date = CalendarDate.parse(text), date.secondOfDay == nil else {
            throw ProgrammeError.invalidDate(option: option, text: text)
        }
        return date
    }
}
