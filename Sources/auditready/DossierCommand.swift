import ArgumentParser
import AuditKit
import Foundation

extension DossierFormat: ExpressibleByArgument {}

/// `auditready dossier`: what the certification committee decides on, assembled from the stage 1
/// and stage 2 JSON reports and the follow-up JSON, with a recommendation.
struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract:
            "Assemble the certification committee's dossier from the stage 1 and stage 2 reports and the follow-up.",
        discussion: """
            auditready dossier --stage1 S1.json --stage2 S2.json [--followup F.json] --format F --output FILE \
            (or --output-dir DIR with one or more --format). The reports are those of auditready check \
            --format json; the follow-up that of auditready followup --format json on the stage 2 report. \
            Exit codes: 0 recommendation to grant; 1 any other recommendation; 2 unusable or inconsistent input.
            """)

    @Option(
        name: .customLong("stage1"),
        help: ArgumentHelp(
            "The stage 1 JSON report (auditready check --stage initial --format json).", valueName: "FILE"))
    var stage1: String

    @Option(
        name: .customLong("stage2"),
        help: ArgumentHelp("The stage 2 JSON report (auditready check --format json).", valueName: "FILE"))
    var stage2: String

    @Option(
        name: .customLong("followup"),
        help: ArgumentHelp(
            "The follow-up of the stage 2 report (auditready followup --format json).", valueName: "FILE"))
    var followUp: String?

    @Option(
        help:
            "Format: markdown (default), html, json or docx; repeatable with --output-dir (docx needs --output or --output-dir)."
    )
    var format: [DossierFormat] = []

    @Option(
        help: ArgumentHelp("Write the dossier to this file (atomically) instead of standard output.", valueName: "FILE")
    )
    var output: String?

    @Option(
        name: .customLong("output-dir"),
        help: ArgumentHelp("Write every --format to DIR/dossier.<ext> (md, html, json, docx).", valueName: "DIR"))
    var outputDirectory: String?

    @Option(name: .customLong("lang"), help: "Language: en or fr (default: the stage 2 report's).")
    var language: Language?

    func validate() throws {
        if output != nil, outputDirectory != nil {
            throw ValidationError("give either --output FILE or --output-dir DIR, not both")
        }
        if outputDirectory == nil, format.count > 1 {
            throw ValidationError("several --format need --output-dir DIR")
        }
        if output == nil, outputDirectory == nil, format.contains(where: \.isBinary) {
            throw ValidationError("--format docx writes a binary file: give --output FILE or --output-dir DIR")
        }
    }

    func run() throws {
        let inputs = [stage1, stage2] + (followUp.map { [$0] } ?? [])
        let first = try DossierReportFile.load(path: stage1)
        let second = try DossierReportFile.load(path: stage2)
        let answers = try followUp.map { path in try DossierFollowUpFile.load(path: path) }
        try DossierConsistency.check(stage1: first, stage2: second, followUp: answers)
        let dossier = CertificationDossier(
            stage1: first, stage2: second, followUp: answers, language: language ?? second.language)
        let formats = format.isEmpty ? [DossierFormat.markdown] : format
        do {
            if let outputDirectory {
                try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
                for chosen in formats {
                    let path = URL(fileURLWithPath: outputDirectory).appendingPathComponent(
                        "dossier.\(chosen.fileExtension)"
                    ).path
                    try AtomicFile.write(chosen.rendered(dossier), to: path, protected: inputs)
                }
            } else if let output {
                try AtomicFile.write(formats[0].rendered(dossier), to: output, protected: inputs)
            } else {
                try StandardStream.print(formats[0].rendered(dossier).string, what: "the dossier")
            }
        } catch let error as AtomicFile.WriteError {
            throw error
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure([
                Diagnostic(code: .output, message: "cannot write the dossier: \(error.localizedDescription)")
            ])
        }
        if !dossier.isGrant { throw ExitCode(ExitStatus.findings) }
    }
}
