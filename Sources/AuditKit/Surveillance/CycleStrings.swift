/// The report's texts for the audits after certification (surveillance, recertification) and for
/// the findings of the previous audit, in English and French. French puts a no-break space before
/// « : ; ? ! » and inside guillemets.
extension ReportStrings {
    private var fr: Bool { language == .fr }

    /// The heading of a surveillance or recertification report.
    func laterStageTitle(_ stage: Stage) -> String {
        switch (stage, fr) {
        case (.recertification, false): return "Recertification audit"
        case (.recertification, true): return "Audit de renouvellement"
        case (_, false): return "Surveillance audit"
        case (_, true): return "Audit de surveillance"
        }
    }

    /// The recommendation in words, as it reads at `stage`: certification granted at stage 2,
    /// maintained at surveillance, renewed at recertification.
    public func recommendation(_ recommendation: Recommendation, at stage: Stage) -> String {
        switch (stage, recommendation, fr) {
        case (.surveillance, .recommend, false): return "Maintaining certification is recommended."
        case (.surveillance, .recommend, true): return "Le maintien de la certification est recommandé."
        case (.surveillance, .recommendOncePlanAccepted, false):
            return
                "Maintaining certification is recommended once the corrective action plan for the minor nonconformities has been accepted."
        case (.surveillance, .recommendOncePlanAccepted, true):
            return
                "Le maintien de la certification est recommandé dès que le plan d'actions correctives des non-conformités mineures aura été accepté."
        case (.surveillance, .notRecommended, false):
            return
                "Certification cannot be maintained until the correction and corrective action of every major nonconformity have been verified."
        case (.surveillance, .notRecommended, true):
            return
                "La certification ne peut être maintenue tant que la correction et l'action corrective de chaque non-conformité majeure n'ont pas été vérifiées."
        case (.recertification, .recommend, false): return "Renewal of certification is recommended."
        case (.recertification, .recommend, true): return "Le renouvellement de la certification est recommandé."
        case (.recertification, .recommendOncePlanAccepted, false):
            return
                "Renewal of certification is recommended once the corrective action plan for the minor nonconformities has been accepted."
        case (.recertification, .recommendOncePlanAccepted, true):
            return
                "Le renouvellement de la certification est recommandé dès que le plan d'actions correctives des non-conformités mineures aura été accepté."
        case (.recertification, .notRecommended, false):
            return
                "Renewal of certification is not recommended until the correction and corrective action of every major nonconformity have been verified."
        case (.recertification, .notRecommended, true):
            return
                "Le renouvellement de la certification n'est pas recommandé tant que la correction et l'action corrective de chaque non-conformité majeure n'ont pas été vérifiées."
        default: return self.recommendation(recommendation)
        }
    }

    /// What majors wait for after certification: no six-month rule, but the certification body's
    /// own time (surveillance) or the certificate's expiry (recertification, 17021-1 9.6.3).
    func majorsAtLaterAudit(_ stage: Stage) -> String {
        switch (stage, fr) {
        case (.recertification, false):
            return
                "Correction and corrective action for each major nonconformity must be verified by the certification body before the certificate expires; otherwise its validity is not extended."
        case (.recertification, true):
            return
                "La correction et l'action corrective de chaque non-conformité majeure doivent être vérifiées par l'organisme de certification avant l'expiration du certificat\u{00A0}; à défaut, sa validité n'est pas prolongée."
        case (_, false):
            return
                "Correction and corrective action for each major nonconformity must be verified by the certification body within the time it sets; otherwise certification may be suspended."
        case (_, true):
            return
                "La correction et l'action corrective de chaque non-conformité majeure doivent être vérifiées par l'organisme de certification dans le délai qu'il fixe\u{00A0}; à défaut, la certification peut être suspendue."
        }
    }

    /// "Nonconformities from the previous audit".
    public var previousAuditHeading: String {
        fr ? "Non-conformités de l'audit précédent" : "Nonconformities from the previous audit"
    }

    /// Introduces the table of the previous audit's findings.
    public func previousAuditIntro(_ previous: PreviousAudit) -> String {
        fr
            ? "Les constats du rapport «\u{00A0}\(previous.path)\u{00A0}» (audit du \(previous.asOf)), vérifiés de nouveau sur cet export\u{00A0}: "
                + "\(previous.count(.closed)) levé(s), \(previous.count(.stillOpen)) toujours ouvert(s), \(previous.count(.recurring)) récurrent(s), \(previous.count(.notRechecked)) non revérifié(s)."
            : "The findings of \(previous.path) (audit of \(previous.asOf)), re-checked on this export: "
                + "\(previous.count(.closed)) closed, \(previous.count(.stillOpen)) still open, \(previous.count(.recurring)) recurring, \(previous.count(.notRechecked)) not re-checked."
    }

    /// "Status".
    public var previousStatusHeading: String { fr ? "Statut" : "Status" }

    /// A status in words.
    public func previousStatus(_ status: PreviousFindingStatus) -> String {
        switch (status, fr) {
        case (.closed, false): return "closed"
        case (.closed, true): return "levé"
        case (.stillOpen, false): return "still open"
        case (.stillOpen, true): return "toujours ouvert"
        case (.recurring, false): return "recurring: corrective action not effective"
        case (.recurring, true): return "récurrent\u{00A0}: action corrective non efficace"
        case (.notRechecked, false): return "not re-checked: its check did not run at this audit"
        case (.notRechecked, true): return "non revérifié\u{00A0}: son contrôle n'a pas été exécuté lors de cet audit"
        }
    }
}

extension Language {
    /// The message of a recurrence finding: the earlier finding named by rule, record, audit
    /// date and fingerprint, and when it was declared corrected.
    func recurrenceMessage(rule: String, record: String?, auditDate: String, fingerprint: String, completedOn: String)
        -> String
    {
        switch self {
        case .en:
            let target = record.map { "record \($0)" } ?? "the export as a whole"
            return
                "Nonconformity \(rule) on \(target), found at the audit of \(auditDate) (fingerprint \(fingerprint)), was declared corrected on \(completedOn), but the same check fails again: the corrective action was not effective."
        case .fr:
            let target = record.map { "l'enregistrement \($0)" } ?? "l'ensemble de l'export"
            return
                "La non-conformité \(rule) sur \(target), relevée lors de l'audit du \(auditDate) (empreinte \(fingerprint)), a été déclarée corrigée le \(completedOn), mais le même contrôle échoue de nouveau\u{00A0}: l'action corrective n'a pas été efficace."
        }
    }
}
