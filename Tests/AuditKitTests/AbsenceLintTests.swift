import Testing
@testable import AuditKit

/// `rules lint` warns where a rule says nothing because the value whose absence may be the gap
/// is absent.
@Suite struct AbsenceLintTests {
    static func warnings(_ rule: String) throws -> [String] {
        let files = try RuleSet.parse(sources: [(path: "t.rules", name: "t.rules", text: rule)]).files
        return AbsenceLint.check(files).map(\.message)
    }

    static func rule(where filter: String = "", require requirement: String) -> String {
        """
        rule K07
          title "Complaints are acknowledged within two days"
          standard iso10002
          clause 7.4
          grade minor
          for each c in complaints
          \(filter.isEmpty ? "" : "where \(filter)")
          require \(requirement)
          message "Complaint {c.id} was acknowledged late."
        end
        """
    }

    @Test func aComparisonOnAnUntestedFieldIsSilentWhenItIsAbsent() throws {
        let warnings = try Self.warnings(
            Self.rule(
                where: "c.received_on is present",
                require: "days_between(c.received_on, c.acknowledged_on) <= 2"))
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("rule 'K07' says nothing when 'c.acknowledged_on' is absent") == true)
    }

    /// The condition of an `if` is read like a `where`: an absent value makes it not hold, on
    /// purpose; the values it chooses between are read like the rest of the requirement.
    @Test func theConditionOfAnIfIsNotWarnedAbout() throws {
        #expect(
            try Self.warnings(
                Self.rule(
                    require: "if(c.acknowledged_on before c.received_on, \"early\", \"in order\") = \"in order\"")
            )
            .isEmpty)
        let warnings = try Self.warnings(
            Self.rule(
                where: "c.received_on is present",
                require: "days_between(c.received_on, if(c.urgent is true, c.acknowledged_on, c.received_on)) <= 2"))
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("rule 'K07' says nothing when 'c.acknowledged_on' is absent") == true)
    }

    @Test func testingTheFieldOrUsingFirstPresentHandlesAbsence() throws {
        #expect(
            try Self.warnings(
                Self.rule(
                    require: "c.acknowledged_on is present and days_between(c.received_on, c.acknowledged_on) <= 2")
            )
            .allSatisfy { !$0.contains("c.acknowledged_on") })
        #expect(
            try Self.warnings(
                Self.rule(
                    where: "c.received_on is present",
                    require: "days_between(c.received_on, first_present(c.acknowledged_on, audit_date)) <= 2")
            ).isEmpty)
        // Leaving it to another rule, on purpose.
        #expect(
            try Self.warnings(
                Self.rule(
                    where: "c.received_on is present and c.acknowledged_on is present",
                    require: "days_between(c.received_on, c.acknowledged_on) <= 2")
            ).isEmpty)
    }

    @Test func listsReadAsEmptyWhenAbsent() throws {
        #expect(
            try Self.warnings(
                Self.rule(require: "count(c.actions) > 0 and some a in c.actions satisfies a.done is true")
            ).isEmpty)
    }

    @Test func wholeExportRulesAreCheckedOnTheirGroups() throws {
        let rule = """
            rule Q43
              title "A programme covers the audit date"
              standard iso9001
              clause 9.2.2
              grade minor
              require not (date(audit_programme.period_end) before audit_date)
              message "The programme ended on {audit_programme.period_end}."
            end
            """
        #expect(try Self.warnings(rule).map { $0.contains("'audit_programme.period_end'") } == [true])
    }
}
