import ArgumentParser
import AuditKit
import Foundation

/// `auditready map`: read CSV registers or exports through a mapping and write contract JSON.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract:
            "Read CSV registers or exports in another shape through a mapping and write the records contract's JSON.",
        discussion: """
            Structural problems in the result are listed on standard error as warnings. \
            Exit codes: 0 written, 2 unusable mapping, input or output.
            """)

    @Option(
        help: ArgumentHelp(
            "The mapping (YAML, see docs/mappings.md), or a bundled one by name: erpnext.", valueName: "FILE"))
    var mapping: String

    @Option(help: ArgumentHelp("Write the records here (JSON, atomically).", valueName: "FILE"))
    var output: String

    @Argument(
        help: ArgumentHelp("CSV registers (.csv), workbooks (.xlsx) or exports (.xml, .json).", valueName: "INPUT"))
    var inputs: [String]

    func run() throws {
        let records = try MapCommand.load(inputs, mapping: mapping)
        for violation in ContractValidator.violations(in: records) {
            Terminal.show(
                Diagnostic(
                    .warning,
                    at: violation.diagnosticLocation, code: .contract, message: violation.message))
        }
        // The files read, also those an input directory stands for, are never overwritten.
        try AtomicFile.write(
            RecordWriter.streamedJSON(records.root), to: output,
            protected: inputs + [mapping] + records.inputs.map(\.path))
    }

    /// Reads the mapping and the inputs through it; unusable ones end the run with status 2.
    static func load(_ inputs: [String], mapping path: String) throws -> RecordSet {
        let mapping: Mapping
        if let bundled = try BundledMapping.load(named: path) {
            mapping = bundled
        } else {
            try CheckSettings.requireReadable(path)
            mapping = try MappingReader.load(path: path)
        }
        return try MappedLoader.load(paths: inputs, mapping: mapping)
    }
}
