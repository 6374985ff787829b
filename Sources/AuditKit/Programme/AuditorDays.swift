/// A duration in auditor-days, kept as a whole number of half days: IAF MD 5 rounds audit time to
/// the nearest half day, so every duration the programme gives is a multiple of one half.
public struct AuditorDays: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The duration in half days (3 is one and a half auditor-days).
    public var halfDays: Int

    public init(halfDays: Int) { self.halfDays = halfDays }

    /// The duration in auditor-days (1.5).
    public var value: Double { Double(halfDays) / 2 }

    /// `numerator / denominator` half days rounded to the nearest half day, a tie going up
    /// (IAF MD 5:2019 2.2.3: 5.3 days becomes 5.5, 5.2 days becomes 5). Exact integer arithmetic,
    /// so no rounding error of floating point can move a result across a half day.
    public static func rounding(halfDayNumerator numerator: Int, denominator: Int) -> AuditorDays {
        precondition(denominator > 0 && numerator >= 0)
        return AuditorDays(halfDays: (2 * numerator + denominator) / (2 * denominator))
    }

    /// `1.5` in English, `1,5` in French; whole days without decimals (`4`).
    public func formatted(_ language: Language) -> String {
        let whole = "\(halfDays / 2)"
        guard halfDays % 2 == 1 else { return whole }
        return whole + (language == .fr ? ",5" : ".5")
    }

    public var description: String { formatted(.en) }

    public static func < (lhs: AuditorDays, rhs: AuditorDays) -> Bool { lhs.halfDays < rhs.halfDays }
}
