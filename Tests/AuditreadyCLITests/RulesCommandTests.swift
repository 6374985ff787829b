import Foundation
import Testing

@Suite struct RulesCommandTests {
    @Test func listShowsBundledAndBuiltInRules() throws {
        let outcome = try CommandRunner.run(["rules", "list"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(outcome.stdout.contains("AR-4.3-not-applicable-clause"))
        #expect(outcome.stdout.contains("AR-waiver-invalid"), "every built-in check that can raise a finding")
        #expect(lines.count > 25)
    }

    @Test func lintAcceptsTheBundledChecklists() throws {
        let outcome = try CommandRunner.run(["rules", "lint"])
        #expect(outcome.status == 0, "\(outcome.stdout)")
        // Every bundled rule reads only contract fields and has its French texts.
        #expect(outcome.stdout.hasSuffix("no errors, 0 warnings\n"), "\(outcome.stdout)")
        #expect(outcome.stderr.isEmpty, "\(outcome.stderr)")
    }

    @Test func lintWarnsOnFieldsTheContractDoesNotKnow() throws {
        let directory = try CommandRunner.temporaryDirectory()
        try Data(
            """
            rule R1
              title "Complaints are acknowledged"
              standard iso10002
              clause 7.4
              grade observation
              for each complaint in complaints
              require complaint.acknowledged_on is present or complaint.recieved_on is absent
              message "Complaint {complaint.id} has no acknowledgement."
            end
            """.utf8
        ).write(to: directory.appendingPathComponent("mine.rules"))
        let outcome = try CommandRunner.run(["rules", "lint", directory.path])
        #expect(outcome.status == 0)
        // Warnings go to standard error, like every command's; the summary stays on standard output.
        #expect(outcome.stderr.contains("mine.rules:7:"))
        #expect(!outcome.stdout.contains("mine.rules"))
        #expect(outcome.stdout.hasPrefix("1 file, 1 rule: no errors, "), "\(outcome.stdout)")
        #expect(
            outcome.stderr.contains(
                "reads the field 'recieved_on', which the records contract does not define; did you mean 'received_on'?"
            ))
    }

    @Test func lintFailsOnErrors() throws {
        let directory = try CommandRunner.temporaryDirectory()
        try Data("rule R1\n  title \"x\"\n".utf8).write(to: directory.appendingPathComponent("broken.rules"))
        let outcome = try CommandRunner.run(["rules", "lint", directory.path])
        #expect(outcome.status == 2)
        // The error goes to standard error, one line; standard output only counts.
        #expect(outcome.stderr.contains("broken.rules:") && outcome.stderr.contains(": error: "), "\(outcome.stderr)")
        #expect(outcome.stdout == "1 error\n", "\(outcome.stdout)")
    }

    @Test func coverageListsEveryClauseAsJSON() throws {
        let outcome = try CommandRunner.run(["rules", "coverage", "--format", "json"])
        #expect(outcome.status == 0)
        let entries = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count > 90)
        let first = try #require(entries.first)
        #expect(Set(first.keys) == ["standard", "clause", "title", "rules", "manual", "through_subclauses"])
        #expect(entries.contains { $0["clause"] as? String == "7.4" && $0["standard"] as? String == "iso10002" })
    }

    @Test func ruleTestsRunFromTheCommandLine() throws {
        let directory = try CommandRunner.temporaryDirectory()
        try Data(
            """
            rule R1
              title "Complaints have an owner"
              standard iso10002
              clause 7.3
              grade observation
              for each complaint in complaints
              require complaint.owner is present
              message "Complaint {complaint.id} has no owner."
            end
            """.utf8
        ).write(to: directory.appendingPathComponent("r.rules"))
        try Data(
            """
            tests:
              - rule: R1
                records: {complaints: [{id: C1, owner: P1}]}
                expect: []
              - rule: R1
                records: {complaints: [{id: C1}]}
                expect: [{record: C1, grade: minor}]
            """.utf8
        ).write(to: directory.appendingPathComponent("r.tests.yml"))
        let outcome = try CommandRunner.run(["test", directory.path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("FAIL  R1 ("))
        #expect(outcome.stdout.contains("json: expected a finding C1 minor, but there was none"))
        #expect(outcome.stdout.hasSuffix("1 passed, 1 failed\n"))
    }
}
