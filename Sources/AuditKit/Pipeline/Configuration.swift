import Foundation
import Yams

/// `auditready.yml`: the settings of a check run, so a pipeline needs one line.
///
/// ```yaml
/// version: 1
/// rules: [Rules/iso9001, our-rules]
/// standards: [iso9001, iso10002]
/// stage: certification
/// params: {ack_days: 3}
/// formats: [json, sarif]
/// output_dir: reports
/// audience: auditor
/// fail_on: minor
/// max_findings: 20
/// waivers: waivers.yml
/// baseline: baseline.json
/// ```
/// Paths are relative to the configuration file. Command-line options override every key. Each
/// value is decoded to its type when the file is read, so a wrong one is reported at its line and
/// column with the values it can take; a file without `version` is version 1.
public struct Configuration: Sendable, Equatable {
    /// The `version` the file declares (1 when it declares none).
    public var version = YAMLFileVersion.current
    public var rules: [String] = []
    public var standards: [Standard] = []
    public var stage: Stage?
    public var asOf: CalendarDate?
    public var params: [String: String] = [:]
    public var formats: [ReportFormat] = []
    public var output: String?
    public var outputDirectory: String?
    public var language: Language?
    public var audience: Audience?
    public var failOn: FailOn?
    public var maxFindings: Int?
    public var waivers: String?
    public var baseline: String?
    public var writeBaseline: String?
    /// The file the settings were read from, when they were read from one.
    public var path: String?
    /// Where each key was written in that file (1-based line and column), for messages about its value.
    public var keyLocations: [String: SourceLocation] = [:]

    /// The keys a configuration file may use.
    public static let keys = [
        "version", "rules", "standards", "stage", "as_of", "params", "formats", "output", "output_dir",
        "lang", "audience", "fail_on", "max_findings", "waivers", "baseline", "write_baseline"
    ]

    public init() {}

    /// Reads the configuration file at `path`; relative paths in it are resolved against its directory.
    ///
    /// - Throws: ``FileFormatError`` when the file cannot be read, is larger than 1 MiB (see
    ///   `AUDITREADY_MAX_YAML_BYTES`), is not valid YAML, holds an unknown setting or a value of
    ///   the wrong kind, or declares a version this auditready does not read.
    public static func load(path: String) throws(FileFormatError) -> Configuration {
        let text = try SafeYAML.readFile(path, kind: .configuration)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        return try parse(source: text, path: path, relativeTo: directory)
    }

    /// Parses configuration text.
    public static func parse(source: String, path: String, relativeTo directory: URL? = nil) throws(FileFormatError)
        -> Configuration
    {
        let root = try SafeYAML.compose(source, path: path, kind: .configuration)
        var configuration = Configuration()
        configuration.path = path
        guard let root else { return configuration }
        let values = ConfigurationValues(path: path)
        guard case .mapping(let mapping) = root else {
            throw values.problem(at: root, "the configuration is a mapping of settings, such as 'stage: initial'")
        }
        func resolved(_ value: String) -> String {
            guard let directory, !value.hasPrefix("/") else { return value }
            return directory.appendingPathComponent(value).path
        }
        configuration.version = try YAMLFileVersion.read(mapping["version"], path: path, kind: .configuration)
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? "?"
            configuration.keyLocations[key] = SourceLocation(
                line: keyNode.mark?.line ?? 0, column: keyNode.mark?.column ?? 0)
            switch key {
            case "version": break
            case "rules": configuration.rules = try values.list(value, key).map { resolved($0.text) }
            case "standards":
                configuration.standards = try values.list(value, key).map { item throws(FileFormatError) in
                    try values.choice(
                        item, noun: "standard", among: Standard.allCases, spelling: false,
                        reading: Standard.init(claim:))
                }
            case "stage":
                configuration.stage = try values.choice(
                    value, key, noun: "stage", among: Stage.allCases, aliases: Self.stageAliases)
            case "as_of": configuration.asOf = try values.date(value, key)
            case "formats":
                configuration.formats = try values.list(value, key).map { item throws(FileFormatError) in
                    try values.choice(item, noun: "report format", among: ReportFormat.allCases)
                }
            case "output": configuration.output = resolved(try values.scalar(value, key))
            case "output_dir": configuration.outputDirectory = resolved(try values.scalar(value, key))
            case "lang":
                configuration.language = try values.choice(
                    value, key, noun: "report language", among: Language.allCases)
            case "audience":
                configuration.audience = try values.choice(value, key, noun: "audience", among: Audience.allCases)
            case "fail_on":
                configuration.failOn = try values.choice(
                    value, key, noun: "grade to fail on", among: FailOn.allCases)
            case "waivers": configuration.waivers = resolved(try values.scalar(value, key))
            case "baseline": configuration.baseline = resolved(try values.scalar(value, key))
            case "write_baseline": configuration.writeBaseline = resolved(try values.scalar(value, key))
            case "max_findings":
                guard let number = Int(try values.scalar(value, key)), number >= 0 else {
                    throw values.problem(at: value, "'max_findings' takes a whole number")
                }
                configuration.maxFindings = number
            case "params":
                guard case .mapping(let params) = value else {
                    throw values.problem(at: value, "'params' is a mapping of parameter names to values")
                }
                for (name, item) in params {
                    configuration.params[try values.scalar(name, "params")] = try values.scalar(item, "params")
                }
            default:
                let hint = NearMatch.best(for: key, among: keys).map { "; did you mean '\($0)'?" } ?? ""
                throw values.problem(
                    at: keyNode,
                    "unknown setting '\(Display.excerpt(key))'\(hint); the settings are \(keys.joined(separator: ", "))"
                )
            }
        }
        return configuration
    }

    /// What people write for a stage by its number in ISO/IEC 17021-1 ("stage 2"), for the hint.
    static let stageAliases: [String: Stage] = ["stage1": .initial, "stage2": .certification]

    /// A problem with the value of `key`, placed at the key in the configuration file (or naming
    /// only the file when the key's place is unknown).
    ///
    /// - Parameters:
    ///   - key: a configuration key, such as `stage`.
    ///   - message: what is wrong, in plain words; echoed values should go through ``Display/excerpt(_:limit:)``.
    public func problem(at key: String, _ message: String) -> FileFormatError {
        let location = keyLocations[key] ?? .unknown
        return FileFormatError(
            file: path ?? "auditready.yml", line: Int(location.line), column: Int(location.column),
            code: .configuration, message: message)
    }
}
