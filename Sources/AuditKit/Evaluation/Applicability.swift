import Foundation

/// ISO 9001 4.3: requirements the organisation declares not applicable in
/// `organisation.not_applicable`, and whether each declaration can be accepted.
public struct NotApplicableDeclaration: Sendable, Hashable, Codable {
    /// The clause declared not applicable, as written.
    public var clause: String
    /// The justification given, if any.
    public var justification: String?
    /// Accepted declarations switch that clause's rules off; refused ones leave them on.
    public var accepted: Bool

    enum CodingKeys: String, CodingKey { case clause, justification, accepted }

    public init(clause: String, justification: String?, accepted: Bool) {
        self.clause = clause
        self.justification = justification
        self.accepted = accepted
    }
}

enum Applicability {
    /// Requirements certification bodies accept as not applicable (iso-reference 1.3): design and
    /// development, monitoring and measuring resources, measurement traceability, validation of
    /// processes whose output cannot be verified, traceability, property of others, post-delivery.
    static let allowList = ["7.1.5", "7.1.5.2", "8.3", "8.5.1 f", "8.5.2", "8.5.3", "8.5.5"]

    /// Reads the declarations and returns them with a finding for each one that cannot be accepted.
    static func evaluate(root: Record, language: Language = .en) -> (
        declarations: [NotApplicableDeclaration], findings: [(BuiltinCheck, RuleEvaluator.RawFinding)]
    ) {
        let organisation = root["organisation"]?.record
        var declarations: [NotApplicableDeclaration] = []
        var findings: [(BuiltinCheck, RuleEvaluator.RawFinding)] = []
        for item in organisation?["not_applicable"]?.items ?? [] {
            let record = item.record
            let clause = (record?["clause"]?.text ?? item.text ?? "").trimmingCharacters(in: .whitespaces)
            let justification = record?["justification"]?.text
            let allowed = !clause.isEmpty && allowList.contains { ClauseNumber.isWithin(clause, $0) }
            let justified = !(justification ?? "").allSatisfy(\.isWhitespace)
            declarations.append(
                NotApplicableDeclaration(
                    clause: clause, justification: justification,
                    accepted: allowed && justified))
            let shown = clause.isEmpty ? "(no clause given)" : Display.quoted(clause)
            if !allowed {
                findings.append(
                    (
                        .notApplicableClause,
                        RuleEvaluator.RawFinding(
                            grade: BuiltinCheck.notApplicableClause.grade, collection: "not_applicable", record: nil,
                            message: language == .fr
                                ? "Le périmètre déclare l'exigence \(shown) non applicable, mais elle ne peut pas être exclue ; ses contrôles restent en vigueur."
                                : "The scope declares clause \(shown) not applicable, but it is not a requirement that can be excluded; its checks stay in force.",
                            location: record?.location)
                    ))
            } else if !justified {
                findings.append(
                    (
                        .notApplicableJustification,
                        RuleEvaluator.RawFinding(
                            grade: BuiltinCheck.notApplicableJustification.grade, collection: "not_applicable",
                            record: nil,
                            message: language == .fr
                                ? "Le périmètre déclare l'exigence \(shown) non applicable sans dire pourquoi ; tant qu'elle n'est pas justifiée, ses contrôles restent en vigueur."
                                : "The scope declares clause \(shown) not applicable without saying why; until it is justified, its checks stay in force.",
                            location: record?.location)
                    ))
            }
        }
        return (declarations, findings)
    }

    /// True when an accepted declaration covers `clause`.
    static func isNotApplicable(_ clause: String, _ declarations: [NotApplicableDeclaration]) -> Bool {
        declarations.contains { $0.accepted && ClauseNumber.isWithin(clause, $0.clause) }
    }
}
