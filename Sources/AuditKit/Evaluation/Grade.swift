/// How serious a finding is, as ISO/IEC 17021-1 and certification bodies grade audit findings.
public enum Grade: String, Sendable, Codable, CaseIterable, Comparable {
    /// A nonconformity that affects the system's ability to achieve its intended results.
    case major
    /// A nonconformity that does not affect that ability.
    case minor
    /// A weakness or potential nonconformity that needs no formal response.
    case observation
    /// An opportunity for improvement.
    case opportunity
    /// Stage 1 only: an area of concern that could be graded a nonconformity at stage 2
    /// (ISO/IEC 17021-1 9.3.1.2); the finding keeps the grade it would carry in ``Finding/stage2Grade``.
    case concern

    /// Higher is more serious.
    public var severity: Int {
        switch self {
        case .major: return 3
        case .minor: return 2
        case .observation: return 1
        case .opportunity: return 0
        case .concern: return 0
        }
    }

    /// Plain-words label for reports.
    public var label: String {
        switch self {
        case .major: return "major nonconformity"
        case .minor: return "minor nonconformity"
        case .observation: return "observation"
        case .opportunity: return "opportunity for improvement"
        case .concern: return "area of concern"
        }
    }

    /// The grades of stage 2 (every grade but ``concern``), most serious first.
    public static let auditGrades: [Grade] = [.major, .minor, .observation, .opportunity]

    /// More serious grades sort first.
    public static func < (lhs: Grade, rhs: Grade) -> Bool { lhs.severity > rhs.severity }
}
