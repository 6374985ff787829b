/// Excel's serial dates: a number of days since the workbook's epoch, with the time of day as
/// the fraction.
///
/// In the 1900 date system day 1 is 1900-01-01 and day 60 is 29 February 1900, a day that never
/// was (Lotus 1-2-3's leap-year bug, kept by Excel), so from day 61 on the serial is one day
/// ahead of the real count. In the 1904 system (old Mac workbooks) day 0 is 1904-01-01.
enum ExcelDate {
    /// The day number (days since 1970-01-01) of the 1900 system's day 0, 1899-12-31.
    private static let epoch1900 = CalendarDate(year: 1899, month: 12, day: 31)!.day
    /// 1904-01-01.
    private static let epoch1904 = CalendarDate(year: 1904, month: 1, day: 1)!.day

    /// The ISO 8601 text of `serial` shown with `kind` (`2026-03-15`, `2026-03-15T09:30:00`,
    /// `09:30:00`); nil when the serial is no real date (negative, day 60 of 1900, past 9999).
    static func iso(_ serial: Double, kind: CellStyles.Kind, dates1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        // Rounded to the second, as Excel shows it.
        let seconds = Int((serial * 86_400).rounded())
        var whole = seconds / 86_400
        let secondOfDay = seconds % 86_400
        let time = clock(secondOfDay)
        if kind == .time { return time }
        let day: Int
        if dates1904 {
            day = epoch1904 + whole
        } else {
            if whole == 60 { return nil }
            if whole > 60 { whole -= 1 }
            guard whole >= 1 else { return kind == .dateTime || secondOfDay > 0 ? time : nil }
            day = epoch1900 + whole
        }
        let date = CalendarDate(day: day).description
        return kind == .dateTime && secondOfDay > 0 ? "\(date)T\(time)" : date
    }

    /// `hh:mm:ss`.
    private static func clock(_ secondOfDay: Int) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))"
    }
}
