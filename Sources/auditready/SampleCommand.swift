import ArgumentParser
import AuditKit
import Foundation

/// `auditready sample`: write a synthetic export of a given size, for benchmarks and trials.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a generated records export (records.json and records.xml) with N complaints.")

    @Option(help: "Number of complaints; orders and releases follow it, nonconformities are one in 20.")
    var complaints: Int

    @Option(help: "Seed of the pseudo-random choices; the same seed gives the same files.")
    var seed: UInt64 = 1

    @Option(
        name: .customLong("skew"),
        help: ArgumentHelp(
            "Give one field the same value in every record of its collection: root-cause (nonconformities), complainant, category, product (complaints), title (documents), owner (processes), auditor (internal audits), or all. Repeat the option or separate names with commas. Default: the uniform sample.",
            valueName: "NAMES"))
    var skewNames: [String] = []

    @Option(
        name: .customLong("output-dir"),
        help: ArgumentHelp("Folder to write records.json and records.xml into.", valueName: "DIR"))
    var outputDirectory: String

    func validate() throws {
        guard complaints >= 0, complaints <= 50_000_000 else {
            throw ValidationError("--complaints needs a number from 0 to 50000000")
        }
        for names in skewNames where SampleSkew.parse(names) == nil {
            throw ValidationError(
                "--skew takes \(SampleSkew.allCases.map(\.rawValue).joined(separator: ", ")) or all, "
                    + "separated by commas; '\(names)' names none of them")
        }
    }

    /// The skews named by every `--skew`.
    private var skews: Set<SampleSkew> {
        skewNames.reduce(into: Set<SampleSkew>()) { $0.formUnion(SampleSkew.parse($1) ?? []) }
    }

    /// Both files are written as every output is (``AtomicFile``): to a temporary file beside
    /// each, renamed over it once whole, so a failed or interrupted run leaves no half-written
    /// export and an existing one as it was.
    func run() throws {
        do {
            try OutputDirectory.create(outputDirectory)
            let json = try AtomicFile.Pending(
                path: (outputDirectory as NSString).appendingPathComponent("records.json"))
            let xml = try AtomicFile.Pending(path: (outputDirectory as NSString).appendingPathComponent("records.xml"))
            // On any error the two go out of scope uncommitted, and their temporary files are removed.
            try SampleGenerator(complaints: complaints, seed: seed, skews: skews).write(
                json: json.handle, xml: xml.handle)
            try json.commit()
            try xml.commit()
        } catch let error as AtomicFile.WriteError {
            throw error
        } catch {
            throw CommandFailure([
                Diagnostic(code: .output, message: "cannot write the sample: \(error.localizedDescription)")
            ])
        }
    }
}
