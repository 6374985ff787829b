import ArgumentParser
import AuditKit
import Foundation

/// `auditready waivers lint FILE`: check a waivers file before a pipeline relies on it.
struct WaiversCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waivers", abstract: "Check waivers files.", subcommands: [Lint.self])

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fail on expired waivers and on waivers without a justification, an approver or an expiry date.",
            discussion: "Exit codes: 0 every waiver can be applied, 1 some cannot, 2 the file cannot be read.")

        @Argument(help: ArgumentHelp("The waivers file (YAML).", valueName: "FILE"))
        var file: String

        @Option(name: .customLong("as-of"), help: ArgumentHelp("The date to check expiry against. Default: today.", valueName: "DATE"))
        var asOf: String?

        func run() throws {
            let waivers: [Waiver]
            try CheckSettings.requireReadable(file)
            do {
                waivers = try WaiverFileReader.load(path: file)
            } catch {
                Terminal.error(error.description)
                throw ExitCode(ExitStatus.unusable)
            }
            var date = CalendarDate.today
            if let asOf {
                switch AuditDate.parse(asOf, option: "--as-of") {
                case .success(let parsed):
                    date = parsed
                case .failure(let problem):
                    Terminal.error(problem.message)
                    throw ExitCode(ExitStatus.unusable)
                }
            }
            var lines: [String] = []
            for waiver in waivers {
                let problems = waiver.problems(asOf: date)
                guard !problems.isEmpty else { continue }
                lines.append(TerminalText.line("\(file):\(waiver.line): error: this waiver cannot be applied: \(problems.joined(separator: ", "))"))
            }
            lines.append("\(counted(waivers.count, "waiver")), \(lines.count) that cannot be applied")
            try StandardStream.print(lines.joined(separator: "\n") + "\n")
            if lines.count > 1 { throw ExitCode(ExitStatus.findings) }
        }
    }
}

/// `auditready diff OLD.json NEW.json`: progress between two self-assessments.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two JSON reports: new, resolved, regraded and still open findings.",
        discussion: "Exit codes: 0 nothing new at or above --fail-on, 1 something new (or regraded upwards) at or above it, 2 unreadable reports.")

    enum Format: String, CaseIterable, ExpressibleByArgument { case text, markdown, json }

    @Argument(help: ArgumentHelp("The earlier JSON report.", valueName: "OLD.json"))
    var old: String

    @Argument(help: ArgumentHelp("The later JSON report.", valueName: "NEW.json"))
    var new: String

    @Option(help: "text, markdown or json.")
    var format: Format = .text

    @Option(name: .customLong("fail-on"), help: "Exit with 1 when a new finding is at or above this grade.")
    var failOn: FailOn = .major

    func run() throws {
        let diff: StreamedReportDiff
        do {
            diff = try StreamedReportDiff(oldReportAt: old, newReportAt: new)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(ExitStatus.unusable)
        }
        let chosen: StreamedReportDiff.Format
        switch format {
        case .json: chosen = .json
        case .markdown: chosen = .markdown
        case .text: chosen = .text
        }
        do {
            try diff.write(chosen) { piece in try StandardStream.output.write(piece) }
        } catch let failure as StandardStream.Failure {
            throw StandardStream.cannotWrite("the comparison", failure)
        } catch {
            Terminal.error((error as? FileFormatError)?.description ?? error.localizedDescription)
            throw ExitCode(ExitStatus.unusable)
        }
        if let grade = failOn.grade, diff.worsened(atOrAbove: grade) { throw ExitCode(ExitStatus.findings) }
    }
}
