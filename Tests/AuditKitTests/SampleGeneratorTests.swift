import Foundation
import Testing
@testable import AuditKit

@Suite struct SampleGeneratorTests {
    /// Generates `complaints` complaints into a fresh directory; returns the JSON and XML paths.
    private func generate(_ complaints: Int, seed: UInt64 = 1, in fixture: LoaderFixture) throws -> (json: String, xml: String) {
        let json = try fixture.write("records-\(complaints)-\(seed).json", "")
        let xml = try fixture.write("records-\(complaints)-\(seed).xml", "")
        let jsonHandle = try #require(FileHandle(forWritingAtPath: json))
        let xmlHandle = try #require(FileHandle(forWritingAtPath: xml))
        try SampleGenerator(complaints: complaints, seed: seed).write(json: jsonHandle, xml: xmlHandle)
        try jsonHandle.close()
        try xmlHandle.close()
        return (json, xml)
    }

    @Test func bothSpellingsLoadToTheSameRecords() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let paths = try generate(400, in: fixture)
        let fromJSON = try RecordLoader.load(path: paths.json)
        let fromXML = try RecordLoader.load(path: paths.xml)
        #expect(fromJSON.root.withoutLocations == fromXML.root.withoutLocations)
        #expect(fromJSON.root[Name("complaints")]?.items.count == 400)
        #expect(fromJSON.root[Name("orders")]?.items.count == 400)
        #expect(fromJSON.root[Name("releases")]?.items.count == 400)
        #expect(fromJSON.root[Name("nonconformities")]?.items.count == 20)
    }

    @Test func streamedFilesMatchTheWholeTreeWriter() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let paths = try generate(50, in: fixture)
        let root = try RecordLoader.load(path: paths.json).root
        #expect(try String(contentsOfFile: paths.json, encoding: .utf8) == RecordWriter.json(root))
        #expect(try String(contentsOfFile: paths.xml, encoding: .utf8) == RecordWriter.xml(root))
    }

    /// `map` writes its output through ``RecordWriter/streamedJSON(_:)``: the same bytes as the
    /// whole-tree writer, in pieces (more than one for an export over a megabyte).
    @Test func streamedJSONMatchesTheWholeTreeWriter() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let root = try RecordLoader.load(path: try generate(3_000, in: fixture).json).root
        var pieces = 0
        var bytes: [UInt8] = []
        try RecordWriter.streamedJSON(root).write { piece in
            pieces += 1
            bytes.append(contentsOf: piece)
        }
        #expect(String(decoding: bytes, as: UTF8.self) == RecordWriter.json(root))
        #expect(pieces > 1, "\(bytes.count) bytes in \(pieces) piece(s)")
        let small = Record(fields: [Record.Field(name: Name("complaints"), value: .list([])),
                                    Record.Field(name: Name("organisation"), value: .record(Record(fields: [Record.Field(name: Name("name"), value: .text("A \"B\""))])))])
        for tree in [Record(fields: []), small] {
            #expect(RecordWriter.streamedJSON(tree).string == RecordWriter.json(tree))
        }
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let first = try generate(120, seed: 7, in: fixture)
        let again = try LoaderFixture()
        defer { again.remove() }
        let second = try generate(120, seed: 7, in: again)
        let other = try generate(120, seed: 8, in: again)
        let read = { (path: String) in try Data(contentsOf: URL(fileURLWithPath: path)) }
        #expect(try read(first.json) == read(second.json))
        #expect(try read(first.xml) == read(second.xml))
        #expect(try read(first.json) != read(other.json))
    }

    @Test func theExportHasGapsForTheRulesToFind() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let paths = try generate(600, in: fixture)
        let records = try RecordLoader.load(path: paths.json)
        let report = try AuditEngine.run(rules: RuleSet.load(paths: BundledRuleTests.ruleDirectories), records: records,
                                         options: AuditOptions(asOf: CalendarDate.parse("2026-11-15")!))
        let rules = Set(report.findings.flatMap { [$0] + $0.evidence }.map(\.rule))
        #expect(rules.contains("AR-7.5.3-invalid-date"))
        #expect(rules.contains("K07-acknowledgement-on-time"))
    }
}
