import ArgumentParser
import AuditKit
import Foundation

/// `auditready validate`: check exports against the records contract's structure.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check records exports against the records contract: XML with the XML Schema, JSON by its structure.",
        discussion: "Exit codes: 0 valid, 1 violations (listed on standard output), 2 a file cannot be read.")

    @Argument(help: ArgumentHelp("Records export files (.xml or .json).", valueName: "FILE"))
    var files: [String]

    /// The violations printed for one file at most.
    static let shownPerFile = 100

    func run() throws {
        var lines: [String] = []
        var count = 0
        var unreadable = false
        for file in files {
            do {
                let outcome = try RecordValidation.validate(path: file)
                // A file with thousands of problems gets its first ones, then how many more.
                lines.append(contentsOf: outcome.violations.prefix(Self.shownPerFile).map(\.description))
                if outcome.violations.count > Self.shownPerFile {
                    lines.append("… and \(outcome.violations.count - Self.shownPerFile) more problems in this file")
                }
                count += outcome.violations.count
            } catch {
                Terminal.error(error.description)
                unreadable = true
            }
        }
        lines.append(count == 0 ? "\(files.count) file(s): valid" : "\(files.count) file(s): \(count) violation(s)")
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        if unreadable { throw ExitCode(ExitStatus.unusable) }
        if count > 0 { throw ExitCode(ExitStatus.findings) }
    }
}
