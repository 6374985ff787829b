import Foundation
import Testing
@testable import AuditKit

@Suite struct RuleTestingTests {
    static let rules = """
        rule K07
          title "Acknowledged within two days"
          standard iso10002
          clause 7.4
          grade observation
          grade minor when "ISO 10002:2018" in organisation.standards
          for each complaint in complaints
          require days_between(complaint.received_on, complaint.acknowledged_on) <= 2
          message "Complaint {complaint.id} was acknowledged late."
        end
        """

    static func run(_ yaml: String) throws -> [RuleTestRunner.Result] {
        let tests = try RuleTestFileReader.read(source: yaml, path: "k07.tests.yml")
        return RuleTestRunner.run(tests, rules: try EvaluationHarness.ruleSet(rules))
    }

    @Test func passingAndFailingExamplesInBothSpellings() throws {
        let results = try Self.run(
            """
            tests:
              - rule: K07
                name: on time
                records:
                  complaints:
                    - {id: C1, received_on: 2026-10-01, acknowledged_on: 2026-10-02}
                expect: []
              - rule: K07
                name: late where ISO 10002 is claimed
                records:
                  organisation: {standards: ["ISO 10002:2018"]}
                  complaints:
                    - {id: "C<1>&", received_on: 2026-10-01, acknowledged_on: 2026-10-08, description: "He wrote \\"]]> <script>\\""}
                expect:
                  - {record: "C<1>&", clause: "7.4", grade: minor, message: "acknowledged late"}
            """)
        #expect(results.map(\.passed) == [true, true])
        #expect(results.map(\.test.line) == [2, 8])
    }

    @Test func aWrongExpectationFailsAndSaysWhy() throws {
        let results = try Self.run(
            """
            tests:
              - rule: K07
                records:
                  complaints:
                    - {id: C1, received_on: 2026-10-01, acknowledged_on: 2026-10-08}
                expect:
                  - {record: C1, grade: minor}
            """)
        #expect(
            results.first?.failures == [
                "json: expected a finding C1 minor, but there was none",
                "json: unexpected finding C1 observation 7.4: Complaint C1 was acknowledged late.",
                "xml: expected a finding C1 minor, but there was none",
                "xml: unexpected finding C1 observation 7.4: Complaint C1 was acknowledged late."
            ])
    }

    @Test func unknownRuleIsAFailureWithASuggestion() throws {
        let results = try Self.run("tests:\n  - rule: K7\n    records: {}\n    expect: []\n")
        #expect(results.first?.failures == ["no loaded rule has the id 'K7'; did you mean 'K07'?"])
    }

    @Test(arguments: [
        (
            "tests:\n  - rule: K07\n    records: {}\n    expects: []\n",
            "k07.tests.yml:4:5: error: unknown key 'expects'; expected one of rule, name, records, expect, stage, params, as_of; did you mean 'expect'?"
        ),
        (
            "tests:\n  - rule: K07\n    records: {}\n",
            "k07.tests.yml:2:5: error: this test has no 'expect:' (write 'expect: []' for no finding)"
        ),
        (
            "tests:\n  - rule: K07\n    records: {}\n    expect:\n      - {record: C1, grade: serious}\n",
            "k07.tests.yml:5:29: error: grade must be major, minor, observation or opportunity, not 'serious'"
        ),
        (
            "as_of: 15/11/2026\ntests: []\n",
            "k07.tests.yml:1:8: error: as_of must be a date written YYYY-MM-DD, not '15/11/2026'"
        ),
        (
            "tests:\n  - rule: K07\n    records: {a: [1, 2}\n",
            "k07.tests.yml:3:23: error: this is not valid YAML: a list written with [ is not closed with ] (or a comma is missing)"
        ),
        (
            "- just a list\n",
            "k07.tests.yml:1:1: error: a rule-test file is a mapping with a 'tests' list, as in docs/rule-tests.md"
        )
    ])
    func badTestFilesNameTheLine(source: String, message: String) {
        do {
            _ = try RuleTestFileReader.read(source: source, path: "k07.tests.yml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func writerOutputLoadsBackToTheSameRecordsInBothSpellings() throws {
        let tests = try RuleTestFileReader.read(
            source: """
                tests:
                  - rule: K07
                    records:
                      organisation: {name: "Dupont & Fils <SAS>", standards: ["ISO 9001:2015"], top_management: [P1]}
                      complaints:
                        - {id: C1, description: "line one\\nline two \\"quoted\\" ]]> é", closed_on: null, tags: []}
                        - {id: C2}
                    expect: []
                """, path: "t.tests.yml")
        let records = try #require(tests.first?.records)
        func load(_ text: String, _ ext: String) throws -> Record {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent(
                "writer-\(UUID().uuidString).\(ext)")
            try Data(text.utf8).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            return try RecordLoader.load(path: url.path).root
        }
        let fromJSON = try load(RecordWriter.json(records), "json")
        let fromXML = try load(RecordWriter.xml(records), "xml")
        #expect(fromJSON.withoutLocations == records.withoutLocations)
        #expect(fromXML.withoutLocations == records.withoutLocations)
    }
}
