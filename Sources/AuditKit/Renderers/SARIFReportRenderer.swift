import Foundation

/// The report as SARIF 2.1.0, for code-scanning dashboards: one result per finding, with the
/// record as a logical location (`complaints/CMP-0107`), the file and line (or a workbook's sheet
/// and cell, as properties) as a physical location,
/// and rule metadata with the guidance as help text.
public struct SARIFReportRenderer: ReportRenderer {
    public static let identifier = "sarif"
    public static let fileExtension = "sarif"

    public init() {}

    public func render(_ report: AuditReport) -> String {
        let s = report.strings
        let ruleIndex = Dictionary(
            report.ruleResults.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rules = report.ruleResults.map { rule in
            SARIF.Rule(
                id: rule.id, name: Self.pascalName(rule.id),
                shortDescription: .init(text: rule.title),
                fullDescription: .init(text: "\(s.clauseReference(rule.standard, rule.clause)): \(rule.title)"),
                help: report.audience == .auditor ? nil : rule.guidance.map { SARIF.Message(text: $0) },
                defaultConfiguration: .init(level: report.stage == .initial ? "note" : Self.level(rule.grade)),
                properties: .init(
                    standard: rule.standard.rawValue, clause: rule.clause, grade: rule.grade.rawValue,
                    stage2Grade: nil, tags: [rule.standard.rawValue, "clause-\(rule.clause)"]))
        }
        let results = report.findings.map { finding -> SARIF.Result in
            var location = SARIF.Location()
            location.physicalLocation = Self.physicalLocation(finding.location)
            if let record = finding.record {
                let collection = finding.collection ?? "records"
                location.logicalLocations = [
                    .init(name: record, fullyQualifiedName: "\(collection)/\(record)", kind: "object")
                ]
            } else {
                location.logicalLocations = [
                    .init(
                        name: finding.clause, fullyQualifiedName: "\(finding.standard.rawValue)/\(finding.clause)",
                        kind: "module")
                ]
            }
            return SARIF.Result(
                ruleId: finding.rule, ruleIndex: ruleIndex[finding.rule], level: Self.level(finding.grade),
                message: .init(text: finding.message), locations: [location],
                partialFingerprints: finding.fingerprint.isEmpty ? nil : ["auditready/v1": finding.fingerprint],
                suppressions: finding.waiver.map { waiver in
                    [
                        SARIF.Suppression(
                            justification: [
                                waiver.justification, waiver.approver.map { "approved by \($0)" },
                                waiver.expires.map { "until \($0)" }
                            ]
                            .compactMap { $0 }.joined(separator: "; "))
                    ]
                },
                properties: .init(
                    standard: finding.standard.rawValue, clause: finding.clause,
                    grade: finding.grade.rawValue, stage2Grade: finding.stage2Grade?.rawValue,
                    tags: nil))
        }
        // One artifact per file: each sheet of a workbook is an input of its own, with the same path.
        var listed = Set<String>()
        let artifacts = report.inputs.filter { listed.insert($0.path).inserted }.map { input in
            SARIF.Artifact(location: .init(uri: Self.uri(input.path)), hashes: ["sha-256": input.sha256])
        }
        // Defects of the export file are not results (nonconformities): they are notifications
        // about the run's input.
        let notes = report.exportNotes.map { note -> SARIF.Notification in
            var location = SARIF.Location()
            location.physicalLocation = Self.physicalLocation(note.location)
            return SARIF.Notification(
                message: .init(text: note.message),
                locations: location.physicalLocation == nil ? nil : [location])
        }
        let log = SARIF.Log(runs: [
            SARIF.Run(
                tool: .init(driver: .init(name: report.tool.name, version: report.tool.version, rules: rules)),
                invocations: [SARIF.Invocation(toolExecutionNotifications: notes.isEmpty ? nil : notes)],
                artifacts: artifacts, results: results, language: report.language.rawValue,
                properties: .init(
                    asOf: report.asOf, stage: report.stage.rawValue, ruleSetFingerprint: report.rules.fingerprint,
                    generatedAt: report.generatedAt))
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(log)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// SARIF levels: majors are errors, minors warnings, the rest notes (stage 1 areas of
    /// concern too: they are not nonconformities yet).
    static func level(_ grade: Grade) -> String {
        switch grade {
        case .major: return "error"
        case .minor: return "warning"
        case .observation, .opportunity, .concern: return "note"
        }
    }

    /// `Q44-internal-audit-done` as `Q44InternalAuditDone`.
    static func pascalName(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }

    /// Where a finding or note is, nil without a file: a line of a text file, or a cell of a
    /// workbook. A workbook's URI is the workbook's, and its `sheet` and `cell` go in the
    /// location's `properties` (SARIF regions count lines and bytes of text files).
    static func physicalLocation(_ location: Finding.Location) -> SARIF.PhysicalLocation? {
        guard let file = location.file else { return nil }
        guard let sheet = location.sheet else {
            return .init(
                artifactLocation: .init(uri: uri(file)),
                region: location.line.map { SARIF.Region(startLine: max(1, $0)) })
        }
        var properties = ["sheet": sheet]
        properties["cell"] = location.cell
        return .init(artifactLocation: .init(uri: uri(file)), region: nil, properties: properties)
    }

    /// A file path as a URI reference: percent-encoded, so spaces and `#` cannot change its meaning.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";:")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? "unknown"
    }
}

/// The subset of the SARIF 2.1.0 object model the renderer writes.
enum SARIF {
    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var invocations: [Invocation]
        var artifacts: [Artifact]
        var results: [Result]
        var language: String
        var properties: RunProperties
        var columnKind = "unicodeCodePoints"
    }

    /// The run itself; its notifications carry the export notes.
    struct Invocation: Encodable {
        var executionSuccessful = true
        var toolExecutionNotifications: [Notification]?
    }

    struct Notification: Encodable {
        var level = "warning"
        var message: Message
        var locations: [Location]?
    }

    struct RunProperties: Encodable {
        var asOf: String
        var stage: String
        var ruleSetFingerprint: String
        var generatedAt: String?
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name: String
        var version: String
        var rules: [Rule]
    }

    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message?
        var defaultConfiguration: Configuration
        var properties: Properties
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct Properties: Encodable {
        var standard: String
        var clause: String
        var grade: String
        /// Stage 1: the grade an area of concern would carry at stage 2.
        var stage2Grade: String?
        var tags: [String]?
    }

    struct Message: Encodable {
        var text: String
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]?
        var suppressions: [Suppression]?
        var properties: Properties
    }

    /// A waived finding, as SARIF consumers show accepted results.
    struct Suppression: Encodable {
        var kind = "external"
        var status = "accepted"
        var justification: String?
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation?
        var logicalLocations: [LogicalLocation]?
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
        /// `sheet`, and `cell` (`C12`) when the place is a cell, for a place in a workbook.
        var properties: [String: String]?
    }

    struct ArtifactLocation: Encodable {
        var uri: String
    }

    struct Region: Encodable {
        var startLine: Int
    }

    struct LogicalLocation: Encodable {
        var name: String
        var fullyQualifiedName: String
        var kind: String
    }

    struct Artifact: Encodable {
        var location: ArtifactLocation
        var hashes: [String: String]
    }
}
