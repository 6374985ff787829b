import ArgumentParser
import AuditKit
import Foundation

/// `auditready diff OLD.json NEW.json`: progress between two self-assessments.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two JSON reports: new, resolved, regraded and still open findings.",
        discussion:
            "Exit codes: 0 nothing new at or above --fail-on, 1 something new (or regraded upwards) at or above it, 2 unreadable reports."
    )

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
        let diff = try StreamedReportDiff(oldReportAt: old, newReportAt: new)
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
        }
        if let grade = failOn.grade, diff.worsened(atOrAbove: grade) { throw ExitCode(ExitStatus.findings) }
    }
}
