/// A standard a rule belongs to.
public enum Standard: String, Sendable, Codable, CaseIterable, Comparable {
    /// ISO 9001:2015, quality management systems (requirements).
    case iso9001
    /// ISO 10002:2018, complaints handling (guidelines).
    case iso10002

    /// The name an export writes in `organisation.standards`.
    public var claimName: String {
        switch self {
        case .iso9001: return "ISO 9001:2015"
        case .iso10002: return "ISO 10002:2018"
        }
    }

    /// The title used in reports.
    public var title: String {
        switch self {
        case .iso9001: return "ISO 9001:2015"
        case .iso10002: return "ISO 10002:2018"
        }
    }

    /// Reads a standard as an export or a user writes it (`ISO 9001:2015`, `iso9001`, `9001`).
    public init?(claim: String) {
        let compact = claim.lowercased().filter { $0.isLetter || $0.isNumber }
        if compact.hasPrefix("iso9001") || compact.hasPrefix("9001") {
            self = .iso9001
        } else if compact.hasPrefix("iso10002") || compact.hasPrefix("10002") {
            self = .iso10002
        } else {
            return nil
        }
    }

    public static func < (lhs: Standard, rhs: Standard) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
