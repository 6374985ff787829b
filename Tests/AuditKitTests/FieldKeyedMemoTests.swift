import Testing
@testable import AuditKit

/// A quantifier that reads the outer record through one field is remembered by that field's
/// text (``FieldKeyedMemo``, as K24-channels-published needs); its answers must be those of
/// testing every item for every record, whether the values repeat (one channel for all), vary in
/// case, are absent or blank, or never repeat (the memo gives up).
@Suite struct FieldKeyedMemoTests {
    static let conditions = [
        // K24's shape: a published list against the record's value, lowered on both sides.
        "some p in [\"Setup\", \"supplier\", \"12\"] satisfies lower(p) = lower(nc.root_cause)",
        "no p in [\"setup\", \"2026-01-05\"] satisfies p = nc.root_cause",
        "every p in [\"a\", \"b\"] satisfies nc.root_cause != p",
        // The field compared as a number and as a date, and tested for presence.
        "some p in [12, 13] satisfies nc.root_cause = p",
        "some p in [date(\"2026-01-01\")] satisfies date(nc.root_cause) after p",
        "some p in [1] satisfies nc.root_cause is present",
        // A quantifier over a collection of the export, reading the outer record's field once.
        "some other in nonconformities satisfies other.owner = \"P1\" and lower(other.root_cause) = lower(nc.root_cause)"
    ]

    /// `text` parsed as a placeholder of a message, where its quotes are escaped.
    static func expression(_ text: String) throws -> Expr {
        try RangeJoinTests.expression(text.replacingOccurrences(of: "\"", with: "\\\""))
    }

    /// `count` nonconformities whose root causes come from `causes`, in turn.
    static func export(count: Int, causes: (Int) -> String?) -> String {
        let records = (0..<count).map { index -> String in
            let cause = causes(index).map { "\"\($0)\"" } ?? "null"
            return "{\"id\": \"NC-\(index)\", \"root_cause\": \(cause), \"owner\": \"P\(index % 3)\"}"
        }
        return "{\"nonconformities\": [" + records.joined(separator: ",\n") + "]}"
    }

    @Test(arguments: Array(conditions.indices))
    func rememberedAnswersAreThoseOfTestingEveryItem(condition: Int) throws {
        let pools: [[String?]] = [
            // Repeated, case-varied, absent and blank values.
            ["Setup", "setup", "SETUP", "Supplier", nil, "", "12", "2026-01-05", "Setup"],
            // One value for every record (a skewed register).
            ["Operator error"]
        ]
        var exports = pools.map { pool in Self.export(count: 300) { pool[$0 % pool.count] } }
        // Every value different, past the lookups after which the memo gives up.
        exports.append(
            Self.export(count: FieldKeyedMemo.trial + 300) { index in index % 7 == 0 ? "Setup" : "cause \(index)" })
        for (number, json) in exports.enumerated() {
            let root = try EvaluationHarness.records(json: json).root
            let expr = try Self.expression(Self.conditions[condition])
            let remembered = RangeJoinTests.values(expr, root: root, indexed: true)
            #expect(remembered == RangeJoinTests.values(expr, root: root, indexed: false))
            if number == 0 { #expect(Set(remembered).count > 1, "the condition tells the records apart") }
        }
    }

    @Test func onlyAQuantifierReadingOneFieldOfTheLoopVariableIsRemembered() throws {
        func field(_ text: String) throws -> String? {
            let expr = try Self.expression(text)
            return expr.onlyFieldRead(of: { $0 == "nc" }).map { "\($0.variable).\($0.field)" }
        }
        #expect(try field("some p in [\"a\"] satisfies lower(p) = lower(nc.root_cause)") == "nc.root_cause")
        #expect(try field("some p in [\"a\"] satisfies p = nc.root_cause or p = nc.owner") == nil)
        #expect(try field("some p in [\"a\"] satisfies p = nc.root_cause and nc.owner is present") == nil)
        #expect(try field("some other in nonconformities satisfies other = nc") == nil)
        #expect(try field("some other in nonconformities satisfies other.owner = \"P1\"") == nil)
    }
}
