/// The audit date a run is checked as of (`--as-of`, `as_of`).
public enum AuditDate {
    /// The latest audit date accepted. Deadlines are worked out forward from the audit date
    /// (months and years ahead at most); kept far below 9999-12-31, the last date the tool can
    /// read or write, none of them runs past it.
    public static let latest = CalendarDate(year: 9000, month: 12, day: 31) ?? CalendarDate(day: 0)

    /// The date written in `text`, or why it cannot be an audit date (`option` names where it was
    /// given, such as "--as-of").
    public static func parse(_ text: String, option: String) -> Result<CalendarDate, AuditDateError> {
        guard let date = CalendarDate.parse(text), date.secondOfDay == nil else {
            return .failure(
                AuditDateError(
                    message:
                        "\(option) needs a date written YYYY-MM-DD, such as 2026-11-15; '\(Display.excerpt(text))' is not one"
                ))
        }
        guard date <= latest else {
            return .failure(
                AuditDateError(
                    message:
                        "\(option) \(Display.excerpt(text)) is too far ahead: deadlines worked out from it could pass "
                        + "the year 9999; give a date up to \(latest)"))
        }
        return .success(date)
    }
}

/// An audit date that cannot be used, in plain words.
public struct AuditDateError: Error, Sendable {
    public var message: String
}
