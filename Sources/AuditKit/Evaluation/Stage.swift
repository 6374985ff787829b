/// The two moments of an initial certification audit.
public enum Stage: String, Sendable, Codable, CaseIterable {
    /// Stage 1, the initial assessment: is the documented system there, where are the gaps.
    case initial
    /// Stage 2, the certification audit: is the system implemented and effective.
    case certification
}
