import Testing
@testable import AuditKit

/// The checker types the fields of the records contract: a date field used as a number is refused
/// before any record is read, as a date literal used so is.
@Suite struct ContractFieldTypeTests {
    /// `require REQUIREMENT` in a rule over `collection`; the requirement starts at line 3, column 9.
    private func check(_ requirement: String, over collection: String = "complaints") throws -> [String] {
        let source =
            "rule R1 title \"T\" standard iso9001 clause 9.2 grade minor\n"
            + "for each c in \(collection)\n"
            + "require \(requirement)\nmessage \"M\" end"
        let file = try RuleParser.parse(source: source, path: "a.rules", fileIndex: 0)
        return RuleChecker.check([file]).map { "\($0.line):\($0.column): \($0.message)" }
    }

    @Test(arguments: [
        ("c.received_on + 3 before audit_date", "3:25: add a unit to 3, for example '3 days'"),
        ("2026-01-01 + 3 before audit_date", "3:22: add a unit to 3, for example '3 days'"),
        ("c.received_on = 3", "3:9: cannot compare a date with a number"),
        ("c.received_on and true", "3:9: 'and' needs true/false values on both sides, but this is a date"),
        ("people[c.owner].left_on > 3", "3:9: cannot compare a date with a number"),
        ("organisation.standards before audit_date", "3:9: 'before' needs dates on both sides, but this is a list")
    ])
    func contractFieldsHaveTheirTypes(requirement: String, expected: String) throws {
        #expect(try check(requirement) == [expected])
    }

    @Test(arguments: [
        "c.received_on + 3 days before audit_date",
        "days_between(c.received_on, c.closed_on) <= 30",
        "c.priority in [\"high\", \"critical\"]",
        "c.custom_date + 3 > 1",
        "c.reference = 3",
        "complaints.received_on = audit_date or true",
        "count(c.actions) > 0"
    ])
    func fieldsOutsideTheContractOrOfUnknownTypeAreNotJudged(requirement: String) throws {
        #expect(try check(requirement) == [])
    }

    @Test func nestedRecordsOfTheContractAreTyped() throws {
        #expect(
            try check("some a in c.actions satisfies a.due_on + 1 before audit_date", over: "management_reviews")
                == ["3:50: add a unit to 1, for example '1 days'"])
    }

    @Test func customCollectionsAreNotTyped() throws {
        #expect(try check("c.received_on + 3 > 1", over: "widgets") == [])
    }
}
