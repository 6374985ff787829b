import Foundation
import Testing
@testable import AuditKit

/// Writes small export files into a fresh temporary directory for loader tests.
struct LoaderFixture {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("auditready-loader-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Writes `text` as UTF-8 to `name` and returns the path.
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// Writes raw bytes to `name` and returns the path.
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Loads `text` written to `name`.
    func load(_ name: String, _ text: String, fileIndex: Int32 = 0) throws -> RecordSet {
        try RecordLoader.load(path: write(name, text), fileIndex: fileIndex)
    }

    /// The error loading `text` from `name` gives; records the issue when there is none.
    func failure(_ name: String, _ text: String) throws -> RecordLoadError? {
        try failure(path: write(name, text))
    }

    func failure(path: String) -> RecordLoadError? {
        do {
            _ = try RecordLoader.load(path: path)
            Issue.record("expected \(path) to fail to load")
            return nil
        } catch {
            return error
        }
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

extension Record {
    /// A copy with every location set to unknown, to compare trees from different spellings.
    var withoutLocations: Record {
        guard let names else { return self }
        return Record(
            fields: fields.map { Field(name: $0.name, value: $0.value.withoutLocations) }, names: names,
            location: .unknown)
    }
}

extension Value {
    var withoutLocations: Value {
        switch self {
        case .text: return self
        case .list(let items): return .list(items.map(\.withoutLocations))
        case .record(let record): return .record(record.withoutLocations)
        }
    }
}

@Suite struct LoaderEquivalenceTests {
    static let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <records>
          <export exported_on="2026-03-01" source_system="QMS"/>
          <organisation>
            <name>Acme &amp; Sons</name>
            <standards><standard>ISO 9001:2015</standard><standard>ISO 10002:2018</standard></standards>
            <top_management><item>P1</item></top_management>
          </organisation>
          <processes>
            <process id="PR1">
              <name> Sales </name>
              <owner>P1</owner>
              <inputs><input>orders</input></inputs>
              <risks/>
            </process>
          </processes>
          <people>
            <person id="P1"><name>Ann</name><left_on></left_on></person>
            <person id="P2"><name>Bob</name><left_on>   </left_on></person>
          </people>
          <complaints>
            <complaint id="C1">
              <received_on>2026-01-02</received_on>
              <safety_related>true</safety_related>
              <charge>2.50</charge>
            </complaint>
          </complaints>
          <complaints_handling>
            <analyses><analysis period="2025"><summary>ok</summary></analysis></analyses>
          </complaints_handling>
          <nonconformities></nonconformities>
          <management_reviews>
            <management_review id="MR1">
              <inputs><input>previous_actions</input><input>complaints</input></inputs>
              <actions><action><id>A1</id><description>Fix</description></action></actions>
            </management_review>
          </management_reviews>
        </records>
        """

    static let json = """
        \u{FEFF}{
          "export": {"exported_on": "2026-03-01", "source_system": "QMS"},
          "organisation": {
            "name": "Acme & Sons",
            "standards": ["ISO 9001:2015", "ISO 10002:2018"],
            "top_management": ["P1"]
          },
          "processes": [
            {"id": "PR1", "name": " Sales ", "owner": "P1", "inputs": ["orders"], "risks": []}
          ],
          "people": [
            {"id": "P1", "name": "Ann", "left_on": null},
            {"id": "P2", "name": "Bob", "left_on": "  "}
          ],
          "complaints": [
            {"id": "C1", "received_on": "2026-01-02", "safety_related": true, "charge": 2.50}
          ],
          "complaints_handling": {"analyses": [{"period": "2025", "summary": "ok"}]},
          "nonconformities": [],
          "management_reviews": [
            {"id": "MR1", "inputs": ["previous_actions", "complaints", null],
             "actions": [{"id": "A1", "description": "Fix"}]}
          ]
        }
        """

    @Test func bothSpellingsGiveTheSameTree() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let fromXML = try fixture.load("export.xml", Self.xml)
        let fromJSON = try fixture.load("export.json", Self.json)
        #expect(fromXML.root.withoutLocations == fromJSON.root.withoutLocations)
        #expect(fromXML.inputs.first?.format == .xml)
        #expect(fromJSON.inputs.first?.format == .json)
        // processes 1, people 2, complaints 1, analyses 1, management_reviews 1 + actions 1
        #expect(fromXML.inputs.first?.records == 7)
        #expect(fromJSON.inputs.first?.records == 7)
    }

    @Test func treeHasTheExpectedShape() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let root = try fixture.load("export.xml", Self.xml).root
        let organisation = try #require(root["organisation"]?.record)
        #expect(organisation["name"] == .text("Acme & Sons"))
        #expect(organisation["top_management"] == .list([.text("P1")]))
        let process = try #require(root["processes"]?.items.first?.record)
        #expect(process["name"] == .text("Sales"))
        #expect(process["inputs"] == .list([.text("orders")]))
        #expect(process["risks"] == nil)
        let people = try #require(root["people"]?.items)
        #expect(people.count == 2)
        #expect(people[0].record?["left_on"] == nil)
        #expect(root["nonconformities"] == nil)
        let complaint = try #require(root["complaints"]?.items.first?.record)
        #expect(complaint["charge"] == .text("2.50"))
        #expect(complaint["safety_related"] == .text("true"))
    }

    @Test func attributesAndChildrenAreInterchangeable() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let attributes = try fixture.load(
            "a.xml",
            """
            <records><complaints><complaint id="C1" received_on="2026-01-02"/></complaints></records>
            """)
        let children = try fixture.load(
            "b.xml",
            """
            <records><complaints><complaint><id>C1</id><received_on>2026-01-02</received_on></complaint></complaints></records>
            """)
        let json = try fixture.load("c.json", #"{"complaints": [{"id": "C1", "received_on": "2026-01-02"}]}"#)
        #expect(attributes.root.withoutLocations == children.root.withoutLocations)
        #expect(children.root.withoutLocations == json.root.withoutLocations)
    }

    @Test(arguments: [
        ("<records><processes><process>P1</process></processes></records>", #"{"processes": ["P1"]}"#),
        ("<records><inputs><input>a</input><input>b</input></inputs></records>", #"{"inputs": ["a", "b"]}"#),
        ("<records><people><person id=\"P1\"/></people></records>", #"{"people": [{"id": "P1"}]}"#),
        (
            "<records><analyses><analysis><period>Q1</period></analysis></analyses></records>",
            #"{"analyses": [{"period": "Q1"}]}"#
        ),
        ("<records><categories><category>x</category></categories></records>", #"{"categories": ["x"]}"#),
        ("<records><boxes><box>x</box></boxes></records>", #"{"boxes": ["x"]}"#),
        ("<records><stuff><item>x</item></stuff></records>", #"{"stuff": ["x"]}"#),
        ("<records><group><a>1</a><b>2</b></group></records>", #"{"group": {"a": 1, "b": 2}}"#),
        ("<records><group><a>1</a></group></records>", #"{"group": {"a": "1"}}"#),
        ("<records><pair><x>1</x><x>2</x></pair></records>", #"{"pair": ["1", "2"]}"#),
        ("<records><x/><y></y><z>  </z><w><v/></w></records>", #"{"x": null, "y": "", "z": " ", "w": {"v": []}}"#),
        ("<records><m>text<a>1</a>more</m></records>", #"{"m": {"a": "1"}}"#),
        // Contract list fields are lists with one item too, under any item name the XML Schema accepts
        // (a misnamed item is reported by validation: RecordValidationTests, SchemaValidationContextTests).
        (
            "<records><organisation><top_management><person>P1</person></top_management></organisation></records>",
            #"{"organisation": {"top_management": ["P1"]}}"#
        ),
        (
            "<records><internal_audits><internal_audit id=\"A1\"><distributed_to><person>P2</person></distributed_to><findings><nonconformity>N1</nonconformity></findings></internal_audit></internal_audits></records>",
            #"{"internal_audits": [{"id": "A1", "distributed_to": ["P2"], "findings": ["N1"]}]}"#
        ),
        (
            "<records><management_reviews><management_review id=\"M1\"><attendees><person>P1</person></attendees><actions><action><id>A1</id></action></actions></management_review></management_reviews></records>",
            #"{"management_reviews": [{"id": "M1", "attendees": ["P1"], "actions": [{"id": "A1"}]}]}"#
        ),
        (
            "<records><equipment><item><id>E1</id><status>in_use</status></item></equipment></records>",
            #"{"equipment": [{"id": "E1", "status": "in_use"}]}"#
        ),
        ("<records><equipment><entry id=\"E1\"/></equipment></records>", #"{"equipment": [{"id": "E1"}]}"#),
        (
            "<records><organisation><standards><standard>ISO 9001:2015</standard></standards></organisation></records>",
            #"{"organisation": {"standards": ["ISO 9001:2015"]}}"#
        ),
        (
            "<records><complaints_handling><channels><channel>x</channel></channels></complaints_handling></records>",
            #"{"complaints_handling": {"channels": ["x"]}}"#
        )
    ])
    func equivalentSpellings(xml: String, json: String) throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let fromXML = try fixture.load("e.xml", xml).root.withoutLocations
        let fromJSON = try fixture.load("e.json", json).root.withoutLocations
        #expect(fromXML == fromJSON)
    }

    @Test func formatIsSniffedWithoutAnExtension() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let xml = try fixture.load("export-x", "  <records><a>1</a></records>")
        let json = try fixture.load("export-j.TXT", "\n {\"a\": \"1\"}")
        #expect(xml.inputs.first?.format == .xml)
        #expect(json.inputs.first?.format == .json)
        #expect(xml.root.withoutLocations == json.root.withoutLocations)
        let upper = try fixture.load("UPPER.JSON", #"{"a": "1"}"#)
        #expect(upper.inputs.first?.format == .json)
        let error = try fixture.failure("odd", "hello")
        #expect(error?.message.contains("cannot tell whether the file is XML or JSON") == true)
    }

    @Test func sha256OfKnownContentAndInputUnchanged() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let text = #"{"a": "b"}"#
        let path = try fixture.write("h.json", text)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let set = try RecordLoader.load(path: path, fileIndex: 3)
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(before == after)
        // printf '{"a": "b"}' | sha256sum
        #expect(set.inputs.first?.sha256 == "e47aeff37f2bf09285444b8be9fed1f517d9f8de79d2dd63dd22bd1990716f53")
        #expect(set.inputs.first?.path == path)
        #expect(set.root.location.file == 3)
        let xmlPath = try fixture.write("h.xml", "<records/>")
        let xml = try RecordLoader.load(path: xmlPath)
        #expect(xml.inputs.first?.sha256 == Self.referenceSHA256("<records/>"))
    }

    @Test func emptyStringHashIsTheWellKnownValue() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        #expect(Self.referenceSHA256("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let path = try fixture.write("abc.json", "{}")
        let set = try RecordLoader.load(path: path)
        #expect(set.inputs.first?.sha256 == "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a")
        #expect(set.root.fields.isEmpty)
    }

    @Test func missingFileAndDirectoryGiveClearErrors() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let missing = fixture.failure(path: fixture.directory.appendingPathComponent("nope.json").path)
        #expect(missing?.message == "the file does not exist")
        #expect(missing?.line == 0)
        #expect(missing?.description.hasSuffix("nope.json: error: the file does not exist") == true)
        let folder = fixture.failure(path: fixture.directory.path)
        #expect(folder?.message.contains("folder") == true)
        let empty = try fixture.failure("empty.xml", "")
        #expect(empty != nil)
    }

    @Test func largeFileHashesInTheBackground() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        var text = #"{"complaints": ["#
        for index in 0..<40_000 {
            if index > 0 { text += "," }
            text += #"{"id": "C\#(index)", "received_on": "2026-01-02"}"#
        }
        text += "]}"
        let set = try fixture.load("big.json", text)
        #expect(set.inputs.first?.records == 40_000)
        #expect(set.inputs.first?.sha256 == Self.referenceSHA256(text))
    }

    /// SHA-256 computed by `sha256sum`, independent of the code under test.
    static func referenceSHA256(_ text: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try? process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }
}
