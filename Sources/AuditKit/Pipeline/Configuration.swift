import Foundation
import Yams

/// `auditready.yml`: the settings of a check run, so a pipeline needs one line.
///
/// ```yaml
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
/// Paths are relative to the configuration file. Command-line options override every key.
public struct Configuration: Sendable, Equatable {
    public var rules: [String] = []
    public var standards: [String] = []
    public var stage: String?
    public var asOf: String?
    public var params: [String: String] = [:]
    public var formats: [String] = []
    public var output: String?
    public var outputDirectory: String?
    public var language: String?
    public var audience: String?
    public var failOn: String?
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
        "rules", "standards", "stage", "as_of", "params", "formats", "output", "output_dir",
        "lang", "audience", "fail_on", "max_findings", "waivers", "baseline", "write_baseline"
    ]

    public init() {}

    /// Reads the configuration file at `path`; relative paths in it are resolved against its directory.
    ///
    /// - Throws: ``FileFormatError`` when the file cannot be read, is larger than 1 MiB (see
    ///   `AUDITREADY_MAX_YAML_BYTES`), is not valid YAML or holds an unknown setting.
    public static func load(path: String) throws(FileFormatError) -> Configuration {
        let text = try SafeYAML.readFile(path, kind: .configuration)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        return try parse(source: text, path: path, relativeTo: directory)
    }

    /// Parses configuration text.
    public static func parse(source: String, path: String, relativeTo directory: URL? = nil) throws(FileFormatError)
        -> Configuration
    {
        func fail(_ node: Node?, _ message: String) -> FileFormatError {
            FileFormatError(file: path, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, message: message)
        }
        let root = try SafeYAML.compose(source, path: path, kind: .configuration)
        var configuration = Configuration()
        configuration.path = path
        guard let root else { return configuration }
        guard case .mapping(let mapping) = root else {
            throw fail(root, "the configuration is a mapping of settings, such as 'stage: initial'")
        }
        func scalar(_ node: Node, _ key: String) throws(FileFormatError) -> String {
            guard let value = node.scalar?.string else { throw fail(node, "'\(key)' takes a single value") }
            return value
        }
        func list(_ node: Node, _ key: String) throws(FileFormatError) -> [String] {
            if let value = node.scalar?.string { return [value] }
            guard case .sequence(let items) = node else { throw fail(node, "'\(key)' takes a list, such as [a, b]") }
            var values: [String] = []
            for item in items { values.append(try scalar(item, key)) }
            return values
        }
        func resolved(_ value: String) -> String {
            guard let directory, !value.hasPrefix("/") else { return value }
            return directory.appendingPathComponent(value).path
        }
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? "?"
            configuration.keyLocations[key] = SourceLocation(
                line: keyNode.mark?.line ?? 0, column: keyNode.mark?.column ?? 0)
            switch key {
            case "rules": configuration.rules = try list(value, key).map(resolved)
            case "standards": configuration.standards = try list(value, key)
            case "stage": configuration.stage = try scalar(value, key)
            case "as_of": configuration.asOf = try scalar(value, key)
            case "formats": configuration.formats = try list(value, key)
            case "output": configuration.output = resolved(try scalar(value, key))
            case "output_dir": configuration.outputDirectory = resolved(try scalar(value, key))
            case "lang": configuration.language = try scalar(value, key)
            case "audience": configuration.audience = try scalar(value, key)
            case "fail_on": configuration.failOn = try scalar(value, key)
            case "waivers": configuration.waivers = resolved(try scalar(value, key))
            case "baseline": configuration.baseline = resolved(try scalar(value, key))
            case "write_baseline": configuration.writeBaseline = resolved(try scalar(value, key))
            case "max_findings":
                guard let number = Int(try scalar(value, key)), number >= 0 else {
                    throw fail(value, "'max_findings' takes a whole number")
                }
                configuration.maxFindings = number
            case "params":
                guard case .mapping(let params) = value else {
                    throw fail(value, "'params' is a mapping of parameter names to values")
                }
                for (name, item) in params {
                    configuration.params[try scalar(name, "params")] = try scalar(item, "params")
                }
            default:
                let hint = NearMatch.best(for: key, among: keys).map { "; did you mean '\($0)'?" } ?? ""
                throw fail(
                    keyNode,
                    "unknown setting '\(Display.excerpt(key))'\(hint); the settings are \(keys.joined(separator: ", "))"
                )
            }
        }
        return configuration
    }

    /// A problem with the value of `key`, placed at the key in the configuration file (or naming
    /// only the file when the key's place is unknown).
    ///
    /// - Parameters:
    ///   - key: a configuration key, such as `stage`.
    ///   - message: what is wrong, in plain words; echoed values should go through ``Display/excerpt(_:limit:)``.
    public func problem(at key: String, _ message: String) -> FileFormatError {
        let location = keyLocations[key] ?? .unknown
        return FileFormatError(
            file: path ?? "auditready.yml", line: Int(location.line), column: Int(location.column), message: message)
    }
}
