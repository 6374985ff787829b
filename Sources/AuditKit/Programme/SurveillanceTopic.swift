/// What ISO/IEC 17021-1:2015 9.6.2.2 requires every surveillance audit to cover, with the clauses
/// of ISO 9001 and ISO 10002 where each is audited.
public struct SurveillanceTopic: Sendable, Equatable {
    /// A stable key (`internal-audit-review`), used in JSON and CSV.
    public var id: String
    /// The topic in English.
    public var title: String
    /// The topic in French.
    public var titleFr: String
    /// The clauses (and their sub-clauses) the topic is audited at.
    public var clauses: [(standard: Standard, clause: String)]

    /// The title in `language`.
    public func title(_ language: Language) -> String { language == .fr ? titleFr : title }

    public static func == (lhs: SurveillanceTopic, rhs: SurveillanceTopic) -> Bool { lhs.id == rhs.id }

    /// The items of 17021-1 9.6.2.2, in its order. The use of marks has no clause of either
    /// standard: it is a note on every surveillance.
    public static let all: [SurveillanceTopic] = [
        SurveillanceTopic(
            id: "internal-audit-review", title: "Internal audits and management review",
            titleFr: "Audits internes et revue de direction",
            clauses: [(.iso9001, "9.2"), (.iso9001, "9.3"), (.iso10002, "8.5"), (.iso10002, "8.6")]),
        SurveillanceTopic(
            id: "previous-nonconformities", title: "Actions on nonconformities found at the previous audit",
            titleFr: "Actions menées sur les non-conformités relevées lors de l'audit précédent",
            clauses: [(.iso9001, "10.2")]),
        SurveillanceTopic(
            id: "complaints", title: "Handling of complaints",
            titleFr: "Traitement des réclamations",
            clauses: [(.iso9001, "9.1.2"), (.iso10002, "7")]),
        SurveillanceTopic(
            id: "objectives", title: "Effectiveness of the system towards its objectives",
            titleFr: "Efficacité du système au regard de ses objectifs",
            clauses: [(.iso9001, "6.2"), (.iso9001, "9.1.1"), (.iso9001, "9.1.3")]),
        SurveillanceTopic(
            id: "changes", title: "Changes to the system and to its processes",
            titleFr: "Modifications du système et de ses processus",
            clauses: [(.iso9001, "6.3"), (.iso9001, "8.5.6")]),
        SurveillanceTopic(
            id: "continual-improvement", title: "Progress of planned activities aimed at continual improvement",
            titleFr: "Avancement des activités planifiées d'amélioration continue",
            clauses: [(.iso9001, "10.3"), (.iso10002, "8.7")]),
        SurveillanceTopic(
            id: "use-of-marks", title: "Use of the certification body's marks and references to certification",
            titleFr: "Utilisation des marques de l'organisme de certification et références à la certification",
            clauses: [])
    ]

    /// True when `clause` of `standard` is audited at every surveillance: it falls under one of
    /// the topics, or it is a clause of ISO 10002, which as a whole is the handling of complaints
    /// (when that standard is checked at all). `check --stage surveillance` runs the stage 2
    /// rules of these clauses.
    public static func coversEverySurveillance(_ standard: Standard, _ clause: String) -> Bool {
        standard == .iso10002 || all.contains { $0.includes(standard, clause) }
    }

    /// True when `clause` of `standard` is audited under this topic.
    public func includes(_ standard: Standard, _ clause: String) -> Bool {
        clauses.contains { $0.standard == standard && ClauseNumber.isWithin(clause, $0.clause) }
    }
}
