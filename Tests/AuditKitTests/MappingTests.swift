import Foundation
import Testing
@testable import AuditKit

/// Mapping files, CSV registers and the French sample.
@Suite struct MappingTests {
    static let sample = ContractSchemaTests.repository.appendingPathComponent("Samples/french-register")

    func mappingError(_ yaml: String) -> FileFormatError? {
        do {
            _ = try MappingReader.read(source: yaml, path: "m.yml")
            return nil
        } catch {
            return error
        }
    }

    @Test func mappingErrorsNameTheirLineAndColumn() throws {
        let unknownField = try #require(
            mappingError(
                """
                collections:
                  complaints:
                    fields:
                      id: Numéro
                      recieved_on: Reçue le
                """))
        #expect(unknownField.line == 5)
        #expect(unknownField.column == 7)
        #expect(
            unknownField.message
                == "'recieved_on' is not a field of complaints in the records contract; did you mean 'received_on'?")
        #expect(unknownField.description.hasPrefix("m.yml:5:7: error: "))

        let unknownKey = try #require(
            mappingError(
                """
                collections:
                  complaints:
                    fields:
                      priority:
                        colunm: Priorité
                """))
        #expect(unknownKey.line == 5)
        #expect(unknownKey.message == "unknown key 'colunm' for field 'priority'; did you mean 'column'?")

        let collection = try #require(mappingError("collections:\n  complaint:\n    fields: {id: N}\n"))
        #expect(collection.line == 2)
        #expect(collection.message.hasSuffix("did you mean 'complaints'?"))

        let layout = try #require(
            mappingError("date_format: dd/mm/yyy/q\ncollections:\n  complaints:\n    fields: {id: N}\n"))
        #expect(layout.line == 1)
        #expect(layout.column == 14)

        let syntax = try #require(mappingError("collections:\n  complaints:\n    fields: [id\n"))
        #expect(syntax.line > 0)
        #expect(syntax.message.hasPrefix("this is not valid YAML"))

        let notDate = try #require(
            mappingError("collections:\n  complaints:\n    fields:\n      channel: {column: C, date: dd/mm/yyyy}\n"))
        #expect(notDate.line == 4)
    }

    @Test func dateLayouts() throws {
        let french = try #require(DateFormat("dd/mm/yyyy"))
        #expect(french.iso("15/03/2026") == "2026-03-15")
        #expect(french.iso("5/3/2026") == "2026-03-05")
        #expect(french.iso("15/03/2026 09:30") == "2026-03-15T09:30:00")
        #expect(french.iso("31/02/2026") == nil)
        #expect(french.iso("bientôt") == nil)
        #expect(DateFormat("dd.mm.yyyy")?.iso("01.12.2025") == "2025-12-01")
        #expect(DateFormat("yyyy/mm/dd")?.iso("2025/12/01") == "2025-12-01")
        #expect(DateFormat("dd-mm-yy")?.iso("01-12-25") == "2025-12-01")
        #expect(DateFormat("dd/dd/yyyy") == nil)
        #expect(DateFormat("dd/mm") == nil)
    }

    @Test func csvWithBOMSemicolonsQuotedLineBreaksAndEmptyCells() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let text =
            "N°;Reçue le;Description;Priorité\r\nR1;15/03/2026;\"Deux lignes\nici; avec ; \"\"guillemets\"\"\";Haute\r\n\r\nR2;;;\r\nR3;01/04/2026;Simple;basse\r\n"
        let path = try fixture.write("registre.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let (table, _) = try CSVTable.read(path: path)
        #expect(table.separator == ";")
        #expect(table.header == ["N°", "Reçue le", "Description", "Priorité"])
        #expect(table.rows.map(\.line) == [2, 5, 6])
        #expect(table.rows[0].cells[2] == "Deux lignes\nici; avec ; \"guillemets\"")

        let mapping = try MappingReader.read(
            source: """
                date_format: dd/mm/yyyy
                collections:
                  complaints:
                    file: registre.csv
                    fields:
                      id: N°
                      received_on: Reçue le
                      description: Description
                      priority: {column: Priorité, values: {Haute: high, Basse: low}}
                      channel: {constant: letter}
                """, path: "m.yml")
        let records = try MappedLoader.load(paths: [path], mapping: mapping)
        let complaints = try #require(records.root["complaints"]).items.compactMap(\.record)
        #expect(complaints.map(\.location.line) == [2, 5, 6])
        #expect(complaints[0]["received_on"] == .text("2026-03-15"))
        #expect(complaints[0]["priority"] == .text("high"))
        #expect(complaints[2]["priority"] == .text("low"))
        #expect(complaints[1]["received_on"] == nil)
        #expect(complaints[1]["description"] == nil)
        #expect(complaints[1]["channel"] == .text("letter"))
        #expect(records.inputs.first?.format == .csv)
        #expect(records.inputs.first?.records == 3)
        #expect(ContractValidator.violations(in: records) == [])
    }

    @Test func commaSeparatedWithoutBOMAndAMissingColumn() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let path = try fixture.write("complaints.csv", "id,received,prio\nC1,2026-01-02,urgent\n")
        let mapping = try MappingReader.read(
            source: """
                collections:
                  complaints:
                    fields:
                      id: id
                      received_on: received
                      priority: prio
                """, path: "m.yml")
        let records = try MappedLoader.load(paths: [path], mapping: mapping)
        let violations = ContractValidator.violations(in: records)
        #expect(
            violations.map(\.message) == [
                "'priority' should be one of low, medium, high, critical, not 'urgent' (complaints record C1)"
            ])
        #expect(violations.first?.line == 2)

        let wrong = try MappingReader.read(
            source: "collections:\n  complaints:\n    fields:\n      id: id\n      priority: prioriti\n", path: "m.yml")
        do {
            _ = try MappedLoader.load(paths: [path], mapping: wrong)
            Issue.record("a missing column must be an error")
        } catch {
            #expect(
                error.description
                    == "m.yml:5:7: error: the column 'prioriti' is not in complaints.csv; its columns are 'id', 'received', 'prio'"
            )
        }
    }

    @Test func exportsAreRenamedAndReshaped() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let path = try fixture.write(
            "crm.json",
            """
            {"tickets": [{"ref": "T1", "opened": "02.01.2026", "customer": {"name": "Acme"}, "urgency": "Haute", "note": "x"}],
             "people": [{"id": "P1"}]}
            """)
        let mapping = try MappingReader.read(
            source: """
                collections:
                  complaints:
                    source: tickets
                    keep_other_fields: false
                    fields:
                      id: ref
                      received_on: {field: opened, date: dd.mm.yyyy}
                      complainant: customer.name
                      priority: {field: urgency, values: {Haute: high}}
                """, path: "m.yml")
        let records = try MappedLoader.load(paths: [path], mapping: mapping)
        let complaint = try #require(records.root["complaints"]?.items.first?.record)
        #expect(complaint["received_on"] == .text("2026-01-02"))
        #expect(complaint["complainant"] == .text("Acme"))
        #expect(complaint["priority"] == .text("high"))
        #expect(complaint["note"] == nil)
        #expect(records.root["tickets"] == nil)
        #expect(records.root["people"] != nil)
    }

    @Test func theFrenchSampleGivesTheSameFindingsAsItsContractJSON() throws {
        let mapping = try MappingReader.load(path: Self.sample.appendingPathComponent("mapping.yml").path)
        let csv = Self.sample.appendingPathComponent("reclamations.csv").path
        var mapped = try MappedLoader.load(paths: [csv], mapping: mapping)
        mapped.violations = ContractValidator.violations(in: mapped)
        let expected = try RecordValidation.validate(
            path: Self.sample.appendingPathComponent("expected-records.json").path)
        var contract = expected.records
        contract.violations = expected.violations

        #expect(RecordWriter.json(mapped.root) == RecordWriter.json(contract.root))
        let rules = try RuleSet.load(paths: BundledRuleTests.ruleDirectories)
        let options = AuditOptions(asOf: CalendarDate(year: 2026, month: 11, day: 15)!)
        let fromCSV = try AuditEngine.run(rules: rules, records: mapped, options: options).findings
        let fromJSON = try AuditEngine.run(rules: rules, records: contract, options: options).findings
        func key(_ finding: Finding) -> String {
            "\(finding.rule) \(finding.record ?? "-") \(finding.grade) \(finding.message)"
        }
        #expect(fromCSV.map(key) == fromJSON.map(key))
        #expect(fromCSV.count >= 3)
        // Findings point at spreadsheet rows: REC-2026-004 starts on line 6 (row 3 holds a line break).
        let invalidDate = try #require(fromCSV.first { $0.rule == BuiltinCheck.invalidDate.id })
        #expect(invalidDate.record == "REC-2026-004")
        #expect(invalidDate.location.line == 6)
        #expect(invalidDate.location.file?.hasSuffix("reclamations.csv") == true)
    }
}
