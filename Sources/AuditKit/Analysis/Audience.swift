/// Who a report is written for.
public enum Audience: String, Sendable, Codable, CaseIterable {
    /// The organisation checking itself before the audit: findings come with what to fix.
    case `self`
    /// A certification auditor: findings only, no advice (ISO/IEC 17021-1 5.2, a certification
    /// body does not offer consultancy).
    case auditor
}
