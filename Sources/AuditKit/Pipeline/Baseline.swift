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

    /// The baseline of a report's findings (waived ones included).
    public init(report: AuditReport) {
        asOf = report.asOf
        fingerprints = Set(report.findings.map(\.fingerprint)).sorted()
    }

    /// The baseline as JSON text, deterministic.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }

    /// Reads a baseline file written by `--write-baseline`.
    public static func load(path: String) throws(FileFormatError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileFormatError(file: path, line: 0, column: 0, message: "cannot read this baseline file")
        }
        do {
            return try JSONDecoder().decode(Baseline.self, from: data)
        } catch {
            throw FileFormatError(file: path, line: 0, column: 0,
                                  message: "this is not a baseline written by auditready --write-baseline")
        }
    }
}
