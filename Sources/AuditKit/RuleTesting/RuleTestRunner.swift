import Foundation

/// Runs rule tests: each example's records in both spellings through the real loaders and the
/// engine, compared with the expected findings.
public enum RuleTestRunner {
    /// The outcome of one test.
    public struct Result: Sendable {
        public var test: RuleTest
        /// Why it failed, one line each; empty when it passed.
        public var failures: [String]
        public var passed: Bool { failures.isEmpty }
    }

    /// Rules that lack a passing or a failing example.
    public struct Coverage: Sendable {
        public var withoutPassingExample: [String]
        public var withoutFailingExample: [String]
        public var isComplete: Bool { withoutPassingExample.isEmpty && withoutFailingExample.isEmpty }
    }

    /// Reads every `*.tests.yml` file at or below the given paths, in path order.
    public static func discover(paths: [String]) throws(FileFormatError) -> [RuleTest] {
        var files: [String] = []
        for root in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
                throw FileFormatError(file: root, line: 0, column: 0, message: "no such directory or file")
            }
            if !isDirectory.boolValue {
                files.append(root)
                continue
            }
            let base = root.hasSuffix("/") ? root : root + "/"
            let found = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
            files += found.filter { $0.hasSuffix(".tests.yml") }.sorted().map { base + $0 }
        }
        var tests: [RuleTest] = []
        for file in files {
            if let problem = RegularFile.problem(reading: file) {
                throw FileFormatError(file: file, line: 0, column: 0, message: problem)
            }
            tests += try RuleTestFileReader.load(path: file)
        }
        return tests
    }

    /// Runs each test against `rules`.
    public static func run(_ tests: [RuleTest], rules: RuleSet) -> [Result] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "auditready-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let byID = Dictionary(rules.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return tests.enumerated().map { index, test in
            guard let rule = byID[test.rule] else {
                let hint =
                    NearMatch.best(for: test.rule, among: byID.keys.sorted()).map { "; did you mean '\($0)'?" } ?? ""
                return Result(
                    test: test, failures: ["no loaded rule has the id '\(Display.excerpt(test.rule))'\(hint)"])
            }
            var failures: [String] = []
            for (spelling, text) in [("json", RecordWriter.json(test.records)), ("xml", RecordWriter.xml(test.records))]
            {
                let file = directory.appendingPathComponent("test-\(index).\(spelling)")
                do {
                    try Data(text.utf8).write(to: file)
                    let records = try RecordLoader.load(path: file.path)
                    let options = AuditOptions(
                        asOf: test.asOf, stage: test.stage, standards: [rule.standard],
                        parameters: test.parameters, onlyRules: [rule.id])
                    let report = try AuditEngine.run(rules: rules, records: records, options: options)
                    failures += compare(
                        test.expectations, report.findings.filter { $0.rule == rule.id }, spelling: spelling)
                } catch {
                    failures.append("\(spelling): \((error as? LocalizedError)?.errorDescription ?? "\(error)")")
                }
            }
            return Result(test: test, failures: failures)
        }
    }

    /// Which rules lack a passing example (`expect: []`) or a failing one.
    public static func coverage(of tests: [RuleTest], rules: RuleSet) -> Coverage {
        let passing = Set(tests.filter { $0.expectations.isEmpty }.map(\.rule))
        let failing = Set(tests.filter { !$0.expectations.isEmpty }.map(\.rule))
        let ids = rules.rules.map(\.id)
        return Coverage(
            withoutPassingExample: ids.filter { !passing.contains($0) },
            withoutFailingExample: ids.filter { !failing.contains($0) })
    }

    /// Matches expectations to findings one to one; describes what is missing or extra.
    static func compare(_ expected: [RuleTest.Expectation], _ actual: [Finding], spelling: String) -> [String] {
        var unmatched = actual
        var missing: [RuleTest.Expectation] = []
        for expectation in expected {
            if let index = unmatched.firstIndex(where: { matches(expectation, $0) }) {
                unmatched.remove(at: index)
            } else {
                missing.append(expectation)
            }
        }
        return missing.map { "\(spelling): expected a finding \($0), but there was none" }
            + unmatched.map {
                "\(spelling): unexpected finding \($0.record ?? "(whole export)") \($0.auditGrade.rawValue) \($0.clause): \($0.message)"
            }
    }

    private static func matches(_ expectation: RuleTest.Expectation, _ finding: Finding) -> Bool {
        expectation.record == finding.record && expectation.grade == finding.auditGrade
            && (expectation.clause.map { $0 == finding.clause } ?? true)
            && (expectation.message.map { finding.message.contains($0) } ?? true)
    }
}
