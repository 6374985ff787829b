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

    /// The keys a configuration file may use.
    public static let keys = ["rules", "standards", "stage", "as_of", "params", "formats", "output", "output_dir",
                              "lang", "audience", "fail_on", "max_findings", "waivers", "baseline", "write_baseline"]

    public init() {}

    /// Reads the configuration file at `path`; relative paths in it are resolved against its directory.
    public static func load(path: String) throws(FileFormatError) -> Configuration {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw FileFormatError(file: path, line: 0, column: 0, message: "cannot read this configuration file")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        return try parse(source: text, path: path, relativeTo: directory)
    }

    /// Parses configuration text.
    public static func parse(source: String, path: String, relativeTo directory: URL? = nil) throws(FileFormatError) -> Configuration {
        func fail(_ node: Node?, _ message: String) -> FileFormatError {
            FileFormatError(file: path, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, message: message)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: source)
        } catch {
            throw FileFormatError(file: path, line: 0, column: 0, message: "this is not valid YAML: \(error)")
        }
        var configuration = Configuration()
        guard let root else { return configuration }
        guard case .mapping(let mapping) = root else { throw fail(root, "the configuration is a mapping of settings, such as 'stage: initial'") }
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
                guard let number = Int(try scalar(value, key)), number >= 0 else { throw fail(value, "'max_findings' takes a whole number") }
                configuration.maxFindings = number
            case "params":
                guard case .mapping(let params) = value else { throw fail(value, "'params' is a mapping of parameter names to values") }
                for (name, item) in params { configuration.params[try scalar(name, "params")] = try scalar(item, "params") }
            default:
                let hint = NearMatch.best(for: key, among: keys).map { "; did you mean '\($0)'?" } ?? ""
                throw fail(keyNode, "unknown setting '\(key)'\(hint); the settings are \(keys.joined(separator: ", "))")
            }
        }
        return configuration
    }
}
