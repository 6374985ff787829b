import ArgumentParser
import AuditKit
import Foundation

/// `auditready test`: run the examples that prove each rule (docs/rule-tests.md).
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run rule tests (*.tests.yml beside the rules), in both the JSON and the XML spelling.",
        discussion: "Exit codes: 0 all tests pass, 1 a test failed, 2 a test or rule file cannot be used.")

    @Argument(
        help: ArgumentHelp(
            "Directories holding .rules and .tests.yml files. Default: the bundled checklists.",
            valueName: "DIR"))
    var paths: [String] = []

    @Flag(help: "List every test, not only the failures.")
    var verbose = false

    @Flag(name: .customLong("require-examples"), help: "Fail when a rule has no passing or no failing example.")
    var requireExamples = false

    func run() throws {
        let directories = RuleDirectories.resolve(paths)
        let rules = try RuleSet.load(paths: directories)
        let tests = try RuleTestRunner.discover(paths: directories)
        var lines: [String] = []
        let results = RuleTestRunner.run(tests, rules: rules)
        for result in results where verbose || !result.passed {
            let test = result.test
            let label = test.name.isEmpty ? "" : ": \(test.name)"
            lines.append(
                TerminalText.line(
                    "\(result.passed ? "PASS" : "FAIL")  \(test.rule)\(label) (\(test.file):\(test.line))"))
            lines += result.failures.map { TerminalText.line("      \($0)") }
        }
        let coverage = RuleTestRunner.coverage(of: tests, rules: rules)
        lines += coverage.withoutPassingExample.map { "warning: rule \($0) has no example where it holds (expect: [])" }
        lines += coverage.withoutFailingExample.map { "warning: rule \($0) has no example where it raises a finding" }
        let failed = results.filter { !$0.passed }.count
        lines.append("\(results.count - failed) passed, \(failed) failed")
        try StandardStream.print(lines.joined(separator: "\n") + "\n")
        if failed > 0 || (requireExamples && !coverage.isComplete) { throw ExitCode(ExitStatus.findings) }
    }
}
