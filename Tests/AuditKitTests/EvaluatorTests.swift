import Testing
@testable import AuditKit

/// The evaluator's semantics: absent data, three-valued logic, dates relative to the audit date,
/// aggregates, quantifiers, lookups — each as a rule author relies on it. Audit date: 2026-11-15.
@Suite struct EvaluatorTests {
    static let complaints = """
        {
          "organisation": {"name": "Atelier", "standards": ["ISO 9001:2015", "ISO 10002:2018"]},
          "people": [{"id": "P1", "name": "Anne Martin"}, {"id": "P2", "name": "Bruno Petit"}],
          "processes": [{"id": "PR1", "name": "Sales", "owner": "P1"}, {"id": "PR2", "name": "Production", "owner": "P2"}],
          "internal_audits": [
            {"id": "IA1", "conducted_on": "2026-03-10", "auditor": "P1", "processes": ["PR2"]},
            {"id": "IA2", "conducted_on": "2025-10-01", "auditor": "P2", "processes": ["PR1", "PR2"]}
          ],
          "complaints": [
            {"id": "C1", "received_on": "2026-10-01", "acknowledged_on": "2026-10-02", "priority": "high", "charge": 0, "safety_related": true},
            {"id": "C2", "received_on": "2026-10-05", "acknowledged_on": "2026-10-12", "priority": "urgent", "charge": "15.50"},
            {"id": "C3", "received_on": "2026-02-30", "acknowledged_on": "2026-03-02", "priority": null},
            {"id": "C4", "received_on": "2026-11-15", "safety_related": "false"},
            {"id": "C1", "received_on": "2026-11-20T09:00:00Z", "acknowledged_on": "", "priority": "low"}
          ]
        }
        """

    @Test func absentDataIsEvidenceNotAnError() throws {
        // Missing, null and empty values are absent; only a false requirement raises a finding.
        #expect(try EvaluationHarness.failing("c.acknowledged_on is present", json: Self.complaints) == ["C4", "C1"])
        #expect(try EvaluationHarness.failing("c.priority is not empty", json: Self.complaints) == ["C3", "C4"])
        // An unknown comparison (no acknowledgement, or an impossible date) raises nothing here.
        #expect(
            try EvaluationHarness.failing(
                "days_between(c.received_on, c.acknowledged_on) <= 2",
                json: Self.complaints) == ["C2"])
    }

    /// `before`, `after` and `within` read a date kept in the record's word without its text;
    /// the answer is the one the text gives: an impossible date or an absent one is unknown, a
    /// date-time is compared by its day.
    @Test func datesComparedAsTheirTextsReadWhateverTheyAreKeptAs() throws {
        let json = """
            {"complaints": [
              {"id": "A", "received_on": "2026-03-05", "acknowledged_on": "2026-03-01"},
              {"id": "B", "received_on": "2024-02-29", "acknowledged_on": "2024-02-28"},
              {"id": "C", "received_on": "2023-02-29", "acknowledged_on": "2023-02-01"},
              {"id": "D", "received_on": "2026-03-05T10:00:00", "acknowledged_on": "2026-03-04"},
              {"id": "E", "received_on": "0000-01-01", "acknowledged_on": "0000-01-01"},
              {"id": "F", "received_on": "2026-13-01", "acknowledged_on": "2026-01-01"},
              {"id": "G", "received_on": "2026-03-05"},
              {"id": "H", "received_on": "2026-03-05", "acknowledged_on": "2026-03-05"}
            ]}
            """
        #expect(
            try EvaluationHarness.failing("not (c.acknowledged_on before c.received_on)", json: json) == ["A", "B", "D"]
        )
        #expect(
            try EvaluationHarness.failing("not (c.received_on after c.acknowledged_on)", json: json) == ["A", "B", "D"])
        // Audit date 2026-11-15: within 12 months are the 2026 dates that are real days.
        #expect(
            try EvaluationHarness.failing("not (c.received_on within 12 months)", json: json) == [
                "A", "D", "G", "H"
            ])
    }

    /// `lower()` gives what Unicode lower-casing gives, for ASCII texts and the others.
    @Test func lowerGivesTheUnicodeLowerCase() {
        for text in [
            "", "email", "E-Mail", "PHONE", "Web Form 2", "Téléphone", "ÉCOLE", "Straße", "İstanbul", "ΣΊΣΥΦΟΣ"
        ] {
            #expect(RuntimeValue.lowercased(text) == text.lowercased(), "\(text)")
        }
    }

    @Test func datesRelativeToTheAuditDate() throws {
        // A date equal to the audit date is not after it; a future date is.
        #expect(try EvaluationHarness.failing("not (c.received_on after audit_date)", json: Self.complaints) == ["C1"])
        #expect(
            try EvaluationHarness.failing("c.received_on within 1 month", json: Self.complaints) == ["C1", "C2", "C1"])
        #expect(
            try EvaluationHarness.failing("c.received_on + 7 days before audit_date", json: Self.complaints)
                == ["C4", "C1"])
        #expect(try EvaluationHarness.failing("c.received_on is a date", json: Self.complaints) == ["C3"])
        #expect(try EvaluationHarness.holds("months_between(2025-11-15, audit_date) = 12"))
        #expect(try EvaluationHarness.holds("2026-02-28 + 1 month = 2026-03-28 and 2024-01-31 + 1 month = 2024-02-29"))
        #expect(try EvaluationHarness.holds("audit_date - 1 year = 2025-11-15"))
    }

    @Test func parametersTakeTheirDefaultOrTheOverride() throws {
        let prelude = "param ack_days = 2 \"Days to acknowledge\""
        let rule = "c.acknowledged_on <= c.received_on + ack_days days"
        #expect(try EvaluationHarness.failing(rule, json: Self.complaints, prelude: prelude) == ["C2"])
        #expect(
            try EvaluationHarness.failing(
                rule, json: Self.complaints, prelude: prelude,
                parameters: ["ack_days": "7"]
            ).isEmpty)
    }

    @Test func codeListsAndTypesOfText() throws {
        #expect(
            try EvaluationHarness.failing(
                "c.priority in [\"low\", \"medium\", \"high\", \"critical\"]",
                where: "c.priority is present", json: Self.complaints) == ["C2"])
        #expect(try EvaluationHarness.failing("c.priority not in [\"urgent\"]", json: Self.complaints) == ["C2"])
        // JSON numbers, numeric text and booleans written as text compare the same way.
        #expect(
            try EvaluationHarness.failing("c.charge = 0", where: "c.charge is present", json: Self.complaints) == ["C2"]
        )
        #expect(
            try EvaluationHarness.failing("c.charge * 2 < 30", where: "c.charge is present", json: Self.complaints) == [
                "C2"
            ])
        #expect(try EvaluationHarness.failing("c.safety_related is not true", json: Self.complaints) == ["C1"])
        #expect(
            try EvaluationHarness.failing(
                "c.safety_related is false or c.safety_related is absent",
                json: Self.complaints) == ["C1"])
    }

    @Test func threeValuedLogic() throws {
        // unknown and false is false; unknown or true is true; not unknown stays unknown.
        #expect(
            try EvaluationHarness.failing("c.acknowledged_on after c.received_on and false", json: Self.complaints)
                .count == 5)
        #expect(
            try EvaluationHarness.failing("c.acknowledged_on after c.received_on or true", json: Self.complaints)
                .isEmpty)
        #expect(
            try EvaluationHarness.failing("not (c.acknowledged_on after c.received_on)", json: Self.complaints) == [
                "C1", "C2"
            ])
    }

    @Test func divisionByZeroAndNonsenseAreUnknown() throws {
        #expect(try EvaluationHarness.failing("c.charge / 0 > 1", json: Self.complaints).isEmpty)
        #expect(try EvaluationHarness.failing("c.priority > 3", json: Self.complaints).isEmpty)
        #expect(try EvaluationHarness.failing("c.priority before audit_date", json: Self.complaints).isEmpty)
        // A date compared with a number, a missing field, zero divided by zero: unknown, never a trap.
        // (The checker refuses `c.received_on > 3` itself, a contract date field: ContractFieldTypeTests.
        // Read through a list, the date's type is not known before the run.)
        #expect(
            try EvaluationHarness.failing("every d in [c.received_on] satisfies d > 3", json: Self.complaints).isEmpty)
        #expect(
            try EvaluationHarness.failing("every d in [c.received_on] satisfies d = 3", json: Self.complaints).isEmpty)
        #expect(try EvaluationHarness.failing("c.no_such_field > 3", json: Self.complaints).isEmpty)
        #expect(try EvaluationHarness.failing("c.no_such_field.deeper = \"x\"", json: Self.complaints).isEmpty)
        #expect(try EvaluationHarness.failing("0 / 0 = 0", json: Self.complaints).isEmpty)
        #expect(try EvaluationHarness.holds("not (1 / 0 > 0) or 1 = 1"))
    }

    /// `c.id is unique in complaints` over the complaints themselves gives what counting the
    /// complaints with that id gives, for ids kept in every way a record keeps a text: short,
    /// written like a date, long (in the load's arena), repeated two or three times, blank.
    /// With an id that is not ASCII, the repeated ids are found by the index instead of by sorting.
    @Test(arguments: [[], ["RÉC-1", "RÉC-1", "RÉC-2"]])
    func uniquenessOfTheLoopsOwnIDsMatchesACount(extraIDs: [String]) throws {
        let ids =
            [
                "C1", "C1", "C2", "2026-01-01", "2026-01-01", "2026-01-02", "COMPLAINT-2026-000000000001",
                "COMPLAINT-2026-000000000001", "COMPLAINT-2026-000000000001", "COMPLAINT-2026-000000000002", " ",
                " "
            ] + extraIDs
        let complaints = ids.map { #"{"id": "\#($0)", "received_on": "2026-01-05"}"# }.joined(separator: ", ")
        let json = #"{"complaints": [\#(complaints), {"received_on": "2026-01-06"}]}"#
        let unique = try EvaluationHarness.failing("c.id is unique in complaints", json: json)
        let counted = try EvaluationHarness.failing(
            "count(d in complaints where d.id = c.id) = 1", where: "c.id is present", json: json)
        #expect(unique.sorted() == counted.sorted())
        #expect(Set(unique) == Set(["C1", "2026-01-01", "COMPLAINT-2026-000000000001"] + extraIDs.prefix(1)))
        #expect(unique.count == 7 + (extraIDs.isEmpty ? 0 : 2))
    }

    @Test func uniquenessAndLookups() throws {
        #expect(try EvaluationHarness.failing("c.id is unique in complaints", json: Self.complaints) == ["C1", "C1"])
        // The auditor must not own an audited process.
        #expect(
            try EvaluationHarness.failing(
                "no p in a.processes satisfies processes[p].owner = a.auditor",
                over: "internal_audits", as: "a", json: Self.complaints) == ["IA2"])
        #expect(
            try EvaluationHarness.failing(
                "people[a.auditor].name = \"Anne Martin\"", over: "internal_audits", as: "a",
                json: Self.complaints) == ["IA2"])
        #expect(
            try EvaluationHarness.failing(
                "people[\"P9\"] is present", over: "internal_audits", as: "a",
                json: Self.complaints) == ["IA1", "IA2"])
    }

    @Test func membershipInACollectionsIDsIsALookupWithTheSameAnswers() throws {
        let json = """
            {"nonconformities": [{"id": "NC-1"}, {"id": "0012"}, {"raised_on": "2026-01-01"}, {"id": "nc-3"}],
             "internal_audits": [
               {"id": "IA1", "findings": ["NC-1"]}, {"id": "IA2", "findings": ["NC-9"]},
               {"id": "IA3", "findings": ["12"]}, {"id": "IA4", "findings": ["NC-3"]},
               {"id": "IA5", "findings": ["nc-3", "NC-1"]}, {"id": "IA6", "findings": []}
             ]}
            """
        let requirement = "every f in a.findings satisfies f in nonconformities.id"
        // "12" reads as a number and equals "0012" as numbers; ids compare exactly otherwise.
        #expect(
            try EvaluationHarness.failing(requirement, over: "internal_audits", as: "a", json: json) == ["IA2", "IA4"])
        #expect(
            try EvaluationHarness.failing(
                "no f in a.findings satisfies f not in nonconformities.id", over: "internal_audits", as: "a",
                json: json) == ["IA2", "IA4"])
        // A nonconformity whose id is a list (a malformed export): its items are among the ids,
        // as before; the lookup is not used.
        let listID = json.replacingOccurrences(of: #"{"id": "nc-3"}"#, with: #"{"id": ["NC-3", "NC-9"]}"#)
        #expect(
            try EvaluationHarness.failing(requirement, over: "internal_audits", as: "a", json: listID) == ["IA5"])
        // A code list written in the rule: texts exactly; numbers still equal as numbers.
        #expect(
            try EvaluationHarness.failing("c.priority in [\"high\", \"low\"]", json: Self.complaints) == ["C2"])
        #expect(try EvaluationHarness.failing("c.charge in [\"15.5\"]", json: Self.complaints) == ["C1"])
    }

    @Test func aggregatesAndQuantifiers() throws {
        let json = Self.complaints
        #expect(try EvaluationHarness.holds("count(complaints) = 5", json: json))
        #expect(try EvaluationHarness.holds("count(missing_collection) = 0", json: json))
        #expect(
            try EvaluationHarness.holds(
                "count(a in internal_audits where a.conducted_on within 12 months) = 1", json: json))
        #expect(
            try EvaluationHarness.holds("share(c in complaints where c.acknowledged_on is present) = 0.6", json: json))
        #expect(try EvaluationHarness.holds("max(internal_audits.conducted_on) = 2026-03-10", json: json))
        #expect(try EvaluationHarness.holds("min(internal_audits.conducted_on) = 2025-10-01", json: json))
        #expect(try EvaluationHarness.holds("max(complaints.received_on) = 2026-11-20", json: json))
        #expect(try EvaluationHarness.holds("sum([1, 2, 3.5]) = 6.5 and average([1, 2, 3]) = 2", json: json))
        #expect(try EvaluationHarness.holds("every a in internal_audits satisfies a.auditor is present", json: json))
        #expect(try EvaluationHarness.holds("some a in internal_audits satisfies a.auditor = \"P2\"", json: json))
        #expect(try EvaluationHarness.holds("no a in internal_audits satisfies a.auditor = \"P3\"", json: json))
        #expect(try EvaluationHarness.holds("every x in nothing_here satisfies false", json: json))
        #expect(try !EvaluationHarness.holds("some x in nothing_here satisfies true", json: json))
        #expect(
            try EvaluationHarness.holds(
                "missing([\"a\", \"b\", \"c\"], [\"b\"]) = [\"a\", \"c\"] or length(missing([\"a\", \"b\", \"c\"], [\"b\"])) = 2",
                json: json))
        #expect(try EvaluationHarness.holds("first_present(organisation.absent_field, 3) = 3", json: json))
        #expect(
            try EvaluationHarness.holds(
                "contains(organisation.name, \"ATEL\") and lower(\"ABC\") = \"abc\"", json: json))
        #expect(
            try EvaluationHarness.holds(
                "length(organisation.name) = 7 and date(\"2026-01-01\") before audit_date", json: json))
        #expect(try EvaluationHarness.holds("\"ISO 10002:2018\" in organisation.standards", json: json))
    }

    /// `if(condition, then, otherwise)` gives its second value only when the condition holds; a
    /// condition that cannot be decided (a value not recorded) gives the third, like a `where`.
    @Test func ifChoosesByItsCondition() throws {
        let json = Self.complaints
        #expect(try EvaluationHarness.holds("if(count(complaints) = 5, \"five\", \"other\") = \"five\"", json: json))
        #expect(try EvaluationHarness.holds("if(count(complaints) = 4, \"four\", \"other\") = \"other\"", json: json))
        #expect(
            try EvaluationHarness.holds(
                "if(organisation.absent_field before audit_date, \"before\", \"undecided\") = \"undecided\"", json: json
            ))
        // The branch not taken is never read: an absent value there changes nothing.
        #expect(try EvaluationHarness.holds("if(true, 1, organisation.absent_field) = 1", json: json))
        #expect(
            try EvaluationHarness.holds(
                "missing([if(true, \"a\", \"none\"), if(false, \"b\", \"none\")], [\"none\"]) = [\"a\"]", json: json))
    }

    @Test func messagesFillPlaceholders() throws {
        let json = Self.complaints
        #expect(
            try EvaluationHarness.message(
                "{count(complaints)} complaints, {percent(2 / 3)} done, {organisation.scope}; {organisation.standards}; {30 days}; {{literal}}",
                json: json)
                == "5 complaints, 67% done, (not recorded); ISO 9001:2015, ISO 10002:2018; 30 days; {literal}")
        #expect(
            try EvaluationHarness.message("{percent(0.999)} {2.5 * 2} {10 / 4} {audit_date + 1 day}")
                == "99% 5 2.5 2026-11-16")
    }

    @Test func conditionalGradesApplyPerFinding() throws {
        let rules = """
            rule K1
              title "Acknowledged"
              standard iso10002
              clause 7.4
              grade observation
              grade minor when c.safety_related is true
              for each c in complaints
              require c.acknowledged_on is present and c.safety_related is true
              message "Complaint {c.id}"
            end
            """
        let report = try EvaluationHarness.report(
            rules: rules,
            json: """
                {"complaints": [{"id": "A", "safety_related": true}, {"id": "B"}]}
                """)
        #expect(report.findings.map(\.grade) == [.minor, .observation])
        #expect(report.findings.map(\.record) == ["A", "B"])
        #expect(report.findings.map(\.location.line) == [1, 1])
    }

    @Test func joinedCountsAreRememberedOnlyWhenTheyDependOnTheProbeAlone() throws {
        let json = """
            {"complaints": [{"id": "C1", "category": "A"}, {"id": "C2", "category": "A"},
                            {"id": "C3", "category": "B"}, {"id": "C4", "category": "A", "nonconformity": "NC-1"}]}
            """
        // Depends on the category only: remembered per category, same answers as testing every pair.
        #expect(
            try EvaluationHarness.failing("count(d in complaints where d.category = c.category) < 3", json: json)
                == ["C1", "C2", "C4"])
        #expect(
            try EvaluationHarness.failing(
                "no d in complaints satisfies (d.category = c.category and d.nonconformity is present)",
                json: json) == ["C1", "C2", "C4"])
        // Also depends on the complaint itself: never shared between complaints of one category.
        #expect(
            try EvaluationHarness.failing(
                "count(d in complaints where d.category = c.category and d.id != c.id) = 0",
                json: json) == ["C1", "C2", "C4"])
        #expect(
            try EvaluationHarness.failing(
                "no d in complaints satisfies (d.category = c.category and d.id != c.id and d.nonconformity is present)",
                json: json) == ["C1", "C2"])
    }
    @Test func joinsGiveTheSameAnswersWhenSomeKeysAreAbsent() throws {
        // C3 and C5 have no category: for them `d.category = c.category` is unknown, never true.
        let json = """
            {"complaints": [{"id": "C1", "category": "A"}, {"id": "C2", "category": "A"}, {"id": "C3"},
                            {"id": "C4", "category": "B"}, {"id": "C5"}]}
            """
        let sameCategory = "d.category = c.category and d.id != c.id"
        #expect(
            try EvaluationHarness.failing("no d in complaints satisfies (\(sameCategory))", json: json) == ["C1", "C2"])
        #expect(
            try EvaluationHarness.failing(
                "c.id is present and no d in complaints satisfies (\(sameCategory))", json: json)
                == ["C1", "C2"])
        // Where "unknown" and "true" lead to different outcomes, the records without a category
        // still make C4's answer unknown, so C4 raises no finding.
        #expect(try EvaluationHarness.failing("not (no d in complaints satisfies (\(sameCategory)))", json: json) == [])
        #expect(try EvaluationHarness.failing("some d in complaints satisfies (\(sameCategory))", json: json) == [])
        #expect(
            try EvaluationHarness.failing("count(d in complaints where d.category = c.category) = 1", json: json)
                == ["C1", "C2", "C3", "C5"])
        #expect(
            try EvaluationHarness.failing("no d in complaints satisfies (c.category = d.category)", json: json)
                == ["C1", "C2", "C4"])
    }

    @Test func claimsReadsAStandardHoweverItIsSpelled() throws {
        func claims(_ standards: String, _ standard: String) throws -> Bool {
            try EvaluationHarness.holds(
                "claims(organisation.standards, \"\(standard)\")",
                json: "{\"organisation\": {\"standards\": \(standards)}}")
        }
        #expect(try claims("[\"ISO 9001:2015\", \"ISO 10002:2018\"]", "ISO 10002"))
        #expect(try claims("[\"ISO 10002\"]", "ISO 10002"))
        #expect(try claims("[\"NF ISO 10002:2018\"]", "ISO 10002"))
        #expect(try claims("[\"iso10002\"]", "ISO 10002:2018"))
        #expect(try claims("[\"NF EN ISO 9001:2015\"]", "ISO 9001"))
        #expect(try !claims("[\"ISO 9001:2015\"]", "ISO 10002"))
        #expect(try !claims("[\"ISO 90011\", \"ISO 10002-1\"]", "ISO 9001"))
        // Without a list of standards (an empty list is not stored) the answer is unknown, so a
        // rule raises nothing either way.
        #expect(try claims("[]", "ISO 9001"))
        #expect(try EvaluationHarness.holds("claims(organisation.standards, \"ISO 9001\")", json: "{}"))
        #expect(try EvaluationHarness.holds("not claims(organisation.standards, \"ISO 9001\")", json: "{}"))
    }
}
