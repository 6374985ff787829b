import Testing
@testable import AuditKit

/// The names of the records this file makes by hand.
private let names = NameTable()

/// Date-window joins (``RangeJoinIndex``) and membership joins (``JoinIndex``) give exactly the
/// answers of testing every pair, in three-valued logic: on generated nonconformities with shared and case-varied root causes,
/// absent and invalid dates, dates with times and zones, month-end dates, duplicated ids and
/// values that read as numbers or dates.
@Suite struct RangeJoinTests {
    /// A window of one month after the closure, as in Q57-no-recurrence.
    static let window = "later.raised_on after nc.closed_on and not (later.raised_on after nc.closed_on + 1 month)"

    /// Two bounds that leave no day: false or, with the records' invalid dates, unknown.
    static let noDay = "later.raised_on after nc.closed_on and later.raised_on before nc.closed_on"

    /// Conditions on `later` (the joined item) and `nc` (the outer record), one per indexed shape.
    static let shapes = [
        // Q57: key, exclusion and a window closed on both sides.
        "lower(later.root_cause) = lower(nc.root_cause) and later.id != nc.id and \(window)",
        // No key: one group.
        window,
        // The item on the right of `before` / `after`, days as the offset.
        "later.root_cause = nc.root_cause and nc.closed_on before later.raised_on and not (nc.closed_on + 30 days before later.raised_on)",
        // Bounds below the probe, a negative offset.
        "later.root_cause = nc.root_cause and later.raised_on before nc.raised_on and not (later.raised_on before nc.closed_on - 2 months)",
        // A static conjunct (reads only the item).
        "lower(later.root_cause) = lower(nc.root_cause) and later.closed_on is present and later.raised_on after nc.raised_on",
        // A dependent conjunct beside the key: counted by testing the window's items.
        "later.root_cause = nc.root_cause and later.owner = nc.owner and not (later.raised_on before nc.raised_on)",
        // The exclusion written the other way round, one bound only.
        "nc.id != later.id and later.raised_on after nc.closed_on + 1 month",
        noDay,
        // Membership of the outer record's value in the item's list, alone, with a static
        // conjunct (remembered per value) and with a window.
        "nc.owner in later.watchers",
        "nc.owner in later.watchers and later.closed_on is present",
        "nc.owner in later.watchers and later.id != nc.id and later.raised_on after nc.closed_on",
        // A bound on one field and a date comparison on another (tested item by item).
        "later.root_cause = nc.root_cause and not (later.raised_on after nc.closed_on) and later.closed_on after nc.raised_on"
    ]

    static let causes: [String?] = ["Setup", "setup", "SETUP", "Supplier", nil, "", "12", "2026-01-05", "Setup"]
    static let dates: [String?] = [
        "2026-01-31", "2026-02-28", "2026-03-31", "2026-03-28", "2026-04-30", "2025-12-31", "2026-01-30",
        "2026-03-01", "2026-05-31", "2026-02-28", "2026-02-29", "not a date", nil,
        "2026-03-01T10:00:00Z", "2026-01-31T23:30:00-05:00", "2026-02-28T08:00"
    ]

    static let watchers = [
        "null", "[]", "[\"P1\"]", "[\"P1\", \"P2\"]", "[\"P2\", \"P2\"]", "[\"7\"]",
        "[\"2026-01-31\", \"P1\"]", "\"P2\""
    ]

    /// `count` nonconformities drawn from the pools above by a fixed pseudo-random sequence.
    static func export(count: Int, seed: UInt64) -> String {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func field(_ name: String, _ value: String?) -> String {
            value.map { "\"\(name)\": \"\($0)\"" } ?? "\"\(name)\": null"
        }
        let records = (0..<count).map { index -> String in
            let id: String? = [nil, "7", "NC-\(index % 9)", "NC-\(index)"][next(4)]
            let fields = [
                field("id", id), field("root_cause", causes[next(causes.count)]),
                field("raised_on", dates[next(dates.count)]), field("closed_on", dates[next(dates.count)]),
                field("owner", [nil, "P1", "P2"][next(3)]),
                "\"watchers\": " + watchers[next(watchers.count)]
            ]
            return "{" + fields.joined(separator: ", ") + "}"
        }
        return "{\"nonconformities\": [" + records.joined(separator: ",\n") + "]}"
    }

    /// The expression written in a message placeholder, parsed and checked.
    static func expression(_ text: String) throws -> Expr {
        let rules = try EvaluationHarness.ruleSet(
            EvaluationHarness.testRule(
                "", scope: "for each nc in nonconformities", requirement: "true", message: "{\(text)}"))
        for case .placeholder(let expr) in try #require(rules.rules.first).message.parts { return expr }
        throw RuleDiagnostic(file: "test", line: 0, column: 0, message: "no placeholder")
    }

    /// The value of `expr` for each nonconformity as `nc`, written out; `requirement` compiles
    /// it as a rule's requirement, `indexed: false` tests every pair.
    static func values(_ expr: Expr, root: Record, indexed: Bool, requirement: Bool = false) -> [String] {
        let environment = EvaluationEnvironment(root: root, auditDate: EvaluationHarness.auditDate, parameters: [:])
        var compiler = ExprCompiler(environment: environment)
        compiler.indexesJoins = indexed
        let slot = compiler.bind("nc", over: Expr(.name("nonconformities"), at: .unknown))
        let evaluation = requirement ? compiler.compileRequirement(expr) : compiler.compile(expr)
        let frame = EvaluationFrame(size: compiler.slotCount)
        return environment.value(of: "nonconformities").items.map { item in
            frame.slots[slot] = item
            return describe(evaluation(frame))
        }
    }

    static func describe(_ value: RuntimeValue) -> String {
        switch value {
        case .unknown: return "unknown"
        case .bool(let bool): return String(bool)
        case .number(let number): return String(number)
        case .list(let items):
            return "["
                + items.map { item in
                    guard case .record(let record) = item else { return describe(item) }
                    return "\(record.id ?? "-")@\(record.location.line)"
                }.joined(separator: ", ") + "]"
        default: return "\(value)"
        }
    }

    @Test(arguments: Array(shapes.indices))
    func indexedAnswersAreThoseOfTestingEveryPair(shape: Int) throws {
        let condition = Self.shapes[shape]
        for seed in [1, 2, 3] as [UInt64] {
            let root = try EvaluationHarness.records(json: Self.export(count: 70, seed: seed)).root
            var answers: [[String]] = []
            for text in [
                "some later in nonconformities satisfies (\(condition))",
                "no later in nonconformities satisfies (\(condition))",
                "not (some later in nonconformities satisfies (\(condition)))",
                "count(later in nonconformities where \(condition))"
            ] {
                let expr = try Self.expression(text)
                let indexed = Self.values(expr, root: root, indexed: true)
                #expect(indexed == Self.values(expr, root: root, indexed: false), "\(text), seed \(seed)")
                answers.append(indexed)
            }
            // The answers differ from one record to another, so the comparison means something.
            #expect(answers.contains { Set($0).count > 1 } || condition == Self.noDay, "seed \(seed)")
            // The filter itself: the same records in source order.
            let count = try Self.expression("count(later in nonconformities where \(condition))")
            guard case .call(_, let arguments) = count.kind else {
                throw RuleDiagnostic(file: "", line: 0, column: 0, message: "")
            }
            #expect(
                Self.values(arguments[0], root: root, indexed: true)
                    == Self.values(arguments[0], root: root, indexed: false))
            // As a requirement, a `no` only has to tell false from the rest.
            let no = try Self.expression("no later in nonconformities satisfies (\(condition))")
            #expect(
                Self.values(no, root: root, indexed: true, requirement: true).map { $0 == "false" }
                    == Self.values(no, root: root, indexed: false).map { $0 == "false" })
        }
    }

    @Test func theGeneratedDataHasEveryKindOfValue() throws {
        // Guards the comparison above: absent and invalid dates, times, shared keys and duplicates.
        let root = try EvaluationHarness.records(json: Self.export(count: 70, seed: 1)).root
        let records = (root["nonconformities"]?.items ?? []).compactMap { $0.record }
        let raised = records.map { $0["raised_on"]?.text }
        #expect(raised.contains(nil))
        #expect(raised.contains("2026-02-29"))
        #expect(raised.contains { $0?.contains("T") == true })
        #expect(records.filter { $0["root_cause"]?.text == "Setup" }.count > 5)
        let ids = records.compactMap { $0.id }
        #expect(Set(ids).count < ids.count)
    }

    @Test func aWindowIsOneMonthToTheDayWithMonthEndsClamped() throws {
        // Closed on 31 January: one month later is 28 February (2026 is not a leap year).
        let json = """
            {"nonconformities": [
              {"id": "A", "root_cause": "Setup", "raised_on": "2026-01-10", "closed_on": "2026-01-31"},
              {"id": "B", "root_cause": "setup", "raised_on": "2026-02-28"},
              {"id": "C", "root_cause": "Setup", "raised_on": "2026-03-01"},
              {"id": "D", "root_cause": "Setup", "raised_on": "2026-01-31"},
              {"id": "E", "root_cause": "Setup", "raised_on": "2026-02-30"}
            ]}
            """
        let root = try EvaluationHarness.records(json: json).root
        let count = try Self.expression(
            "count(later in nonconformities where lower(later.root_cause) = lower(nc.root_cause) "
                + "and later.id != nc.id and \(Self.window))")
        // B is inside (equal to the end), C is a day late, D is on the closing day (not after it),
        // E has an invalid date; for the others the closure is absent.
        #expect(Self.values(count, root: root, indexed: true) == ["1.0", "0.0", "0.0", "0.0", "0.0"])
        let no = try Self.expression(
            "no later in nonconformities satisfies (lower(later.root_cause) = lower(nc.root_cause) "
                + "and later.id != nc.id and \(Self.window))")
        #expect(Self.values(no, root: root, indexed: true) == ["false", "unknown", "unknown", "unknown", "unknown"])
    }
}
