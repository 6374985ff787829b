/// A date (or date and time) from an export, parsed strictly as ISO 8601.
///
/// Accepted: `2026-03-01`, `2026-03-01T09:30`, `2026-03-01T09:30:00`, `2026-03-01T09:30:00.250`,
/// each optionally followed by `Z` or an offset `+01:00` / `-0500`. Anything else, including an
/// impossible day such as `2026-02-30`, does not parse: ``parse(_:)`` returns nil and the
/// evaluator treats the value as an invalid date, which rules can detect.
///
/// A date-time counts for day arithmetic as the calendar day written in it (local to its own
/// offset); ordering two date-times with offsets compares the instants.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 in the proleptic Gregorian calendar.
    public var day: Int
    // The time and the offset are stored in 32 bits each (``absent`` when not given), so a date
    // takes 16 bytes: evaluation copies dates around a great deal.
    private var storedSecondOfDay: Int32
    private var storedOffsetSeconds: Int32
    private static let absent = Int32.min

    /// Seconds since midnight local time, when a time was given.
    public var secondOfDay: Int? {
        get { storedSecondOfDay == Self.absent ? nil : Int(storedSecondOfDay) }
        set { storedSecondOfDay = Self.stored(newValue) }
    }

    /// Offset from UTC in seconds, when a zone was given.
    public var offsetSeconds: Int? {
        get { storedOffsetSeconds == Self.absent ? nil : Int(storedOffsetSeconds) }
        set { storedOffsetSeconds = Self.stored(newValue) }
    }

    /// Creates a date from its day number.
    public init(day: Int, secondOfDay: Int? = nil, offsetSeconds: Int? = nil) {
        self.day = day
        storedSecondOfDay = Self.stored(secondOfDay)
        storedOffsetSeconds = Self.stored(offsetSeconds)
    }

    /// A time or offset in its 32-bit storage; times and offsets of real dates are far smaller.
    private static func stored(_ value: Int?) -> Int32 {
        guard let value else { return absent }
        return Int32(clamping: max(value, Int(Int32.min) + 1))
    }

    /// Creates a date from year, month and day; nil when the day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.init(day: CalendarDate.dayNumber(year: year, month: month, day: day))
    }

    /// Parses `text` strictly; nil when it is not a valid ISO 8601 date or date-time.
    public static func parse(_ text: String) -> CalendarDate? {
        var text = text
        // Native strings are contiguous UTF-8: read them in place, without copying the bytes.
        return text.withUTF8 { parse(utf8: $0) }
    }

    /// Parses UTF-8 bytes strictly; nil when they are not a valid ISO 8601 date or date-time.
    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        let count = bytes.count
        guard count >= 10, count <= 40 else { return nil }
        if count == 10 { return parsePlainDate(bytes) }
        func digits(_ start: Int, _ end: Int) -> Int? {
            guard end <= count else { return nil }
            var value = 0
            for index in start..<end {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = digits(0, 4), bytes[4] == 45, let month = digits(5, 7), bytes[7] == 45,
            let dayOfMonth = digits(8, 10),
            var date = CalendarDate(year: year, month: month, day: dayOfMonth)
        else { return nil }
        if count == 10 { return date }
        guard bytes[10] == 84 || bytes[10] == 116 else { return nil }  // T or t
        // Positions below are relative to the time, which starts after the T.
        let t = 11
        guard let hour = digits(t, t + 2), count - t >= 5, bytes[t + 2] == 58, let minute = digits(t + 3, t + 5),
            hour < 24, minute < 60
        else { return nil }
        var seconds = hour * 3600 + minute * 60
        var position = t + 5
        if position < count, bytes[position] == 58 {
            guard let second = digits(position + 1, position + 3), second < 60 else { return nil }
            seconds += second
            position += 3
            if position < count, bytes[position] == 46 || bytes[position] == 44 {
                position += 1
                let start = position
                while position < count, bytes[position] >= 48, bytes[position] <= 57 { position += 1 }
                guard position > start else { return nil }
            }
        }
        date.secondOfDay = seconds
        if position == count { return date }
        switch bytes[position] {
        case 90, 122:  // Z or z
            guard position + 1 == count else { return nil }
            date.offsetSeconds = 0
        case 43, 45:  // + or -
            let sign = bytes[position] == 43 ? 1 : -1
            guard let offsetHours = digits(position + 1, position + 3), offsetHours <= 14 else { return nil }
            var rest = position + 3
            if rest < count, bytes[rest] == 58 { rest += 1 }
            guard let offsetMinutes = digits(rest, rest + 2), offsetMinutes < 60, rest + 2 == count
            else { return nil }
            date.offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        default:
            return nil
        }
        return date
    }

    /// `YYYY-MM-DD` exactly (10 bytes), the most common form by far: read without the general
    /// parser's bookkeeping.
    @inline(__always)
    private static func parsePlainDate(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        @inline(__always) func digit(_ index: Int) -> Int? {
            let value = bytes[index] &- 48
            return value < 10 ? Int(value) : nil
        }
        guard bytes[4] == 45, bytes[7] == 45,
            let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
            let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9)
        else { return nil }
        return plainDate(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
    }

    /// The date of a `YYYY-MM-DD` text read as numbers, or nil when there is no such day: what
    /// parsing a plain date gives, for texts parsed and for texts kept in a record's word
    /// (``CompactText/date(_:)``) alike.
    @inline(__always)
    static func plainDate(year: Int, month: Int, day dayOfMonth: Int) -> CalendarDate? {
        if year >= firstTabulatedYear, year < firstTabulatedYear + tabulatedYears, month >= 1, month <= 12,
            dayOfMonth >= 1
        {
            let index = (year - firstTabulatedYear) * 12 + month - 1
            let start = Int(monthStarts[index])
            guard dayOfMonth <= Int(monthStarts[index + 1]) - start else { return nil }
            return CalendarDate(day: start + dayOfMonth - 1)
        }
        guard year >= 1, month >= 1, month <= 12, dayOfMonth >= 1,
            dayOfMonth <= (month == 2 ? (isLeap(year) ? 29 : 28) : daysIn(month: month, year: year))
        else { return nil }
        return CalendarDate(day: dayNumber(year: year, month: month, day: dayOfMonth))
    }

    /// The calendar day alone, without a time.
    public var dateOnly: CalendarDate { CalendarDate(day: day) }

    /// Year, month and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        // Civil-from-days (H. Hinnant's algorithm).
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Day number of 0001-01-01, the earliest date the tool reads or writes.
    static let earliestDay = -719_162
    /// Day number of 9999-12-31, the latest date the tool reads or writes.
    static let latestDay = 2_932_896

    /// This date moved by whole days. Date arithmetic saturates: a result before 0001-01-01 or
    /// after 9999-12-31 (which no export can hold, and no report could write as a four-digit
    /// year) is that first or last day.
    public func adding(days: Int) -> CalendarDate {
        let (sum, overflow) = day.addingReportingOverflow(days)
        let moved =
            overflow ? (days < 0 ? Self.earliestDay : Self.latestDay) : min(max(sum, Self.earliestDay), Self.latestDay)
        return CalendarDate(day: moved)
    }

    /// This date moved by whole months; the day of month is clamped to the target month's
    /// length (31 January plus one month is 28 or 29 February). Saturates at 0001-01-01 and
    /// 9999-12-31, as ``adding(days:)`` does.
    public func adding(months: Int) -> CalendarDate {
        let (year, month, dayOfMonth) = components
        let (total, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        if overflow || total >= 10_000 * 12 { return CalendarDate(day: months < 0 ? Self.earliestDay : Self.latestDay) }
        if total < 12 { return CalendarDate(day: Self.earliestDay) }
        let newYear = total >= 0 ? total / 12 : (total - 11) / 12
        let newMonth = total - newYear * 12 + 1
        let clamped = min(dayOfMonth, CalendarDate.daysIn(month: newMonth, year: newYear))
        return CalendarDate(day: CalendarDate.dayNumber(year: newYear, month: newMonth, day: clamped))
    }

    /// Calendar days from `self` to `other` (negative when `other` is earlier).
    public func days(to other: CalendarDate) -> Int { other.day - day }

    /// Whole months from `self` to `other`: a month counts once its day of month is reached.
    public func months(to other: CalendarDate) -> Int {
        let (y1, m1, d1) = components
        let (y2, m2, d2) = other.components
        var months = (y2 - y1) * 12 + (m2 - m1)
        if months > 0, d2 < d1, other.day < adding(months: months).day { months -= 1 }
        if months < 0, d2 > d1, other.day > adding(months: months).day { months += 1 }
        return months
    }

    /// ISO 8601 text of the calendar day (`2026-03-01`).
    public var description: String {
        let (year, month, dayOfMonth) = components
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(dayOfMonth, 2))"
    }

    /// Orders by instant when both carry a time and an offset, otherwise by calendar day and then
    /// local time.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        if let ls = lhs.secondOfDay, let lo = lhs.offsetSeconds, let rs = rhs.secondOfDay, let ro = rhs.offsetSeconds {
            return lhs.day * 86_400 + ls - lo < rhs.day * 86_400 + rs - ro
        }
        if lhs.day != rhs.day { return lhs.day < rhs.day }
        guard let ls = lhs.secondOfDay, let rs = rhs.secondOfDay else { return false }
        return ls < rs
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The years whose month starts are in ``monthStarts``.
    static let firstTabulatedYear = 1900, tabulatedYears = 300

    /// The day number of the first of each month from January 1900 to December 2199, then of
    /// 1 January 2200: a month's length is the difference of two entries. A rule reads a record's
    /// dates at every comparison, and working each out with ``dayNumber(year:month:day:)`` was a
    /// fiftieth of a check's instructions.
    static let monthStarts: [Int32] = (0...tabulatedYears * 12).map { index in
        Int32(dayNumber(year: firstTabulatedYear + index / 12, month: index % 12 + 1, day: 1))
    }

    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        // Days-from-civil (H. Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

import Foundation

extension CalendarDate {
    /// Today's date in the local time zone.
    public static var today: CalendarDate {
        let today = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: today.year ?? 2000, month: today.month ?? 1, day: today.day ?? 1)
            ?? CalendarDate(day: 0)
    }
}
