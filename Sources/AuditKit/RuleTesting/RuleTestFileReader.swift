import Foundation
import Yams

/// Reads rule-test files (`*.tests.yml`, see docs/rule-tests.md) into ``RuleTest`` values.
public enum RuleTestFileReader {
    /// The default audit date of rule tests.
    public static let defaultAuditDate = CalendarDate(year: 2026, month: 11, day: 15)!

    /// Reads every test of the rule-test file at `path`.
    ///
    /// - Throws: ``FileFormatError`` when the file cannot be read, is larger than 8 MiB (see
    ///   `AUDITREADY_MAX_YAML_BYTES`) or is not a valid rule-test file.
    public static func load(path: String) throws(FileFormatError) -> [RuleTest] {
        try read(source: try SafeYAML.readFile(path, kind: .ruleTests), path: path)
    }

    /// Reads every test of the YAML text `source` from the file `path`.
    public static func read(source: String, path: String) throws(FileFormatError) -> [RuleTest] {
        let root = try SafeYAML.compose(source, path: path, kind: .ruleTests)
        let reader = Reader(path: path)
        guard let root, case .mapping(let top) = root else {
            throw reader.error(at: root, "a rule-test file is a mapping with a 'tests' list, as in docs/rule-tests.md")
        }
        try reader.allowOnly(["as_of", "tests"], in: top)
        let fileDate =
            try top["as_of"].map { node throws(FileFormatError) in try reader.date(node) } ?? defaultAuditDate
        guard let testsNode = top["tests"], case .sequence(let tests) = testsNode else {
            throw reader.error(at: root, "the file needs a 'tests' list")
        }
        var result: [RuleTest] = []
        for node in tests {
            result.append(try reader.test(node, auditDate: fileDate))
        }
        return result
    }

    /// Converts YAML nodes, reporting problems with their line and column.
    private struct Reader {
        let path: String
        /// The names of the tests' records.
        let recordNames = NameTable()

        func error(at node: Node?, _ message: String) -> FileFormatError {
            FileFormatError(
                file: path, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, code: .ruleTests,
                message: message)
        }

        func allowOnly(_ keys: [String], in mapping: Node.Mapping) throws(FileFormatError) {
            for (key, _) in mapping {
                guard let name = key.scalar?.string, keys.contains(name) else {
                    let word = Display.excerpt(key.scalar?.string ?? "?")
                    let hint = NearMatch.best(for: word, among: keys).map { "; did you mean '\($0)'?" } ?? ""
                    throw error(
                        at: key, "unknown key '\(word)'; expected one of \(keys.joined(separator: ", "))\(hint)")
                }
            }
        }

        func text(_ node: Node?, _ what: String) throws(FileFormatError) -> String {
            guard let scalar = node?.scalar, !Reader.isNull(scalar) else {
                throw error(at: node, "\(what) must be a single value")
            }
            return scalar.string
        }

        func date(_ node: Node) throws(FileFormatError) -> CalendarDate {
            let value = try text(node, "as_of")
            guard let date = CalendarDate.parse(value), date.secondOfDay == nil else {
                throw error(at: node, "as_of must be a date written YYYY-MM-DD, not '\(Display.excerpt(value))'")
            }
            return date
        }

        func test(_ node: Node, auditDate: CalendarDate) throws(FileFormatError) -> RuleTest {
            guard case .mapping(let mapping) = node else {
                throw error(at: node, "each test is a mapping with rule, records and expect")
            }
            try allowOnly(["rule", "name", "records", "expect", "stage", "params", "as_of"], in: mapping)
            guard let ruleNode = mapping["rule"] else {
                throw error(at: node, "this test does not say which rule it tests ('rule:')")
            }
            guard let recordsNode = mapping["records"] else { throw error(at: node, "this test has no 'records:'") }
            guard let expectNode = mapping["expect"] else {
                throw error(at: node, "this test has no 'expect:' (write 'expect: []' for no finding)")
            }
            guard case .record(let records) = try value(recordsNode) ?? .record(Record()) else {
                throw error(at: recordsNode, "records must be a mapping of collections and groups, as in an export")
            }
            var stage = Stage.certification
            if let stageNode = mapping["stage"] {
                let word = try text(stageNode, "stage")
                guard let parsed = Stage(rawValue: word) else {
                    throw error(
                        at: stageNode,
                        "stage must be initial, certification, surveillance or recertification, not '\(Display.excerpt(word))'"
                    )
                }
                stage = parsed
            }
            var parameters: [String: String] = [:]
            if let paramsNode = mapping["params"] {
                guard case .mapping(let params) = paramsNode else {
                    throw error(at: paramsNode, "params must be a mapping of names to values")
                }
                for (key, value) in params {
                    parameters[try text(key, "a parameter name")] = try text(value, "a parameter value")
                }
            }
            return RuleTest(
                rule: try text(ruleNode, "rule"),
                name: try mapping["name"].map { n throws(FileFormatError) in try text(n, "name") } ?? "",
                records: records, expectations: try expectations(expectNode), stage: stage,
                parameters: parameters,
                asOf: try mapping["as_of"].map { n throws(FileFormatError) in try date(n) } ?? auditDate,
                file: path, line: node.mark?.line ?? 0)
        }

        func expectations(_ node: Node) throws(FileFormatError) -> [RuleTest.Expectation] {
            guard case .sequence(let items) = node else {
                throw error(at: node, "expect must be a list of findings ([] for none)")
            }
            var result: [RuleTest.Expectation] = []
            for item in items {
                guard case .mapping(let mapping) = item else {
                    throw error(at: item, "each expected finding is a mapping with record and grade")
                }
                try allowOnly(["record", "grade", "clause", "message"], in: mapping)
                guard let recordNode = mapping["record"] else {
                    throw error(at: item, "an expected finding needs 'record:' (null for the whole export)")
                }
                let record = recordNode.scalar.flatMap { Reader.isNull($0) ? nil : $0.string }
                let gradeWord = try text(mapping["grade"] ?? item, "grade")
                guard let grade = Grade(rawValue: gradeWord) else {
                    throw error(
                        at: mapping["grade"],
                        "grade must be major, minor, observation or opportunity, not '\(Display.excerpt(gradeWord))'")
                }
                result.append(
                    .init(
                        record: record, grade: grade,
                        clause: try mapping["clause"].map { n throws(FileFormatError) in try text(n, "clause") },
                        message: try mapping["message"].map { n throws(FileFormatError) in try text(n, "message") }))
            }
            return result
        }

        /// A YAML node as an export value: scalars as text, null as absent; the names of its
        /// records in `recordNames`, the table of the test's records.
        func value(_ node: Node) throws(FileFormatError) -> Value? {
            let location = SourceLocation(line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
            switch node {
            case .scalar(let scalar):
                return Reader.isNull(scalar) ? nil : .text(scalar.string)
            case .sequence(let items):
                var values: [Value] = []
                for item in items { if let value = try value(item) { values.append(value) } }
                return values.isEmpty ? nil : .list(values)
            case .mapping(let mapping):
                // Fields gathered first and stored once: appending to a record rebuilds it, which
                // made a mapping of many fields quadratic.
                var fields: [Record.Field] = []
                var names = Set<String>()
                for (key, item) in mapping {
                    let name = try text(key, "a field name")
                    guard names.insert(name).inserted else {
                        throw error(at: key, "the field '\(Display.excerpt(name))' appears twice")
                    }
                    if let value = try value(item) { fields.append(.init(name: recordNames.name(name), value: value)) }
                }
                return .record(Record(fields: fields, names: recordNames, location: location))
            case .alias:
                // SafeYAML refuses aliases before the tree is built; Yams never makes this case when reading.
                throw error(
                    at: node,
                    "YAML anchors and aliases (&name, *name) are not allowed in a rule-test file; write the records out"
                )
            }
        }

        static func isNull(_ scalar: Node.Scalar) -> Bool {
            scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }
    }
}
