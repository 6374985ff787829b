import ArgumentParser
import AuditKit
import Foundation

/// `auditready validate`: check exports against the records contract's structure.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check records exports against the records contract: XML with the XML Schema, JSON by its structure.",
        discussion: "Exit codes: 0 valid, 1 violations (listed on standard output), 2 a file cannot be read.")

    @Argument(help: ArgumentHelp("Records export files (.xml or .json) or workbooks (.xlsx).", valueName: "FILE"))
    var files: [String]

    /// The violations printed for one file at most.
    static let shownPerFile = 100

    func run() throws {
        var lines: [String] = []
        var count = 0
        var checked = 0
        for file in files {
            do {
                let outcome = try RecordValidation.validate(path: file)
                // A file with thousands of problems gets its first ones, then how many more.
                lines.append(
                    contentsOf: outcome.violations.prefix(Self.shownPerFile).map { Terminal.line($0.diagnostic) })
                if outcome.violations.count > Self.shownPerFile {
                    lines.append("… and \(outcome.violations.count - Self.shownPerFile) more problems in this file")
                }
                count += outcome.violations.count { !$0.isNote }
                checked += 1
            } catch {
                Terminal.show(error.diagnostic)
            }
        }
        let unreadable = files.count - checked
        if let summary = ValidateCommand.summary(checked: checked, violations: count, unreadable: unreadable) {
            lines.append(summary)
        }
        if !lines.isEmpty { try StandardStream.print(lines.joined(separator: "\n") + "\n") }
        if unreadable > 0 { throw ExitCode(ExitStatus.unusable) }
        if count > 0 { throw ExitCode(ExitStatus.findings) }
    }

    /// The last line: how many files were checked and what was found. Never says "valid" when
    /// a file could not be read; nothing when none could.
    static func summary(checked: Int, violations: Int, unreadable: Int) -> String? {
        guard checked > 0 else { return nil }
        let files = counted(checked, "file")
        let found = counted(violations, "violation")
        if unreadable == 0 { return violations == 0 ? "\(files): valid" : "\(files): \(found)" }
        return "\(files) checked: \(violations == 0 ? "no violations" : found); \(unreadable) more cannot be read"
    }
}
