import Foundation
import Testing

@Suite struct RulesCommandTests {
    @Test func listShowsBundledAndBuiltInRules() throws {
        let outcome = try CommandRunner.run(["rules", "list"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ID") == true)
        #expect(outcome.stdout.contains("AR-4.3-not-applicable-clause"))
        #expect(lines.count > 25)
    }

    @Test func lintAcceptsTheBundledChecklists() throws {
        let outcome = try CommandRunner.run(["rules", "lint"])
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout.contains("no errors,"))
        // Only the French-fallback warnings: no contract or checker warning on the bundled checklists.
        let other = outcome.stdout.split(separator: "\n").filter { $0.contains("warning:") && !$0.contains("has no French text") }
        #expect(other.isEmpty, "\(other)")
    }

    @Test func lintWarnsOnFieldsTheContractDoesNotKnow() throws {
        let directory = try CommandRunner.temporaryDirectory()
        try Data("""
        rule R1
          title "Complaints are acknowledged"
          standard iso10002
          clause 7.4
          grade observation
          for each complaint in complaints
          require complaint.acknowledged_on is present or complaint.recieved_on is absent
          message "Complaint {complaint.id} has no acknowledgement."
        end
        """.utf8).write(to: directory.appendingPathComponent("mine.rules"))
        let outcome = try CommandRunner.run(["rules", "lint", directory.path])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("mine.rules:7:"))
        #expect(outcome.stdout.contains("reads the field 'recieved_on', which the records contract does not define; did you mean 'received_on'?"))
    }

    @Test func lintFailsOnErrors() throws {
        let directory = try CommandRunner.temporaryDirectory()
        try Data("rule R1\n  title \"x\"\n".utf8).write(to: directory.appendingPathComponent("broken.rules"))
        let outcome = try CommandRunner.run(["rules", "lint", directory.path])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.contains("broken.rules:"))
    }
}
