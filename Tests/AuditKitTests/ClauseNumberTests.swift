import Testing
@testable import AuditKit

@Suite struct ClauseNumberTests {
    @Test func ordersNumerically() {
        let sorted = ["10.1", "9.2.2", "4.4", "9.10", "8.5.1 f", "8.5.1", "7.1.5.2"].sorted {
            ClauseNumber.compare($0, $1) < 0
        }
        #expect(sorted == ["4.4", "7.1.5.2", "8.5.1", "8.5.1 f", "9.2.2", "9.10", "10.1"])
    }

    @Test func subClausesAreWithinTheirParent() {
        #expect(ClauseNumber.isWithin("8.3.4", "8.3"))
        #expect(ClauseNumber.isWithin("8.3", "8.3"))
        #expect(ClauseNumber.isWithin("8.5.1 f", "8.5.1"))
        #expect(ClauseNumber.isWithin("8.5.1(f)", "8.5.1 f"))
        #expect(!ClauseNumber.isWithin("8.5.1", "8.5.1 f"))
        #expect(!ClauseNumber.isWithin("8.30", "8.3"))
        #expect(!ClauseNumber.isWithin("8", "8.3"))
    }

    /// Plain numbers are answered without splitting them: every answer must stay the one the
    /// split parts give.
    static let awkwardClauses = [
        "", "9", "9.2", "9.2.2", "9.10", "10", "10.1", "09.2", "9.02", "9..2", ".9.2.", " 9 2 ",
        "9(2)", "8.5.1 f", "8.5.1(f)", "8.5.1 F", "+9", "-1", "9.-1", "1234567890123456789",
        "12345678901234567890", "123456789012345678.1", "007", "7", "é.1", "4.4 ", "4.4a"
    ]

    @Test func plainNumbersCompareAsWhenSplit() {
        for lhs in Self.awkwardClauses {
            for rhs in Self.awkwardClauses {
                #expect(
                    ClauseNumber.compare(lhs, rhs) == ClauseNumber.compareParts(lhs, rhs), "compare(\(lhs), \(rhs))")
                #expect(
                    ClauseNumber.isWithin(lhs, rhs) == ClauseNumber.isWithinParts(lhs, rhs), "isWithin(\(lhs), \(rhs))")
            }
        }
    }
}
