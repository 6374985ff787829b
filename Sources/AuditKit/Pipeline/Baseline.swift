import Foundation

/// The fingerprints of the findings of one run, so a later run reports only what is new.
public struct Baseline: Sendable, Codable, Equatable {
    /// The audit date of the run that wrote it.
    public var asOf: String
    /// Sorted fingerprints.
    public var fingerprints: [String]

    enum CodingKeys: String, CodingKey {
        case fingerprints
        case asOf = "as_of"
    }

    /// The baseline of every finding of a run: those reported (waived ones included) and those
    /// the run's own baseline hid. Refreshing a baseline thus keeps the findings still present
    /// and drops only the ones that were fixed.
    public init(report: AuditReport) {
        asOf = report.asOf
        fingerprints = Set(report.findings.map(\.fingerprint)).union(report.baselined).sorted()
    }

    /// The baseline as JSON text, deterministic.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }

    /// Reads a baseline file written by `--write-baseline`.
    public static func load(path: String) throws(FileFormatError) -> Baseline {
        if let problem = RegularFile.problem(reading: path) {
            throw FileFormatError(file: path, line: 0, column: 0, message: problem)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileFormatError(file: path, line: 0, column: 0, message: "cannot read this baseline file")
        }
        do {
            return try JSONDecoder().decode(Baseline.self, from: data)
        } catch {
            throw FileFormatError(
                file: path, line: 0, column: 0,
                message: "this is not a baseline written by auditready --write-baseline")
        }
    }
}
