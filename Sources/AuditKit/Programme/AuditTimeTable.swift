/// IAF MD 5 Table QMS 1: the audit time of an initial certification audit (stage 1 + stage 2) of a
/// quality management system from the effective number of personnel, as data.
///
/// Source: IAF MD 5:2019, Issue 4 (Version 2, issued 11 November 2019, application date 7 May
/// 2020), "Determination of Audit Time of Quality, Environmental, and Occupational Health & Safety
/// Management Systems", Table QMS 1 (unchanged from IAF MD 5:2015 Issue 3). The figures were
/// checked against public reproductions of the table (GOST R 54318-2021 Table QMS-1, which
/// reproduces it, and the European co-operation for Accreditation's FAQ 38.2, quoting "1-5
/// employees: 1.5 audit days" and clause 2.2.3 on rounding, and FAQ 37.23, "55 workers: 5
/// man-days"); the IAF's own PDF was not among the stored sources. docs/audit-programme.md says
/// the same.
public struct AuditTimeTable: Sendable {
    /// One band of the table: from `lowest` to `highest` people (inclusive), `halfDays` half days.
    public struct Band: Sendable, Equatable {
        public var lowest: Int
        public var highest: Int
        public var days: AuditorDays
    }

    /// The issue of IAF MD 5 the figures come from, for reports.
    public static let source = "IAF MD 5:2019 (Issue 4), Table QMS 1"

    /// The bands, in order of headcount.
    public let bands: [Band]

    /// Table QMS 1 of IAF MD 5:2019.
    public static let qms = AuditTimeTable(
        bands: [
            (1, 5, 3), (6, 10, 4), (11, 15, 5), (16, 25, 6), (26, 45, 8), (46, 65, 10), (66, 85, 12),
            (86, 125, 14), (126, 175, 16), (176, 275, 18), (276, 425, 20), (426, 625, 22), (626, 875, 24),
            (876, 1175, 26), (1176, 1550, 28), (1551, 2025, 30), (2026, 2675, 32), (2676, 3450, 34),
            (3451, 4350, 36), (4351, 5450, 38), (5451, 6800, 40), (6801, 8500, 42), (8501, 10700, 44)
        ].map { Band(lowest: $0.0, highest: $0.1, days: AuditorDays(halfDays: $0.2)) })

    /// The initial audit time (stage 1 + stage 2) for `personnel` effective people (at least 1).
    ///
    /// Above the last band (10,700 people) MD 5 says "follow progression"; this table adds one
    /// auditor-day for every further 2,200 people or part of it (the width of the last band), a
    /// reading of that note, not a figure of the table.
    public func initialAuditTime(personnel: Int) -> AuditorDays {
        let people = max(personnel, 1)
        if let band = bands.first(where: { people <= $0.highest }) { return band.days }
        guard let last = bands.last else { return AuditorDays(halfDays: 0) }
        let width = last.highest - last.lowest + 1
        let extraBands = (people - last.highest + width - 1) / width
        return AuditorDays(halfDays: last.days.halfDays + 2 * extraBands)
    }

    /// True when `personnel` lies beyond the table's last band (the time is extrapolated).
    public func isBeyondTable(personnel: Int) -> Bool { personnel > (bands.last?.highest ?? 0) }
}
