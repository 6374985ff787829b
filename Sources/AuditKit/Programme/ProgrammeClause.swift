/// A clause an audit of the programme covers, from the rule set's clause declarations.
public struct ProgrammeClause: Sendable, Hashable, Comparable {
    public var standard: Standard
    /// The clause number (`9.2.1`).
    public var clause: String
    /// The English title from the rule files.
    public var title: String
    /// The French title, when the rule files give one.
    public var titleFr: String?
    /// The 17021-1 9.6.2.2 topic the clause is audited under at every surveillance, if any.
    public var topic: String?

    /// The title in `language`, English when the rule files give no translation.
    public func title(_ language: Language) -> String { language == .fr ? titleFr ?? title : title }

    /// `ISO 9001:2015 9.2.1`.
    public var reference: String { "\(standard.title) \(clause)" }

    public static func < (lhs: ProgrammeClause, rhs: ProgrammeClause) -> Bool {
        lhs.standard != rhs.standard ? lhs.standard < rhs.standard : ClauseNumber.compare(lhs.clause, rhs.clause) < 0
    }
}
