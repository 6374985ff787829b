import Testing
@testable import AuditKit

@Suite struct ClauseNumberTests {
    @Test func ordersNumerically() {
        let sorted = ["10.1", "9.2.2", "4.4", "9.10", "8.5.1 f", "8.5.1", "7.1.5.2"].sorted { ClauseNumber.compare($0, $1) < 0 }
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
}
