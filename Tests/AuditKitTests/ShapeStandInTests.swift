import Testing
@testable import AuditKit

/// A loop over a collection hands its records out through stand-ins for their shapes
/// (``RecordShape/init(standingInFor:)``), so that two cores going through one collection do not
/// count references on one shared object. What a rule reads must not change.
@Suite struct ShapeStandInTests {
    /// 40 complaints of three kinds (three shapes), so the loop passes the plain records it hands
    /// out first and makes stand-ins for the rest.
    static let json: String = {
        let complaints = (0..<40).map { number -> String in
            switch number % 3 {
            case 0: return #"{"id": "C\#(number)", "received_on": "2026-01-\#(10 + number % 18)"}"#
            case 1: return #"{"id": "C\#(number)", "channel": "phone", "received_on": "2026-02-01"}"#
            default: return #"{"id": "C\#(number)", "category": "delivery", "owner": "P\#(number)"}"#
            }
        }
        return #"{"complaints": [\#(complaints.joined(separator: ", "))]}"#
    }()

    @Test func recordsReadThroughAStandInAreTheRecordsOfTheCollection() throws {
        let records = try EvaluationHarness.records(json: Self.json)
        let exported = try #require(records.root["complaints"]?.items)
        var handedOut: [RuntimeValue] = []
        for item in RuntimeList(exported: exported) { handedOut.append(item) }
        #expect(handedOut.count == 40)
        for (value, original) in zip(handedOut, exported) {
            let record = try #require(value.record)
            #expect(record == original.record)
            #expect(record.fieldNames == original.record?.fieldNames)
            #expect(record.location == original.record?.location)
            #expect(record["received_on"] == original.record?["received_on"])
        }
    }

    /// A stand-in keeps what it reads alive: a record handed out by a loop stays readable after
    /// the export it came from is gone.
    @Test func aRecordHandedOutOutlivesItsExport() throws {
        var handedOut: RuntimeValue?
        do {
            let records = try EvaluationHarness.records(json: Self.json)
            let exported = try #require(records.root["complaints"]?.items)
            for item in RuntimeList(exported: exported) { handedOut = item }
        }
        let last = try #require(handedOut?.record)
        #expect(last.id == "C39")
        #expect(last["received_on"]?.text == "2026-01-13")
    }

    /// Rules over the collection find what they found before stand-ins: counts, joins between two
    /// records of the collection, and the records named in findings.
    @Test func rulesOverTheCollectionFindTheSame() throws {
        #expect(try EvaluationHarness.holds("count(c in complaints where c.channel = \"phone\") = 13", json: Self.json))
        #expect(
            try EvaluationHarness.holds(
                "every c in complaints satisfies (c.category is absent or some d in complaints satisfies (d.owner = c.owner and d.id = c.id))",
                json: Self.json))
        let failing = try EvaluationHarness.failing("c.category is absent", json: Self.json)
        #expect(failing.count == 13)
        #expect(Set(failing) == Set((0..<40).filter { $0 % 3 == 2 }.map { "C\($0)" }))
    }
}
