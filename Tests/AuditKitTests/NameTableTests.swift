import Foundation
import Testing
@testable import AuditKit

/// Each run keeps the names of its records in a table of its own (issue 17): a hostile export's
/// field names go with its run, and exports loaded apart still merge into one set of records.
struct NameTableTests {
    static let first = """
        {"complaints": [{"id": "C-1", "received_on": "2026-01-05", "zz_custom_column": "x",
          "investigation": "checked", "category": "late"}],
         "organisation": {"name": "Acme"}}
        """
    static let second = """
        <?xml version="1.0"?>
        <records>
          <complaints><item id="C-2"><category>damaged</category><received_on>2026-02-01</received_on></item></complaints>
          <organisation><scope>Valves</scope></organisation>
          <processes><item id="P1"><name>Sales</name></item></processes>
        </records>
        """

    @Test func aRunsNamesStayInItsOwnTable() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let path = try fixture.write("a.json", Self.first)
        let run = NameTable(), other = NameTable()
        let loaded = try RecordLoader.load(path: path, names: run)
        #expect(loaded.names === run)
        #expect(run.existing("zz_custom_column") != nil)
        // Another run, and a new table, never saw the export's own column.
        #expect(other.existing("zz_custom_column") == nil && NameTable().count == 1)
        // Looking a field up by its text adds nothing to the table.
        let complaint = try #require(loaded.root["complaints"]?.items.first?.record)
        let before = run.count
        #expect(complaint["not_a_field_of_this_export"] == nil && run.count == before)
        #expect(complaint.fieldNames == ["id", "received_on", "zz_custom_column", "investigation", "category"])
    }

    @Test func exportsLoadedWithTablesOfTheirOwnMergeAsIfReadWithOne() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let paths = [try fixture.write("a.json", Self.first), try fixture.write("b.xml", Self.second)]
        // As the command line reads them: every file with the set's table.
        var shared = RecordSet()
        for path in paths { shared.merge(try RecordLoader.load(path: path, names: shared.names)) }
        // As a library user might: each file with a table of its own; merging renames the second.
        var apart = RecordSet()
        for path in paths { apart.merge(try RecordLoader.load(path: path)) }
        #expect(apart.root == shared.root)
        #expect(apart.root.fieldNames == ["complaints", "organisation", "processes"])
        let complaints = (apart.root["complaints"]?.items ?? []).compactMap(\.record)
        #expect(complaints.map(\.id) == ["C-1", "C-2"])
        #expect(complaints[1]["category"] == .text("damaged") && complaints[1].location.file == 1)
        #expect(apart.root["organisation"]?.record?.fieldNames == ["name", "scope"])
        // Every record of the merged set names its fields in the set's table.
        func tables(_ value: Value) -> [NameTable?] {
            switch value {
            case .text: return []
            case .list(let items): return items.flatMap(tables)
            case .record(let record):
                return [record.names] + (0..<record.fieldCount).flatMap { tables(record.value(at: $0)) }
            }
        }
        #expect(tables(.record(apart.root)).allSatisfy { $0 === apart.names })
        // And the rules find the same gaps either way.
        let rules = try RuleSet.load(paths: BundledRuleTests.ruleDirectories)
        let options = AuditOptions(asOf: EvaluationHarness.auditDate)
        let one = try AuditEngine.run(rules: rules, records: shared, options: options)
        let two = try AuditEngine.run(rules: rules, records: apart, options: options)
        #expect(one.findings.map(\.message) == two.findings.map(\.message) && !one.findings.isEmpty)
    }
}
