import Foundation
import Testing
@testable import AuditKit

/// Exports read through a mapping by file name: records under `data`, child tables into list
/// fields and lists of records, records gathered from another export, several sources for one
/// collection, directories, and timestamps with fractions of a second.
@Suite struct ExportMappingTests {
    static let mapping = """
        date_format: yyyy-mm-dd
        collections:
          objectives:
            file: Goal.json
            source: data
            fields:
              id: name
              measure: rows.objective
              target: rows.target
              frequency: {field: frequency, values: {Weekly: monthly, None: ~}}
              measurements:
                from: Review.json
                match: {goal: name}
                fields: {period: date, value: status, recorded_on: date}
          management_reviews:
            file: Meeting.json
            source: data
            fields:
              id: name
              held_on: creation
              actions:
                field: minutes
                fields: {id: document_name, description: {field: minute, html: true}}
          complaints:
            - file: Issue.json
              source: data
              fields: {id: name, received_on: opening_date}
            - file: Claim.json
              source: data
              fields: {id: name, received_on: complaint_date, closed_on: rows.closed}
        """

    func write(_ fixture: LoaderFixture) throws {
        _ = try fixture.write(
            "Goal.json",
            """
            {"data": [
              {"name": "G1", "frequency": "Weekly",
               "rows": [{"objective": "On time", "target": "95"}, {"objective": "Complete", "target": "99"}]},
              {"name": "G2", "frequency": "None", "rows": []}
            ]}
            """)
        _ = try fixture.write(
            "Review.json",
            """
            {"data": [{"name": "R1", "goal": "G1", "date": "2026-09-01", "status": "Failed"},
                      {"name": "R2", "goal": "G9", "date": "2026-09-02", "status": "Passed"},
                      {"name": "R3", "goal": "G1", "date": "2026-10-01", "status": "Passed"}]}
            """)
        _ = try fixture.write(
            "Meeting.json",
            """
            {"data": {"name": "M1", "creation": "2026-10-01 14:00:03.250000",
                      "minutes": [{"document_name": "QA-1", "minute": "<div>Reviewed &amp; kept</div><p>Due&nbsp;15&#47;12</p>"}, {"minute": "Budget agreed"}]}}
            """)
        _ = try fixture.write("Issue.json", #"{"data": [{"name": "I1", "opening_date": "2026-10-20"}]}"#)
        _ = try fixture.write(
            "Claim.json",
            """
            {"data": [{"name": "W1", "complaint_date": "2026-09-15",
                       "rows": [{"closed": "2026-09-20 10:00:00.5"}, {"closed": "2026-09-30 08:00:00.123456"}]}]}
            """)
        _ = try fixture.write("notes.json", #"{"data": [{"name": "ignored"}]}"#)
    }

    func load(_ paths: [String]) throws -> RecordSet {
        try MappedLoader.load(paths: paths, mapping: MappingReader.read(source: Self.mapping, path: "m.yml"))
    }

    @Test func childTablesFillListsJoinedTextsAndRecords() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        try write(fixture)
        let paths = ["Goal.json", "Review.json", "Meeting.json"].map {
            fixture.directory.appendingPathComponent($0).path
        }
        let records = try load(paths)
        let objectives = records.root["objectives"]?.items.compactMap(\.record) ?? []
        #expect(objectives.count == 2)
        let first = try #require(objectives.first)
        #expect(first["measure"] == .text("On time; Complete"))
        #expect(first["target"] == .text("95; 99"))
        #expect(first["frequency"] == .text("monthly"))
        // Gathered from Review.json by goal, in file order; R2 names another goal.
        let measurements = first["measurements"]?.items.compactMap(\.record) ?? []
        #expect(measurements.map { $0["recorded_on"] } == [.text("2026-09-01"), .text("2026-10-01")])
        #expect(measurements.first?["value"] == .text("Failed"))
        #expect(measurements.last?.location.line == 3, "a gathered record keeps its place in its own file")
        // `None: ~` leaves the field absent; an empty child table fills nothing.
        #expect(objectives[1]["frequency"] == nil)
        #expect(objectives[1]["measure"] == nil)
        #expect(objectives[1]["measurements"] == nil)
        // A single document under `data`; a timestamp with microseconds; minutes as actions.
        let review = try #require(records.root["management_reviews"]?.items.first?.record)
        #expect(review["held_on"] == .text("2026-10-01T14:00:03"))
        let actions = review["actions"]?.items.compactMap(\.record) ?? []
        #expect(actions.count == 2)
        #expect(actions.first?["id"] == .text("QA-1"))
        #expect(actions.first?["description"] == .text("Reviewed & kept\nDue 15/12"))
        #expect(actions.last?["id"] == nil)
        #expect(actions.last?["description"] == .text("Budget agreed"))
        // Review.json is only gathered from: its `data` is not left in the records, but it was read.
        #expect(records.root["data"] == nil)
        #expect(records.inputs.count == 3)
    }

    @Test func severalFilesFeedOneCollectionAndADirectoryStandsForTheFilesTheMappingNames() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        try write(fixture)
        let records = try load([fixture.directory.path])
        // notes.json is not named by the mapping: left alone.
        #expect(
            records.inputs.map { URL(fileURLWithPath: $0.path).lastPathComponent }
                == ["Claim.json", "Goal.json", "Issue.json", "Meeting.json", "Review.json"])
        let complaints = records.root["complaints"]?.items.compactMap(\.record) ?? []
        #expect(complaints.map { $0["id"] } == [.text("W1"), .text("I1")])
        // Several dates for one date field: the latest.
        #expect(complaints.first?["closed_on"] == .text("2026-09-30T08:00:00"))
        #expect(records.root["data"] == nil)
    }

    @Test func aDirectoryWithNoneOfTheNamedFilesIsAnError() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        _ = try fixture.write("other.json", "{}")
        #expect(throws: MappedLoader.LoadError.self) { try load([fixture.directory.path]) }
    }

    @Test func mappingErrorsForTheNewKeys() throws {
        func message(_ yaml: String) -> String? {
            do {
                _ = try MappingReader.read(source: yaml, path: "m.yml")
                return nil
            } catch {
                return error.message
            }
        }
        #expect(
            message("collections:\n  management_reviews:\n    fields:\n      actions: minutes\n")?
                .hasPrefix("'actions' holds a list of records: give 'field'") == true)
        #expect(
            message("collections:\n  complaints:\n    fields:\n      id: {field: x, fields: {a: b}}\n")?
                .hasPrefix("only a field holding a list of records") == true)
        #expect(
            message(
                "collections:\n  objectives:\n    fields:\n      measurements: {from: R.json, fields: {value: v}}\n")?
                .contains("give 'from' (its file), 'match'") == true)
        #expect(
            message(
                "collections:\n  objectives:\n    fields:\n      measurements: {from: R.json, match: {a: b, c: d}, fields: {value: v}}\n"
            )?
            .hasPrefix("'match' pairs a field") == true)
    }

    @Test func richTextIsReadAsPlainText() {
        #expect(HTMLText.plain("<div>Forty cartons<br>relabelled</div>") == "Forty cartons\nrelabelled")
        #expect(
            HTMLText.plain("<b>R&amp;D</b> &lt;urgent&gt; &#x2019;&unknown; 5 < 6")
                == "R&D <urgent> \u{2019}&unknown; 5 < 6")
        #expect(HTMLText.plain("plain text") == "plain text")
    }

    @Test func erpnextTimestampsKeepTheirTimeWithoutTheFraction() throws {
        let iso = try #require(DateFormat("yyyy-mm-dd"))
        #expect(iso.iso("2026-03-01 09:30:00.123456") == "2026-03-01T09:30:00")
        #expect(iso.iso("2026-03-01") == "2026-03-01")
        #expect(iso.iso("2026-03-01 09:30:00.1234567890") == nil)
        #expect(try #require(DateFormat("dd.mm.yyyy")).iso("15.03.2026 09:30") == "2026-03-15T09:30:00")
    }
}
