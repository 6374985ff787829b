import Foundation
import Testing
@testable import AuditKit

/// The XML loader parses on one thread and builds the tree on another, handing events over in
/// chunks of a few thousand: exports large enough to span many chunks must load exactly, and the
/// error reported must be the first one in the file whichever thread finds it.
@Suite struct XMLPipelineTests {
    /// An export with `count` complaints, each on its own lines; `extra` is added inside the
    /// complaint with number `at`.
    static func export(count: Int, extra: String = "", at: Int = -1, tail: String = "</records>\n") -> String {
        var text = "<?xml version=\"1.0\"?>\n<records>\n  <complaints>\n"
        for index in 0..<count {
            text += "    <complaint id=\"C\(index)\">\n      <received_on>2026-01-02</received_on>\n"
            text += "      <description>  item \(index) &amp; more  </description>\n"
            if index == at { text += extra }
            text += "    </complaint>\n"
        }
        return text + "  </complaints>\n" + tail
    }

    @Test func anExportSpanningManyChunksLoadsEveryRecordInOrder() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let count = 12_000  // about 36,000 events: several chunks
        let root = try fixture.load("big.xml", Self.export(count: count)).root
        let complaints = try #require(root["complaints"]?.items)
        #expect(complaints.count == count)
        for index in [0, 1, 4_095, 8_191, 8_192, count - 1] {
            let record = try #require(complaints[index].record)
            #expect(record["id"] == .text("C\(index)"))
            #expect(record["description"] == .text("item \(index) & more"))
            #expect(record.location.line == Int32(3 + 4 * index + 1))
        }
    }

    @Test func aRepeatedFieldFoundByTheBuilderWinsOverALaterParseError() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        // Record 9,000 repeats a field; the file is also cut short at the end. The repeated field
        // comes first in the file, so it is the error reported.
        let text = Self.export(
            count: 10_000, extra: "      <received_on>2026-01-03</received_on>\n", at: 9_000,
            tail: "")
        let error = try #require(try fixture.failure("dup.xml", text))
        #expect(
            error.message
                == "the field \"received_on\" appears twice in <complaint> (as two elements, or as an attribute and an element)",
            "\(error)")
        #expect(error.line == 3 + 4 * 9_000 + 4, "\(error)")
        #expect(error.column == 7, "\(error)")
    }

    @Test func aParseErrorBeforeAnyBuilderErrorIsReported() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let text = Self.export(count: 10_000, extra: "      <bad attr=oops/>\n", at: 100)
        let error = try #require(try fixture.failure("bad.xml", text))
        #expect(error.message.hasPrefix("the file is not valid XML"), "\(error)")
        #expect(error.line == 3 + 4 * 100 + 4, "\(error)")
    }
}
