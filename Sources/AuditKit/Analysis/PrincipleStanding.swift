/// Where the organisation stands on one quality management principle.
public struct PrincipleStanding: Sendable, Codable, Equatable {
    /// The overall standing.
    public enum Level: String, Sendable, Codable {
        /// Every assessed clause conforms.
        case established
        /// Some assessed clauses have gaps, none major.
        case partial
        /// A major finding, or more gaps than conforming clauses.
        case weak
        /// No clause of the principle was assessed from the records.
        case notAssessed = "not_assessed"
    }

    public var principle: QualityPrinciple
    /// The ISO 9001 clauses mapped to it.
    public var clauses: [String]
    public var conforming: Int
    public var gaps: Int
    public var notAssessed: Int
    /// Major findings against its clauses.
    public var majorFindings: Int
    public var level: Level

    enum CodingKeys: String, CodingKey {
        case principle, clauses, conforming, gaps, level
        case notAssessed = "not_assessed"
        case majorFindings = "major_findings"
    }

    /// Computes the level from the counts.
    public init(
        principle: QualityPrinciple, clauses: [String], conforming: Int, gaps: Int, notAssessed: Int,
        majorFindings: Int
    ) {
        self.principle = principle
        self.clauses = clauses
        self.conforming = conforming
        self.gaps = gaps
        self.notAssessed = notAssessed
        self.majorFindings = majorFindings
        if conforming + gaps == 0 {
            level = .notAssessed
        } else if majorFindings > 0 || gaps > conforming {
            level = .weak
        } else if gaps > 0 {
            level = .partial
        } else {
            level = .established
        }
    }
}
