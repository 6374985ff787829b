import Testing
@testable import AuditKit

@Suite struct CalendarDateTests {
    @Test(arguments: [
        "2026-03-01", "2024-02-29", "2026-03-01T09:30", "2026-03-01T09:30:00Z",
        "2026-03-01T09:30:00.250+01:00", "2026-03-01T23:59:59-0500", "2000-02-29"
    ])
    func acceptsISO8601(_ text: String) {
        #expect(CalendarDate.parse(text) != nil)
    }

    @Test(arguments: [
        "2026-02-30", "2025-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
        "26-03-01", "2026/03/01", "01/03/2026", "2026-3-1", "2026-03-01 ", " 2026-03-01",
        "2026-03-01T24:00", "2026-03-01T10:60", "2026-03-01T10:00:60", "2026-03-01T10:00+15:00",
        "2026-03-01Tfoo", "2026-03-01T10:00:00.", "2026-03-01Z", "", "today", "0000-01-01"
    ])
    func rejectsEverythingElse(_ text: String) {
        #expect(CalendarDate.parse(text) == nil)
    }

    /// The table of month starts gives, for every day from 1899 to 2201 and for day numbers that
    /// do not exist (0, 29 to 32), what the arithmetic gives; texts parse to the same days.
    @Test func tabulatedDatesMatchTheArithmetic() {
        for year in 1899...2201 {
            for month in 0...13 {
                for day in 0...32 {
                    let valid =
                        (1...12).contains(month) && day >= 1 && day <= CalendarDate.daysIn(month: month, year: year)
                    let expected = valid ? CalendarDate.dayNumber(year: year, month: month, day: day) : nil
                    #expect(CalendarDate.plainDate(year: year, month: month, day: day)?.day == expected)
                }
            }
        }
        #expect(CalendarDate.parse("1900-02-29") == nil)
        #expect(CalendarDate.parse("2000-02-29")?.day == CalendarDate.dayNumber(year: 2000, month: 2, day: 29))
        #expect(CalendarDate.parse("2199-12-31")?.day == CalendarDate.dayNumber(year: 2199, month: 12, day: 31))
    }

    @Test func leapYearsAndMonthEnds() throws {
        let jan31 = try #require(CalendarDate.parse("2024-01-31"))
        #expect(jan31.adding(months: 1).description == "2024-02-29")
        #expect(try #require(CalendarDate.parse("2025-01-31")).adding(months: 1).description == "2025-02-28")
        #expect(try #require(CalendarDate.parse("2024-02-29")).adding(months: 12).description == "2025-02-28")
        #expect(
            try #require(CalendarDate.parse("2024-02-28")).days(to: try #require(CalendarDate.parse("2024-03-01"))) == 2
        )
        #expect(
            try #require(CalendarDate.parse("2025-02-28")).days(to: try #require(CalendarDate.parse("2025-03-01"))) == 1
        )
    }

    @Test func wholeMonthsBetween() throws {
        func months(_ a: String, _ b: String) throws -> Int {
            try #require(CalendarDate.parse(a)).months(to: try #require(CalendarDate.parse(b)))
        }
        #expect(try months("2026-01-15", "2026-02-14") == 0)
        #expect(try months("2026-01-15", "2026-02-15") == 1)
        #expect(try months("2026-01-31", "2026-02-28") == 1)
        #expect(try months("2025-11-15", "2026-11-15") == 12)
        #expect(try months("2026-03-15", "2026-01-20") == -1)
    }

    @Test func dateTimesCountAsTheDayWrittenAndOrderByInstant() throws {
        let lateEvening = try #require(CalendarDate.parse("2026-03-01T23:30:00-05:00"))
        let morningParis = try #require(CalendarDate.parse("2026-03-02T01:00:00+01:00"))
        // The local calendar day is kept for day arithmetic…
        #expect(lateEvening.description == "2026-03-01")
        #expect(lateEvening.days(to: morningParis) == 1)
        // …but the instants are ordered: 23:30 in New York is after 01:00 in Paris the next day.
        #expect(morningParis < lateEvening)
        // A plain date and a date-time on the same day are neither before nor after each other.
        let day = try #require(CalendarDate.parse("2026-03-01"))
        #expect(!(day < lateEvening) && !(lateEvening < day))
    }

    @Test func roundTripsEveryDayOfFourCenturies() {
        var day = CalendarDate(year: 1800, month: 1, day: 1)!.day
        let end = CalendarDate(year: 2200, month: 12, day: 31)!.day
        while day <= end {
            let date = CalendarDate(day: day)
            #expect(CalendarDate.parse(date.description)?.day == day)
            day += 37
        }
    }
}
