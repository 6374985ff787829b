import Foundation
import Testing
@testable import AuditKit

/// The names of the records this file makes by hand.
private let names = NameTable()

@Suite struct SampleGeneratorTests {
    /// Generates `complaints` complaints into a fresh directory; returns the JSON and XML paths.
    private func generate(
        _ complaints: Int, seed: UInt64 = 1, skews: Set<SampleSkew> = [],
        in fixture: LoaderFixture
    ) throws -> (json: String, xml: String) {
        let name = "records-\(complaints)-\(seed)" + skews.map { "-" + $0.rawValue }.sorted().joined()
        let json = try fixture.write(name + ".json", "")
        let xml = try fixture.write(name + ".xml", "")
        let jsonHandle = try #require(FileHandle(forWritingAtPath: json))
        let xmlHandle = try #require(FileHandle(forWritingAtPath: xml))
        try SampleGenerator(complaints: complaints, seed: seed, skews: skews).write(json: jsonHandle, xml: xmlHandle)
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
        #expect(fromJSON.root["complaints"]?.items.count == 400)
        #expect(fromJSON.root["orders"]?.items.count == 400)
        #expect(fromJSON.root["releases"]?.items.count == 400)
        #expect(fromJSON.root["nonconformities"]?.items.count == 20)
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
        let small = Record(
            names: names,
            fields: [
                Record.Field(name: names.name("complaints"), value: .list([])),
                Record.Field(
                    name: names.name("organisation"),
                    value: .record(
                        Record(names: names, fields: [Record.Field(name: names.name("name"), value: .text("A \"B\""))]))
                )
            ])
        for tree in [Record(names: names, fields: []), small] {
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
        let report = try AuditEngine.run(
            rules: RuleSet.load(paths: BundledRuleTests.ruleDirectories), records: records,
            options: AuditOptions(asOf: CalendarDate.parse("2026-11-15")!))
        let rules = Set(report.findings.flatMap { [$0] + $0.evidence }.map(\.rule))
        #expect(rules.contains("AR-7.5.3-invalid-date"))
        #expect(rules.contains("K07-acknowledgement-on-time"))
    }

    /// The generated export keeps to the records contract in both spellings: its only departures
    /// are the impossible dates it plants for the rules to find (a third of its nonconformities
    /// had the source `audit`, which the contract does not know).
    @Test func theExportKeepsToTheContractButForItsPlantedDates() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let paths = try generate(600, in: fixture)
        for path in [paths.json, paths.xml] {
            let violations = try RecordValidation.validate(path: path).violations
            #expect(violations.filter { $0.kind != .badDate }.map(\.description) == [], "\(path)")
            #expect(!violations.isEmpty, "\(path)")
        }
    }

    @Test func withoutASkewTheSampleIsTheOneGeneratedBeforeSkewsExisted() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let paths = try generate(120, seed: 7, in: fixture)
        // Digests of `auditready sample --complaints 120 --seed 7` at commit 4545f63, before `--skew`,
        // with a third of the nonconformities' source written `internal_audit` (it was `audit`).
        #expect(
            FileDigest.sha256(path: paths.json) == "6c29df209cfa57f97c63af17e19ef055b775573dbf6aa627724be1389604e6a4")
        #expect(
            FileDigest.sha256(path: paths.xml) == "59a877b0c098b53fbf2f8b82ee8ece2dcd75ca592915929c64edb249061c8143")
    }

    @Test func eachSkewGivesItsFieldOneValueAndLeavesTheRestAsInTheUniformSample() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let uniform = try RecordLoader.load(path: generate(200, in: fixture).json).root
        for skew in SampleSkew.allCases {
            let skewed = try RecordLoader.load(path: generate(200, skews: [skew], in: fixture).json).root
            let (collection, field, value) = skew.target
            let records = (skewed[collection]?.items ?? []).compactMap { $0.record }
            let values = Set(records.compactMap { $0[field]?.text })
            #expect(values == [value], "\(skew.rawValue)")
            // The uniform sample has several values there, and the same records carry one.
            let before = (uniform[collection]?.items ?? []).compactMap { $0.record }
            #expect(!before.isEmpty, "\(skew.rawValue)")
            // (The sample's three internal audits already share one auditor.)
            #expect(Set(before.compactMap { $0[field]?.text }).count > (skew == .auditor ? 0 : 1), "\(skew.rawValue)")
            #expect(before.map { $0[field] == nil } == records.map { $0[field] == nil }, "\(skew.rawValue)")
            // Every other field, and every other collection, is as in the uniform sample.
            let without = { (record: Record) -> Record in
                let plain = record.withoutLocations
                return Record(
                    fields: plain.fields.filter { plain.names?.string($0.name) != field }, names: plain.names ?? names)
            }
            #expect(before.map(without) == records.map(without), "\(skew.rawValue)")
            for position in 0..<uniform.fieldCount where uniform.fieldName(at: position) != collection {
                let other = uniform.fieldName(at: position)
                #expect(
                    skewed[other]?.withoutLocations == uniform.value(at: position).withoutLocations,
                    "\(skew.rawValue): \(other)")
            }
        }
    }

    @Test func allSkewsTogether() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let skews = try #require(SampleSkew.parse("all"))
        #expect(skews == Set(SampleSkew.allCases))
        #expect(SampleSkew.parse("root-cause, category") == [.rootCause, .category])
        #expect(SampleSkew.parse("none") == [])
        #expect(SampleSkew.parse("root_cause") == nil)
        let root = try RecordLoader.load(path: generate(100, skews: skews, in: fixture).json).root
        for skew in skews {
            let (collection, field, value) = skew.target
            let values = root[collection]?.items.compactMap { $0.record?[field]?.text } ?? []
            #expect(Set(values) == [value], "\(skew.rawValue)")
        }
    }
}
