import BundledRules
import Foundation
import Testing
@testable import AuditKit

/// The bundled checklists: they load cleanly, every rule is proved by its examples, and every
/// sample gives the same findings in both spellings.
@Suite struct BundledRuleTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let ruleDirectories = ["Rules/iso9001", "Rules/iso10002"].map { repository.appendingPathComponent($0).path }

    @Test func bundledRulesLoadWithoutErrorsOrContractWarnings() throws {
        let rules = try RuleSet.load(paths: Self.ruleDirectories)
        #expect(rules.rules.count >= 25)
        #expect(ContractLint.check(rules.files).map(\.description) == [])
        // No bundled rule compares two registers record by record without an index.
        #expect(NestedScanLint.check(rules.files).map(\.description) == [])
        #expect(BundledRules.directories.count == 2)
    }

    @Test func everyRuleTestPasses() throws {
        let rules = try RuleSet.load(paths: Self.ruleDirectories)
        let tests = try RuleTestRunner.discover(paths: Self.ruleDirectories)
        let failures = RuleTestRunner.run(tests, rules: rules).filter { !$0.passed }
            .map { "\($0.test.rule) (\($0.test.file):\($0.test.line)): " + $0.failures.joined(separator: "; ") }
        #expect(failures == [])
    }

    @Test func everyRuleHasAPassingAndAFailingExample() throws {
        let rules = try RuleSet.load(paths: Self.ruleDirectories)
        let coverage = RuleTestRunner.coverage(
            of: try RuleTestRunner.discover(paths: Self.ruleDirectories), rules: rules)
        #expect(coverage.withoutPassingExample == [])
        #expect(coverage.withoutFailingExample == [])
    }

    @Test func everyClauseIsCheckedByARuleOrOnSite() throws {
        let coverage = ClauseCatalogue.coverage(of: try RuleSet.load(paths: Self.ruleDirectories))
        #expect(coverage.count >= 90)
        // A clause declared with sub-clauses is covered through them.
        #expect(coverage.filter { !$0.isCovered }.map { "\($0.standard.rawValue) \($0.clause)" } == [])
    }

    /// Every sample directory holds records.json and records.xml with the same records.
    static var samples: [String] {
        let directory = repository.appendingPathComponent("Samples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: directory.appendingPathComponent("\($0)/records.json").path)
        }.sorted()
    }

    @Test(arguments: samples)
    func samplesGiveTheSameFindingsInBothSpellings(sample: String) throws {
        let rules = try RuleSet.load(paths: Self.ruleDirectories)
        func findings(_ spelling: String) throws -> [String] {
            let path = Self.repository.appendingPathComponent("Samples/\(sample)/records.\(spelling)").path
            let options = AuditOptions(asOf: CalendarDate(year: 2026, month: 11, day: 15)!)
            return try AuditEngine.run(rules: rules, records: RecordLoader.load(path: path), options: options).findings
                .map { "\($0.rule) \($0.record ?? "-") \($0.grade) \($0.message)" }
        }
        let json = try findings("json")
        #expect(!json.isEmpty)
        #expect(json == (try findings("xml")))
    }
}
