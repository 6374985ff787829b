import Testing
@testable import AuditKit

/// `rules lint` warns where a condition compares every record of one collection with every
/// record of another without anything the evaluator can look the records up by.
@Suite struct NestedScanLintTests {
    static func warnings(_ requirement: String, message: String = "Nonconformity {nc.id} came back.") throws -> [String]
    {
        let rule = """
            rule Q57
              title "No recurrence"
              standard iso9001
              clause 10.2.1
              grade minor
              for each nc in nonconformities
              require \(requirement)
              message "\(message)"
            end
            """
        let files = try RuleSet.parse(sources: [(path: "t.rules", name: "t.rules", text: rule)]).files
        return NestedScanLint.check(files).map(\.description)
    }

    @Test func anEqualityOrADateBoundIsIndexedAndSaysNothing() throws {
        #expect(
            try Self.warnings(
                "no later in nonconformities satisfies (lower(later.root_cause) = lower(nc.root_cause) "
                    + "and later.raised_on after nc.closed_on)") == [])
        #expect(
            try Self.warnings(
                "no later in nonconformities satisfies (later.id != nc.id and later.raised_on after nc.closed_on "
                    + "and not (later.raised_on after nc.closed_on + 12 months))") == [])
        // Reads no outer record: worked out once per rule.
        #expect(try Self.warnings("count(c in complaints where c.received_on within 12 months) > 0") == [])
        // A list inside the record is not a second collection.
        #expect(try Self.warnings("every a in nc.actions satisfies a.done_on after nc.raised_on") == [])
    }

    @Test func aConditionWithNothingToLookUpIsANestedScan() throws {
        let warnings = try Self.warnings(
            "no later in nonconformities satisfies (later.id != nc.id and days_between(nc.closed_on, later.raised_on) < 90)"
        )
        #expect(
            warnings == [
                "t.rules:7:11: warning: rule 'Q57': this condition compares every record of nonconformities (nc) "
                    + "with every record of nonconformities; with no equality on a field ('x.root_cause = nc.root_cause') "
                    + "and no date bound ('x.raised_on after nc.closed_on') to look the records up by, it is evaluated as "
                    + "a nested scan, which grows with the square of the register: add such a condition if it keeps the "
                    + "rule's meaning, or count per value instead"
            ])
        // `every` must see every record whatever its condition.
        #expect(
            try Self.warnings("every c in complaints satisfies (c.nonconformity != nc.id or c.closed_on is present)")
                .count == 1)
        // In a message, once per place.
        #expect(
            try Self.warnings("true", message: "{count(c in complaints where c.received_on > nc.raised_on)} complaints")
                .map { $0.hasPrefix("t.rules:8:") } == [true])
    }
}
