import ArgumentParser
import AuditKit
import Foundation

/// `auditready template`: write an empty register workbook that `check` reads without a mapping.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write an empty register workbook (.xlsx) to fill in and check: a sheet per register, a README sheet."
    )

    @Option(help: ArgumentHelp("The workbook to write (atomically), e.g. registers.xlsx.", valueName: "FILE"))
    var output: String

    @Option(name: .customLong("lang"), help: "Language of the column titles and the README sheet: en (default) or fr.")
    var language: Language = .en

    @Option(help: "Standard whose registers to include (repeatable). Default: both.")
    var standard: [Standard] = []

    func run() throws {
        try RegisterTemplate(language: language.rawValue, standards: Set(standard)).write(to: output)
    }
}
