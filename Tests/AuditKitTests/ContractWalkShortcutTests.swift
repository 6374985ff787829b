import Testing
@testable import AuditKit

/// The structural walk's shortcuts (``CompiledContract``, ``ScalarFastPath``, ``FirstUses``) answer
/// as the general rules they stand in for, so the walk reports the same violations.
@Suite struct ContractWalkShortcutTests {
    /// A small deterministic generator (64-bit LCG), so failures repeat.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    }

    /// Texts near every shortcut's edge, then random ones built from the characters that matter.
    static let texts: [String] = {
        var texts = [
            "true", "false", "TRUE", "False", "tRuE", "yes", "1", "", "true ", "truee", "ｔrue", "tru\u{E9}",
            "0", "-1", "12", "3.5", "-0.25", "007", "1.", "-.5", ".5", "+1", "1e3", "1E+3", "1e400", "0x1A", "-0x1p3",
            "nan", "inf", "-inf", " 1", "1 ", "1_000", "\u{0661}\u{0662}", "1.2.3", "--1", "-", "1,5",
            String(repeating: "9", count: 32), String(repeating: "9", count: 33), String(repeating: "9", count: 400),
            "2026-03-01", "2026-02-29", "2024-02-29", "1900-02-29", "2000-02-29", "0000-01-01", "9999-12-31",
            "2026-13-01", "2026-00-10", "2026-01-00", "2026-04-31", "2026-1-01", "2026-03-01T09:30", "2026-03-01Z",
            "２０２６-03-01", "2026/03/01", "2026-03-01 ", "low", "LOW", "medium", "Low", "lo", "k\u{301}"
        ]
        var generator = Generator(state: 9001)
        let characters = Array("0123456789-.eE+:TZtrufalsTRUEFALS x\u{E9}\u{301}\u{212A}")
        for _ in 0..<20_000 {
            texts.append(String((0..<generator.next(12)).map { _ in generator.pick(characters) }))
        }
        for _ in 0..<20_000 {  // YYYY-MM-DD with any digits, and sometimes another separator
            let digits = (0..<8).map { _ in String(generator.next(10)) }
            let separator = generator.next(20) == 0 ? "/" : "-"
            texts.append(digits[0..<4].joined() + "-" + digits[4..<6].joined() + separator + digits[6..<8].joined())
        }
        return texts
    }()

    @Test func scalarShortcutsAcceptOnlyWhatTheGeneralRuleAccepts() throws {
        // One field of each scalar type of the contract.
        var seen: [ContractType] = []
        var accepted = 0
        for entry in RecordsContract.entries {
            let fields = try #require(CompiledContract.fields(ofEntry: entry.name))
            for (index, field) in fields.fields.enumerated() where field.type.isScalar && !seen.contains(field.type) {
                seen.append(field.type)
                for text in Self.texts where fields.certainlyFits(.text(text), at: index) {
                    accepted += 1
                    #expect(ContractValidator.scalarProblem(text, type: field.type) == nil, "\(field.name): '\(text)'")
                }
            }
        }
        #expect(seen.contains(.date) && seen.contains(.boolean) && seen.contains(.number))
        #expect(accepted > 20_000)
    }

    @Test func plainSpellingsTakeTheShortcut() {
        for text in ["2026-03-01", "2024-02-29", "9999-12-31"] {
            #expect(ScalarFastPath.withUTF8(text, ScalarFastPath.isPlainDate), "\(text)")
        }
        for text in ["true", "false", "TRUE", "False"] {
            #expect(ScalarFastPath.withUTF8(text, ScalarFastPath.isBoolean), "\(text)")
        }
        for text in ["0", "12", "-3", "3.25", "-0.5", "007"] {
            #expect(ScalarFastPath.withUTF8(text, ScalarFastPath.isPlainDecimal), "\(text)")
        }
        // Every plain ten-character date the rule accepts, the shortcut accepts too.
        for text in Self.texts where text.utf8.count == 10 && CalendarDate.parse(text) != nil {
            #expect(ScalarFastPath.withUTF8(text, ScalarFastPath.isPlainDate), "\(text)")
        }
    }

    @Test func everyListFindsItsFieldsByNameAndNothingElse() throws {
        let contractNames = Set(RecordsContract.entries.map(\.name)).union(RecordsContract.allFields)
        let names = NameTable()
        func check(_ fields: CompiledFields, _ contract: [ContractField]) throws {
            for name in contractNames {
                let index = contract.firstIndex { $0.name == name }
                #expect(fields.index(of: names.name(name), slots: ContractSlots(names: names)) == index, "\(name)")
                if let index, case .records(let nested) = contract[index].type {
                    try check(try #require(fields.nested[index]), nested)
                }
            }
            #expect(
                fields.index(
                    of: names.name("not_in_the_contract_\(contract.count)"), slots: ContractSlots(names: names)) == nil)
            #expect(fields.hasID == contract.contains { $0.name == "id" })
        }
        for entry in RecordsContract.entries {
            try check(try #require(CompiledContract.fields(ofEntry: entry.name)), entry.fields)
        }
    }

    @Test(arguments: [false, true])
    func firstUsesAnswerAsADictionaryOfStrings(withUnicode: Bool) {
        var pool = (0..<300).map { "ID-\($0)" } + ["", "a-rather-long-identifier-of-many-bytes", "K1", "k1"]
        if withUnicode {
            // Equal as Strings, different bytes: the Kelvin sign is canonically a K, é two ways.
            pool += ["\u{212A}1", "\u{E9}t\u{E9}", "e\u{301}te\u{301}", "\u{E9}t\u{E9}-2"]
        }
        var generator = Generator(state: withUnicode ? 7 : 11)
        var uses = FirstUses(items: 3000)
        var firstUses: [String: Int] = [:]  // the reference: a dictionary of Strings
        var ids: [String] = []
        for position in 0..<3000 {
            let id = generator.pick(pool)
            ids.append(id)
            let expected = firstUses[id]
            if expected == nil { firstUses[id] = position }
            #expect(uses.use(id, at: position, idOf: { ids[$0] }) == expected, "\(id) at \(position)")
        }
    }

    @Test func idsWrittenToCollideMoveToADictionaryAndKeepTheirAnswers() {
        // An export comes from outside: ids chosen so that all fall on one slot of the table
        // would make every use look through all the others. Past the probe limit, the ids move
        // to a dictionary; the answers stay those of a dictionary of Strings.
        let items = 400
        var slotCount = 16
        while slotCount < items * 2 { slotCount *= 2 }
        let target = Int(truncatingIfNeeded: FirstUses.asciiHash("C-0")!) & (slotCount - 1)
        var colliding: [String] = []
        var candidate = 0
        while colliding.count < FirstUses.probeLimit + 40 {
            let id = "C-\(candidate)"
            if Int(truncatingIfNeeded: FirstUses.asciiHash(id)!) & (slotCount - 1) == target { colliding.append(id) }
            candidate += 1
        }
        var ids = colliding + colliding.prefix(30) + ["fresh"] + colliding.suffix(10)
        ids += Array(repeating: "fresh", count: items - ids.count)
        var uses = FirstUses(items: items)
        var firstUses: [String: Int] = [:]
        for (position, id) in ids.enumerated() {
            let expected = firstUses[id]
            if expected == nil { firstUses[id] = position }
            #expect(uses.use(id, at: position, idOf: { ids[$0] }) == expected, "\(id) at \(position)")
        }
    }

    @Test(arguments: [false, true])
    func repeatedIDsOfALongListAnswerAsADictionaryOfStrings(withUnicode: Bool) {
        var pool = (0..<300).map { "ID-\($0)" } + ["", "a-rather-long-identifier-of-many-bytes", "K1", "k1"]
        if withUnicode { pool += ["\u{212A}1", "\u{E9}t\u{E9}", "e\u{301}te\u{301}"] }
        var generator = Generator(state: withUnicode ? 5 : 13)
        // Some items have no id.
        let ids: [String?] = (0..<3000).map { _ in generator.pick(pool + ["-"]) }.map { $0 == "-" ? nil : $0 }
        let repeated = FirstUses.repeatedIDs(count: ids.count) { ids[$0] }
        guard !withUnicode else {
            #expect(repeated == nil)  // item after item, as `String` equality decides
            return
        }
        var firstUses: [String: Int] = [:]  // the reference: a dictionary of Strings
        var expected: [Int: Int] = [:]
        for (position, id) in ids.enumerated() {
            guard let id else { continue }
            if let first = firstUses[id] { expected[position] = first } else { firstUses[id] = position }
        }
        #expect(repeated == expected)
    }
}
