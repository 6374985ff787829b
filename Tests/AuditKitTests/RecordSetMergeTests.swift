import Foundation
import Testing
@testable import AuditKit

/// `check FILE FILE…` merges several exports: collections are concatenated, groups merged (the
/// first file wins), and every record's location names the file it came from.
@Suite struct RecordSetMergeTests {
    @Test func exportsMergeWithEachRecordPointingAtItsOwnFile() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let first = try fixture.load(
            "first.xml",
            """
            <records>
              <organisation><name>Acme</name></organisation>
              <complaints>
                <complaint id="C1"><received_on>2026-01-05</received_on></complaint>
              </complaints>
            </records>
            """)
        let second = try fixture.load(
            "second.json",
            """
            {"organisation": {"name": "Other", "sector": "valves"},
             "complaints": [
              {"id": "C2", "received_on": "2026-02-01",
               "actions": [{"id": "A1", "due_on": "2026-02-10"}]},
              {"id": "C3", "received_on": "2026-02-02",
               "actions": [{"id": "A2", "due_on": "2026-02-11"}]}
             ]}
            """)
        var merged = first
        merged.merge(second)
        #expect(
            merged.inputs.map(\.path).map { URL(fileURLWithPath: $0).lastPathComponent } == ["first.xml", "second.json"]
        )

        let complaints = merged.root["complaints"]?.items.compactMap(\.record) ?? []
        #expect(complaints.map(\.id) == ["C1", "C2", "C3"])
        #expect(complaints.map(\.location.file) == [0, 1, 1])
        #expect(complaints.map(\.location.line) == [4, 3, 5])
        #expect(complaints.map { $0["received_on"]?.text } == ["2026-01-05", "2026-02-01", "2026-02-02"])
        // Records nested in the second file's records point at it too.
        let actions = complaints.dropFirst().compactMap { $0["actions"]?.items.first?.record }
        #expect(actions.map(\.id) == ["A1", "A2"] && actions.allSatisfy { $0.location.file == 1 })
        #expect(actions.map { $0["due_on"]?.text } == ["2026-02-10", "2026-02-11"])
        // Renumbered records keep the shape they share.
        #expect(complaints[1].shape === complaints[2].shape)

        // Groups are merged field by field; the first file wins a conflict.
        let organisation = try #require(merged.root["organisation"]?.record)
        #expect(organisation["name"]?.text == "Acme" && organisation["sector"]?.text == "valves")
    }

    @Test func aSecondExportWithGroupsNestedInGroupsOfTheSameFieldsMerges() throws {
        // The nested groups share their shape with the group holding them; renumbering them once
        // each used to recurse until the stack ran out.
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let first = try fixture.load("a.json", #"{"complaints": [{"id": "C1", "received_on": "2026-01-02"}]}"#)
        for (name, text) in [
            ("b.json", "{\"g\":\n{\"g\":\n{\"g\": \"t\"}}}"),
            (
                "b.xml",
                "<records><complaints><complaint><id>C2</id><x><id>C3</id>\n<x><id>C4</id></x></x></complaint></complaints></records>"
            )
        ] {
            var merged = first
            merged.merge(try fixture.load(name, text))
            if name == "b.json" {
                let outer = try #require(merged.root["g"]?.record)
                let inner = try #require(outer["g"]?.record)
                #expect(inner["g"]?.text == "t" && outer.location.file == 1 && inner.location.file == 1)
                #expect(outer.location.line == 2 && inner.location.line == 3)
            } else {
                let complaints = merged.root["complaints"]?.items.compactMap(\.record) ?? []
                #expect(complaints.map(\.id) == ["C1", "C2"])
                let x = try #require(complaints.last?["x"]?.record)
                let innermost = try #require(x["x"]?.record)
                #expect(x.id == "C3" && innermost.id == "C4" && innermost.location.file == 1)
                #expect(innermost.location.line == 2)
            }
        }
    }
}
