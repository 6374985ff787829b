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

        @Option(
            name: .customLong("as-of"),
            help: ArgumentHelp("The date to check expiry against. Default: today.", valueName: "DATE"))
        var asOf: String?

        func run() throws {
            try CheckSettings.requireReadable(file)
            let waivers = try WaiverFileReader.load(path: file)
            var date = CalendarDate.today
            if let asOf {
                switch AuditDate.parse(asOf, option: "--as-of") {
                case .success(let parsed):
                    date = parsed
                case .failure(let problem):
                    throw CommandFailure.usage(problem.message)
                }
            }
            var lines: [String] = []
            for waiver in waivers {
                let problems = waiver.problems(asOf: date)
                guard !problems.isEmpty else { continue }
                let diagnostic = Diagnostic(
                    at: DiagnosticLocation(file: file, line: waiver.line), code: .waivers,
                    message: "this waiver cannot be applied: \(problems.joined(separator: ", "))")
                lines.append(Terminal.line(diagnostic))
            }
            lines.append("\(counted(waivers.count, "waiver")), \(lines.count) that cannot be applied")
            try StandardStream.print(lines.joined(separator: "\n") + "\n")
            if lines.count > 1 { throw ExitCode(ExitStatus.findings) }
        }
    }
}
