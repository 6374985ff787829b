import Foundation
import Yams

/// Reads a responses file (YAML), the organisation's answers to the findings of a stage 2 report:
///
/// ```yaml
/// version: 1
/// responses:
///   - fingerprint: 3f2a9c0d1e4b5a67
///     rule: Q46-auditor-independence          # read-only: which finding this answers
///     record: IA-2026-03
///     correction: Audit of PR-QMS repeated by the production manager (IA-2026-04).
///     root_cause: The audit programme did not check who owns each audited process.
///     corrective_action: The programme form now shows each process owner beside the auditor.
///     owner: Claire Dupont, quality manager
///     due_on: 2027-01-31
///     completed_on: 2027-01-20
///     evidence: [IA-2026-04, PRG-2027 rev. 2]
///     comment: optional
/// ```
///
/// A response names its finding by `fingerprint`, or by `rule` and `record` (no record for a
/// finding about the export as a whole). `standard`, `clause`, `grade`, `collection` and `finding`
/// are written by `followup --template` to show which finding is answered, and are not read.
public enum ResponseFileReader {
    /// The `version` this reader understands and the template writes; a file without one is version 1.
    public static let version = YAMLFileVersion.current

    /// Keys a response may have.
    static let responseKeys = [
        "fingerprint", "rule", "record", "standard", "clause", "grade", "collection", "finding",
        "correction", "root_cause", "corrective_action", "owner", "due_on", "completed_on",
        "evidence", "comment"
    ]

    /// Reads the responses file at `path`.
    ///
    /// - Throws: ``FileFormatError`` when it is not a readable regular file of UTF-8 text under
    ///   its size limit (8 MiB, `AUDITREADY_MAX_YAML_BYTES`), or not a responses file.
    public static func load(path: String) throws(FileFormatError) -> [CorrectiveActionResponse] {
        if let problem = RegularFile.problem(reading: path) {
            throw FileFormatError(file: path, line: 0, column: 0, code: .responses, message: problem)
        }
        return try read(source: SafeYAML.readFile(path, kind: .responses), path: path)
    }

    /// The responses of the YAML text `source` from the file `path`.
    public static func read(source: String, path: String) throws(FileFormatError) -> [CorrectiveActionResponse] {
        let root = try SafeYAML.compose(source, path: path, kind: .responses)
        guard let root, case .mapping(let top) = root else {
            throw error(root, path, "a responses file is a mapping with 'version: 1' and a 'responses' list")
        }
        _ = try YAMLFileVersion.read(top["version"], path: path, kind: .responses)
        var items: [Node] = []
        for (key, value) in top {
            switch key.scalar?.string {
            case "version": break
            case "responses":
                if case .sequence(let list) = value {
                    items = Array(list)
                } else if !isEmpty(value) {
                    throw error(value, path, "'responses' is a list with one entry per finding")
                }
            default:
                let name = key.scalar?.string ?? "?"
                let hint =
                    NearMatch.best(for: name, among: ["version", "responses"]).map { "; did you mean '\($0)'?" } ?? ""
                throw error(key, path, "unknown key '\(name)' at the top of a responses file\(hint)")
            }
        }
        var responses: [CorrectiveActionResponse] = []
        for item in items { responses.append(try response(item, path: path)) }
        return responses
    }

    /// One response, from a mapping of the `responses` list.
    private static func response(_ item: Node, path: String) throws(FileFormatError) -> CorrectiveActionResponse {
        guard case .mapping(let mapping) = item else {
            throw error(
                item, path,
                "each response is a mapping with the finding's fingerprint (or rule and record), correction, root_cause, corrective_action, owner and due_on"
            )
        }
        var response = CorrectiveActionResponse(line: item.mark?.line ?? 0, column: item.mark?.column ?? 0)
        for (key, value) in mapping {
            let name = key.scalar?.string ?? "?"
            guard responseKeys.contains(name) else {
                let hint = NearMatch.best(for: name, among: responseKeys).map { "; did you mean '\($0)'?" } ?? ""
                throw error(key, path, "unknown key '\(name)' in a response\(hint)")
            }
            if name == "evidence" {
                response.evidence = try list(value, path: path)
                continue
            }
            let text = try scalar(value, key: name, path: path)
            switch name {
            case "fingerprint": response.fingerprint = text
            case "rule": response.rule = text
            case "record": response.record = text
            case "correction": response.correction = text
            case "root_cause": response.rootCause = text
            case "corrective_action": response.correctiveAction = text
            case "owner": response.owner = text
            case "comment": response.comment = text
            case "due_on": response.dueOn = try date(text, value, key: name, path: path)
            case "completed_on": response.completedOn = try date(text, value, key: name, path: path)
            default: break  // read-only keys written by the template
            }
        }
        if response.fingerprint == nil && response.rule == nil {
            throw error(
                item, path, "this response names no finding: give its 'fingerprint' (or its 'rule' and 'record')")
        }
        return response
    }

    /// The text of a scalar value, nil when empty or null.
    private static func scalar(_ node: Node, key: String, path: String) throws(FileFormatError) -> String? {
        guard case .scalar(let scalar) = node else {
            throw error(node, path, "'\(key)' is a single value, not a list or a mapping")
        }
        if isEmpty(node) { return nil }
        return scalar.string
    }

    /// The items of `evidence`: a list of texts, or one text.
    private static func list(_ node: Node, path: String) throws(FileFormatError) -> [String] {
        if isEmpty(node) { return [] }
        if case .scalar(let scalar) = node { return [scalar.string] }
        guard case .sequence(let sequence) = node else {
            throw error(node, path, "'evidence' is a list of record ids or document references")
        }
        var items: [String] = []
        for element in sequence {
            guard case .scalar(let scalar) = element else {
                throw error(element, path, "each evidence item is one record id or document reference")
            }
            if !isEmpty(element) { items.append(scalar.string) }
        }
        return items
    }

    /// A date written `YYYY-MM-DD`; nil for an empty value.
    private static func date(_ text: String?, _ node: Node, key: String, path: String) throws(FileFormatError)
        -> CalendarDate?
    {
        guard let text else { return nil }
        guard let date = CalendarDate.parse(text), date.secondOfDay == nil, date.description == text else {
            throw error(
                node, path, "'\(key)' needs a date written YYYY-MM-DD, such as 2027-01-31; '\(text)' is not one")
        }
        return date
    }

    /// True for an empty or null value (`""`, `~`, `null`, nothing).
    private static func isEmpty(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        if scalar.string.isEmpty { return true }
        return scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private static func error(_ node: Node?, _ path: String, _ message: String) -> FileFormatError {
        FileFormatError(
            file: path, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, code: .responses, message: message
        )
    }
}
