import Foundation
import Testing
@testable import AuditKit

/// `auditready validate`: XML against the XML Schema with libxml2, JSON by the contract's types.
@Suite struct RecordValidationTests {
    static let repository = ContractSchemaTests.repository

    func violations(_ name: String, _ text: String) throws -> [StructuralViolation] {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        return try RecordValidation.validate(path: fixture.write(name, text)).violations
    }

    /// The samples are valid, apart from the impossible date acme-small holds on purpose.
    @Test func everySampleIsValidInBothSpellings() throws {
        for sample in ["acme-small", "early-stage", "small-business"] {
            for spelling in ["records.json", "records.xml"] {
                let path = Self.repository.appendingPathComponent("Samples/\(sample)/\(spelling)").path
                let violations = try RecordValidation.validate(path: path).violations
                #expect(violations.filter { $0.kind != .badDate }.map(\.description) == [], "\(sample)/\(spelling)")
                #expect(violations.filter { $0.kind == .badDate }.count == (sample == "acme-small" ? 1 : 0))
            }
        }
    }

    /// A misspelt column repeated on every record is one note: the first record, how many more
    /// times, then the hint. The same name in a nested list (a review's actions) is another gap.
    @Test func jsonUnknownFieldRepeatedIsSaidOncePerFileWithTheHintLast() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let text = """
            {"management_reviews": [
              {"id": "MR-1", "helt_on": "2026-03-01"},
              {"id": "MR-2", "helt_on": "2026-03-02", "actions": [{"id": "A-1", "helt_on": "x"}]},
              {"id": "MR-3", "helt_on": "2026-03-03"}
            ]}
            """
        let found = try RecordValidation.validate(path: fixture.write("a.json", text)).violations
        #expect(
            found.map(\.message) == [
                "unknown field 'helt_on' in management_reviews record MR-1 (and 2 more times in this file); did you mean 'held_on'?",
                "unknown field 'helt_on' in management_reviews record MR-2"
            ], "\(found.map(\.message))")
        #expect(found.first?.line == 2)
    }

    @Test func jsonUnknownFieldWrongTypeBadDateAndDuplicateID() throws {
        let found = try violations(
            "r.json",
            """
            {
              "complaints": [
                {"id": "CMP-1", "recieved_on": "2026-03-01", "safety_related": "yes"},
                {"id": "CMP-2", "received_on": "2026-02-30", "priority": "urgent"},
                {"id": "CMP-1", "description": ["a", "b"]}
              ],
              "complaint": []
            }
            """)
        let messages = found.map(\.message)
        #expect(
            messages.contains("unknown field 'recieved_on' in complaints record CMP-1; did you mean 'received_on'?"))
        #expect(messages.contains("'safety_related' should be true or false, not 'yes' (complaints record CMP-1)"))
        #expect(
            messages.contains {
                $0.hasPrefix("'received_on' should be a date written YYYY-MM-DD") && $0.contains("'2026-02-30'")
            })
        #expect(
            messages.contains(
                "'priority' should be one of low, medium, high, critical, not 'urgent' (complaints record CMP-2)"))
        #expect(messages.contains("duplicate id 'CMP-1' in complaints; it is also used on line 3"))
        #expect(messages.contains("'description' should be text, not a list (complaints record CMP-1)"))
        let unknownField = try #require(found.first { $0.kind == .unknownField && $0.record == "CMP-1" })
        #expect(unknownField.line == 3)
        #expect(unknownField.column == 5)
        #expect(unknownField.collection == "complaints")
        #expect(found.contains { $0.kind == .badDate && $0.line == 4 })
        #expect(found.contains { $0.kind == .duplicateID && $0.line == 5 })
        #expect(found.allSatisfy { $0.file.hasSuffix("r.json") })
    }

    @Test func jsonGroupsNestedListsAndReferences() throws {
        let found = try violations(
            "g.json",
            """
            {"organisation": {"name": "Acme", "sites": [{"id": "S1", "adress": "x"}], "standards": "ISO 9001:2015"},
             "audit_programme": [], "management_reviews": [{"id": "MR1", "inputs": ["complaints", "budget"],
             "actions": [{"id": "A1"}, {"id": "A1"}]}],
             "equipment": [{"id": "E1", "calibration_interval_days": "twelve"}]}
            """)
        let messages = found.map(\.message)
        #expect(messages.contains("unknown field 'adress' in organisation; did you mean 'address'?"))
        #expect(messages.contains { $0.contains("'inputs' should list codes among") && $0.contains("not 'budget'") })
        #expect(messages.contains { $0.hasPrefix("duplicate id 'A1' in 'actions'") })
        #expect(
            messages.contains(
                "'calibration_interval_days' should be a number written with digits and a decimal point, not 'twelve' (equipment record E1)"
            ))
        #expect(
            !messages.contains { $0.contains("audit_programme") }
                || messages.contains { $0.contains("'audit_programme' should be a group") })
    }

    @Test func xmlIsValidatedByTheSchemaWithLinesColumnsAndPlainMessages() throws {
        let found = try violations(
            "r.xml",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <records>
              <complaints>
                <complaint id="CMP-1">
                  <recieved_on>2026-03-01</recieved_on>
                </complaint>
                <complaint id="CMP-2" priority="urgent">
                  <safety_related>yes</safety_related>
                  <received_on>2026-02-30</received_on>
                </complaint>
                <complaint id="CMP-1"/>
              </complaints>
              <complaint/>
            </records>
            """)
        let byMessage = Dictionary(found.map { ($0.message, $0) }, uniquingKeysWith: { first, _ in first })
        let unknown = try #require(
            byMessage["unknown field 'recieved_on' in complaints record CMP-1; did you mean 'received_on'?"],
            "\(found.map(\.description))")
        #expect(unknown.line == 5)
        #expect(unknown.column == 7)
        #expect(unknown.kind == .unknownField)
        let boolean = try #require(
            byMessage["'safety_related' should be true or false, not 'yes' (complaints record CMP-2)"])
        #expect(boolean.line == 8)
        #expect(
            found.contains {
                $0.message.hasPrefix("'priority' should be one of low, medium, high, critical, not 'urgent'")
                    && $0.line == 7 && $0.column > 0
            })
        #expect(found.contains { $0.kind == .badDate && $0.line == 9 && $0.message.contains("'2026-02-30'") })
        #expect(
            found.contains {
                $0.kind == .duplicateID && $0.message == "duplicate id 'CMP-1' in complaints" && $0.line == 11
            })
        #expect(
            found.contains {
                $0.message == "unknown collection or group 'complaint'; did you mean 'complaints'?" && $0.line == 13
            })
        #expect(found.count == 6, "\(found.map(\.description))")
    }

    @Test func xmlItemsMustBeNamedInTheSingular() throws {
        let found = try violations("i.xml", "<records>\n<complaints>\n<cmp id=\"C1\"/>\n</complaints>\n</records>\n")
        #expect(
            found.map(\.message) == [
                "<cmp> cannot be an item of 'complaints' (complaints record C1); name its items <complaint>, <item>, <entry>"
            ])
        #expect(found.first?.line == 3)
        #expect(found.first?.column == 1)
    }

    @Test func xmlAttributesAndElementsAreInterchangeable() throws {
        let found = try violations(
            "a.xml",
            """
            <records>
              <organisation name="Acme"><scope>Widgets</scope>
                <standards><standard>ISO 9001:2015</standard></standards>
                <sites><site id="S1" address="1 rue"/><item><id>S2</id></item></sites>
              </organisation>
              <people><person id="P1" name="Ann"/><person><id>P2</id><joined_on>2024-01-31</joined_on></person></people>
              <complaints><item id="C1" recevied_on="2026-01-01" safety_related="TRUE"><closed_on/></item></complaints>
            </records>
            """)
        #expect(
            found.map(\.message) == ["unknown field 'recevied_on' in complaints record C1; did you mean 'received_on'?"]
        )
        #expect(found.first?.line == 7)
        #expect((found.first?.column ?? 0) > 20)
    }

    @Test func malformedXMLIsUnreadableNotAViolation() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let path = try fixture.write("bad.xml", "<records><complaints></records>")
        #expect(throws: RecordLoadError.self) { try RecordValidation.validate(path: path) }
        let doctype = try fixture.write(
            "dt.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE records [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<records>&x;</records>"
        )
        #expect(throws: RecordLoadError.self) { try XMLSchemaValidator.validate(path: doctype) }
    }

    @Test func exportDefectsAreNotesNotFindingsButInvalidDatesStayFindings() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let path = try fixture.write(
            "c.json",
            """
            {"complaints": [{"id": "C1", "received_on": "2026-02-30", "recieved_on": "2026-02-01", "safety_related": "no"}]}
            """)
        let outcome = try RecordValidation.validate(path: path)
        var records = outcome.records
        records.violations = outcome.violations
        let report = try AuditEngine.run(
            rules: RuleSet.load(paths: BundledRuleTests.ruleDirectories), records: records,
            options: AuditOptions(asOf: CalendarDate(year: 2026, month: 11, day: 15)!))
        // An unknown field or a wrong type is a defect of the export, not a nonconformity of the
        // organisation: listed, never graded.
        #expect(
            report.exportNotes.map(\.message).sorted() == [
                "'safety_related' should be true or false, not 'no' (complaints record C1).",
                "Unknown field 'recieved_on' in complaints record C1; did you mean 'received_on'?"
            ])
        #expect(report.exportNotes.allSatisfy { $0.record == "C1" && $0.location.line == 1 })
        #expect(
            !report.findings.contains { $0.message.contains("recieved_on") || $0.message.contains("safety_related") })
        // An impossible date in a record is a lapse of that record: a 7.5.3 finding.
        let dates = report.findings.filter { $0.rule == BuiltinCheck.invalidDate.id }
        #expect(dates.count == 1 && dates.first?.grade == .minor && dates.first?.clause == "7.5.3")
        let json = JSONReportRenderer().render(report)
        #expect(json.contains("\"export_notes\""))
    }
}

/// `check` validates both spellings the same way, so structural findings do not depend on the spelling.
@Suite struct StructuralFindingsEquivalenceTests {
    @Test func bothSpellingsGiveTheSameViolations() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "equivalence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("r.json"), xml = directory.appendingPathComponent("r.xml")
        try Data(
            """
            {"complaints": [{"id": "C1", "recieved_on": "2026-03-01", "safety_related": "yes"}, {"id": "C1"}]}
            """.utf8
        ).write(to: json)
        try Data(
            """
            <records><complaints><complaint id="C1"><recieved_on>2026-03-01</recieved_on><safety_related>yes</safety_related></complaint><complaint id="C1"/></complaints></records>
            """.utf8
        ).write(to: xml)
        let fromJSON = try RecordValidation.load(path: json.path).violations.map(\.message)
        let fromXML = try RecordValidation.load(path: xml.path).violations.map(\.message)
        #expect(fromJSON.count >= 3)
        #expect(fromJSON.sorted() == fromXML.sorted())
    }
}
