/// A standard a rule belongs to.
public enum Standard: String, Sendable, Codable, CaseIterable, Comparable {
    /// ISO 9001:2015, quality management systems (requirements).
    case iso9001
    /// ISO 10002:2018, complaints handling (guidelines).
    case iso10002

    /// The title used in reports.
    public var title: String {
        switch self {
        case .iso9001: return "ISO 9001:2015"
        case .iso10002: return "ISO 10002:2018"
        }
    }

    /// Reads a standard as an export or a user writes it (`ISO 9001:2015`, `iso9001`, `9001`).
    public init?(claim: String) {
        // Letters and digits only, so "ISO 9001:2015", "iso9001" and "NF EN ISO 9001:2015" (the
        // national adoption's name) all read as ISO 9001.
        let compact = claim.lowercased().filter { $0.isLetter || $0.isNumber }
        if compact.hasPrefix("9001") || Self.names(compact, "iso9001") {
            self = .iso9001
        } else if compact.hasPrefix("10002") || Self.names(compact, "iso10002") {
            self = .iso10002
        } else {
            return nil
        }
    }

    /// True when `compact` contains `name` not followed by another digit ("iso90012015" names
    /// iso9001: the edition's year follows; a different number such as "iso90011" would not).
    private static func names(_ compact: String, _ name: String) -> Bool {
        guard let range = compact.range(of: name) else { return false }
        let rest = compact[range.upperBound...]
        // An edition year (2015, 2018…) may follow; any other digits make it another standard.
        let digits = rest.prefix { $0.isNumber }
        return digits.isEmpty || (digits.count == 4 && (digits.hasPrefix("19") || digits.hasPrefix("20")))
    }

    public static func < (lhs: Standard, rhs: Standard) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
