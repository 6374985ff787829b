/// Report wording for pipeline features (waivers, systemic findings), in each language.
extension Language {
    /// "Waived until 2026-12-31 by C. Dupont: justification (corrective action NC-7)".
    func waiverNote(_ waiver: Waiver) -> String {
        let until = waiver.expires ?? "?"
        let by = waiver.approver ?? "?"
        let action =
            waiver.correctiveAction.map { self == .fr ? " (action corrective \($0))" : " (corrective action \($0))" }
            ?? ""
        let reason = waiver.justification ?? ""
        switch self {
        case .en: return "Waived until \(until) by \(by): \(reason)\(action)"
        case .fr: return "Dérogation jusqu'au \(until), accordée par \(by) : \(reason)\(action)"
        }
    }

    /// Introduces the records grouped in a systemic finding.
    var systemicEvidence: String {
        switch self {
        case .en: return "Records concerned"
        case .fr: return "Enregistrements concernés"
        }
    }
}
