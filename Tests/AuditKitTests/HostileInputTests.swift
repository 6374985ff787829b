import Foundation
import Testing
@testable import AuditKit

/// Hostile exports at library level (issue 3): each one loads correctly or fails with a plain
/// message that names the file, line and column, in bounded time, never quoting another file.
///
/// Cases already covered by the loader tests are not repeated here: XML external entities to a
/// local file, parameter entities, external DTDs, billion laughs and 100,000-deep nesting
/// (`XMLRecordLoaderTests`); JSON 100,000-deep nesting, truncation, invalid escapes, lone
/// surrogates, NaN, duplicate keys and a top-level array (`JSONRecordLoaderTests`).
@Suite struct HostileInputTests {
    static let secret = "TOP-SECRET-CONTENT-4711"

    /// Loads `bytes` as `name` and returns the error, checking what every error must have.
    func failure(
        _ fixture: LoaderFixture, _ name: String, _ bytes: [UInt8],
        within limit: Duration = .seconds(5)
    ) throws -> RecordLoadError? {
        let path = try fixture.write(name, bytes: bytes)
        let clock = ContinuousClock()
        let start = clock.now
        let error = fixture.failure(path: path)
        #expect(clock.now - start < limit, "\(name) took too long")
        if let error {
            #expect(error.file == path)
            #expect(!error.description.contains(Self.secret), "\(error)")
            #expect(!error.message.contains("\n"), "\(error)")
        }
        return error
    }

    // MARK: XML

    @Test func externalEntityToAURLIsRefusedWithoutANetworkFetch() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        for text in [
            "<?xml version=\"1.0\"?>\n<!DOCTYPE records [ <!ENTITY x SYSTEM \"http://127.0.0.1:9/secret\"> ]>\n<records>&x;</records>",
            "<!DOCTYPE records PUBLIC \"-//X//EN\" \"https://example.invalid/records.dtd\">\n<records/>"
        ] {
            let error = try #require(try failure(fixture, "url.xml", Array(text.utf8), within: .seconds(2)))
            #expect(error.message.contains("DOCTYPE"), "\(error)")
            #expect(error.line >= 1 && error.column >= 1, "\(error)")
        }
    }

    @Test func doctypeInUTF16IsRefusedBeforeParsing() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let secret = try fixture.write("secret.txt", Self.secret)
        let text =
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE records [ <!ENTITY x SYSTEM \"file://\(secret)\"> ]>\n<records><a>&x;</a></records>"
        for bytes in [Self.utf16LE(text), Self.utf16BE(text)] {
            let error = try #require(try failure(fixture, "xxe16.xml", bytes))
            #expect(error.message.contains("DOCTYPE"), "\(error)")
            #expect(error.line == 2 && error.column == 1, "\(error)")
        }
    }

    /// Decision: UTF-16 with a byte order mark is valid XML and libxml2 decodes it, so it loads
    /// exactly as the UTF-8 spelling does.
    @Test func utf16WithAByteOrderMarkLoadsLikeUTF8() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let text =
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<records><organisation name=\"Café Müller 日本\"/><complaints><complaint id=\"C1\"/></complaints></records>"
        let utf8 = try fixture.load("u8.xml", text.replacingOccurrences(of: "UTF-16", with: "UTF-8")).root
            .withoutLocations
        for bytes in [Self.utf16LE(text), Self.utf16BE(text)] {
            let set = try RecordLoader.load(path: fixture.write("u16.xml", bytes: bytes))
            #expect(set.root.withoutLocations == utf8)
            #expect(set.root["organisation"]?.record?["name"] == .text("Café Müller 日本"))
        }
    }

    @Test func invalidUTF8InXMLNamesItsPlace() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let bytes = Array("<records>\n  <a>ok</a>\n  <b>x".utf8) + [0xFF, 0xFE] + Array("</b>\n</records>".utf8)
        let error = try #require(try failure(fixture, "bad-utf8.xml", bytes))
        #expect(
            error.message
                == "the text is not valid UTF-8 (bytes 0xFF 0xFE 0x3C 0x2F); save the export with UTF-8 encoding, or declare its encoding in the XML declaration",
            "\(error)")
        #expect(error.line == 3 && error.column > 1, "\(error)")
    }

    @Test func aThirtyMegabyteTextNodeIsBounded() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let bytes =
            Array("<records>\n<note>".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 30 << 20)
            + Array("</note>\n</records>\n".utf8)
        let error = try #require(try failure(fixture, "huge-text.xml", bytes, within: .seconds(20)))
        #expect(
            error.message == "a text value is longer than 10,000,000 characters, the most one field may hold",
            "\(error)")
        #expect(error.line == 2 && error.column >= 1, "\(error)")
    }

    @Test func aTruncatedExportNamesWhereItStops() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let sample = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.sample("records.xml"))))
        let error = try #require(try failure(fixture, "cut.xml", Array(sample.prefix(sample.count / 2))))
        #expect(error.message.hasPrefix("the file is not valid XML"), "\(error)")
        #expect(error.line > 1 && error.column >= 1, "\(error)")
        let short = try #require(
            try failure(fixture, "short.xml", Array("<records>\n  <complaints>\n    <complaint id=\"C1\">\n".utf8)))
        // The file ends after the newline that closes line 3: libxml2 reports the end, line 4 column 1.
        #expect(
            short.description.hasSuffix(
                ":4:1: error: the file is not valid XML: it ends before <complaint> (opened on line 3) is closed; it may have been cut short"
            ), "\(short)")
        let json = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.sample("records.json"))))
        let jsonError = try #require(try failure(fixture, "cut.json", Array(json.prefix(json.count / 2))))
        #expect(jsonError.message.contains("the file ends in the middle of"), "\(jsonError)")
        #expect(jsonError.line > 1 && jsonError.column >= 1, "\(jsonError)")
    }

    @Test func aBinaryFileNamedXMLIsRefused() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        var generator = SplitMix(seed: 42)
        var bytes = (0..<65_536).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        bytes[0] = 0x7F  // not '<', not a byte order mark
        let error = try #require(try failure(fixture, "binary.xml", bytes))
        #expect(error.message.hasPrefix("the file is not valid XML"), "\(error)")
        #expect(error.line >= 1 && error.column >= 1, "\(error)")
        // A PNG header, as a mislabelled attachment would start.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
        let pngError = try #require(try failure(fixture, "image.xml", png))
        #expect(pngError.message.hasPrefix("the file is not valid XML"), "\(pngError)")
    }

    @Test(arguments: ["empty.xml", "empty.json", "empty"])
    func anEmptyFileIsRefused(_ name: String) throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        for content in ["", " \n\t\n"] {
            let error = try #require(try failure(fixture, name, Array(content.utf8)))
            #expect(error.message.hasPrefix("the file is empty"), "\(error)")
        }
    }

    @Test func elementErrorsCarryAColumn() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let duplicate = try #require(
            try failure(fixture, "dup.xml", Array("<records>\n  <a><b>1</b><c>2</c><b>3</b></a>\n</records>".utf8)))
        #expect(
            duplicate.description.hasSuffix(
                ":2:22: error: the field \"b\" appears twice in <a> (as two elements, or as an attribute and an element)"
            ), "\(duplicate)")
        let root = try #require(
            try failure(fixture, "root.xml", Array("<?xml version=\"1.0\"?>\n<!-- c --> <export/>".utf8)))
        #expect(root.line == 2 && root.column == 12, "\(root)")
        let deep = try #require(
            try failure(fixture, "deep.xml", Array(("<records>" + String(repeating: "<a>", count: 300)).utf8)))
        #expect(deep.line == 1 && deep.column > 10, "\(deep)")
    }

    // MARK: JSON

    @Test func utf16JSONIsRefusedWithAClearMessage() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        for bytes in [Self.utf16LE("{\"a\": 1}"), Self.utf16BE("{\"a\": 1}")] {
            let error = try #require(try failure(fixture, "u16.json", bytes))
            #expect(
                error.message == "the file is UTF-16 or UTF-32 encoded; JSON exports must be saved as UTF-8", "\(error)"
            )
            #expect(error.line == 1 && error.column == 1, "\(error)")
        }
    }

    /// Numbers beyond Double are kept as written and are not numbers to the rules: comparing
    /// one is unknown, so it raises no finding, and it never traps.
    @Test func numbersBeyondDoubleAreUnknownToTheRules() throws {
        let huge = String(repeating: "9", count: 400)
        let json = """
            {"complaints": [{"id": "C1", "charge": 1e400}, {"id": "C2", "charge": -1e400},
                            {"id": "C3", "charge": \(huge)}, {"id": "C4", "charge": 1e-400}, {"id": "C5", "charge": 7}]}
            """
        #expect(try EvaluationHarness.failing("c.charge < 5", json: json) == ["C5"])
        #expect(try EvaluationHarness.failing("c.charge is present", json: json).isEmpty)
        #expect(try EvaluationHarness.failing("c.charge * 1000000 < 1", json: json) == ["C5"])
        let set = try EvaluationHarness.records(json: json)
        #expect(set.root["complaints"]?.items[2].record?["charge"] == .text(huge))
    }

    // MARK: Helpers

    static func sample(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples/acme-small/\(name)").path
    }

    static func utf16LE(_ text: String) -> [UInt8] {
        [0xFF, 0xFE] + text.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
    }

    static func utf16BE(_ text: String) -> [UInt8] {
        [0xFE, 0xFF] + text.utf16.flatMap { [UInt8(truncatingIfNeeded: $0 >> 8), UInt8(truncatingIfNeeded: $0)] }
    }
}

/// A small deterministic generator for reproducible "random" fixtures.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
