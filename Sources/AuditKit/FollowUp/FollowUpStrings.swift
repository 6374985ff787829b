/// The follow-up's own texts, in English and French (statuses, reasons, headings). French uses a
/// no-break space before « : ; ? ! » and inside guillemets.
public struct FollowUpStrings: Sendable {
    public let language: Language
    private var fr: Bool { language == .fr }
    private let nbsp = Language.noBreakSpace

    /// Creates the texts of `language`.
    public init(language: Language) {
        self.language = language
    }

    /// ": " in English, no-break space and colon in French.
    public var colon: String { language.colon }
    /// "; " in English, no-break space and semicolon in French.
    public var semicolon: String { language.semicolon }

    public var title: String { fr ? "Suivi des actions correctives" : "Follow-up of corrective actions" }
    public var stage2Report: String { fr ? "Rapport d'étape 2" : "Stage 2 report" }
    public var auditDate: String { fr ? "Date d'audit" : "Audit date" }
    public var auditEnd: String { fr ? "Dernier jour de l'étape 2" : "Last day of stage 2" }
    public var followUpDate: String { fr ? "Date du suivi" : "Follow-up date" }
    public var majorsDeadline: String { fr ? "Majeures à vérifier au plus tard le" : "Majors to be verified by" }
    public var newExport: String { fr ? "Nouvel export" : "New export" }
    public var none: String { fr ? "aucun" : "none" }
    public var responsesFile: String { fr ? "Réponses" : "Responses" }
    public var ruleSet: String { fr ? "Jeu de règles" : "Rule set" }
    public var conclusionHeading: String { "Conclusion" }
    public var summary: String { fr ? "Synthèse" : "Summary" }
    public var items: String { fr ? "Constats" : "Findings" }
    public var notes: String { fr ? "Avertissements" : "Warnings" }
    public var status: String { fr ? "Statut" : "Status" }
    public var grade: String { fr ? "Gravité" : "Grade" }
    public var rule: String { fr ? "Règle" : "Rule" }
    public var clause: String { fr ? "Article" : "Clause" }
    public var record: String { fr ? "Enregistrement" : "Record" }
    public var finding: String { fr ? "Constat" : "Finding" }
    public var why: String { fr ? "Motif" : "Why" }
    public var owner: String { fr ? "Responsable" : "Owner" }
    public var dueOn: String { fr ? "Échéance" : "Due" }
    public var completedOn: String { fr ? "Réalisée le" : "Completed" }
    public var evidence: String { fr ? "Preuves" : "Evidence" }
    public var wholeExport: String { fr ? "ensemble de l'export" : "whole export" }
    public var notRequired: String { fr ? "aucune réponse exigée" : "no response required" }
    public var otherFindings: String {
        fr
            ? "autres constats sur le nouvel export (hors suivi)"
            : "other findings on the new export (not part of the follow-up)"
    }
    public func waived(_ count: Int) -> String {
        fr
            ? "Constats couverts par une dérogation (non suivis)\(colon)\(count)"
            : "Waived findings (not followed up)\(colon)\(count)"
    }

    /// The name of a status.
    public func status(_ status: FollowUpStatus) -> String {
        switch status {
        case .verified: return fr ? "vérifiée" : "verified"
        case .planAccepted: return fr ? "plan accepté" : "plan accepted"
        case .responseIncomplete: return fr ? "réponse incomplète" : "response incomplete"
        case .notEffective: return fr ? "non efficace" : "not effective"
        case .overdue: return fr ? "en retard" : "overdue"
        case .noResponse: return fr ? "sans réponse" : "no response"
        }
    }

    /// The name of a grade.
    public func grade(_ grade: Grade) -> String { ReportStrings.for(language).grade(grade) }

    /// The name of a part of a response.
    public func part(_ part: CorrectiveActionResponse.Part) -> String {
        switch part {
        case .correction: return "correction"
        case .rootCause: return fr ? "cause racine" : "root cause"
        case .correctiveAction: return fr ? "action corrective" : "corrective action"
        case .owner: return fr ? "responsable" : "owner"
        case .dueOn: return fr ? "échéance" : "due date"
        case .evidence: return fr ? "preuves" : "evidence"
        }
    }

    /// The conclusion, as a sentence.
    public func conclusion(_ conclusion: FollowUpConclusion) -> String {
        switch (conclusion, fr) {
        case (.allMajorsVerifiedMinorPlansAccepted, false):
            return
                "Every major nonconformity is verified and every minor nonconformity has an accepted plan: certification can be decided."
        case (.allMajorsVerifiedMinorPlansAccepted, true):
            return
                "Chaque non-conformité majeure est vérifiée et chaque non-conformité mineure a un plan accepté\(nbsp): la certification peut être décidée."
        case (.openItems, false):
            return
                "Items remain open: certification waits until every major nonconformity is verified and every minor nonconformity has an accepted plan."
        case (.openItems, true):
            return
                "Des points restent ouverts\(nbsp): la certification attend que chaque non-conformité majeure soit vérifiée et que chaque non-conformité mineure ait un plan accepté."
        case (.newStage2Needed, false):
            return
                "A major nonconformity was not verified within six months of the last day of stage 2: a new stage 2 audit is needed before certification."
        case (.newStage2Needed, true):
            return
                "Une non-conformité majeure n'a pas été vérifiée dans les six mois suivant le dernier jour de l'étape 2\(nbsp): un nouvel audit d'étape 2 est nécessaire avant la certification."
        }
    }

    // MARK: Reasons

    public var noNewExport: String {
        fr
            ? "Aucun nouvel export fourni\(nbsp): la mise en œuvre n'est pas vérifiée."
            : "No new export given: implementation not verified."
    }

    public func ruleSetChanged(report: String, now: String) -> String {
        let old = String(report.prefix(12)), new = String(now.prefix(12))
        return fr
            ? "Les règles utilisées pour le nouvel export (empreinte \(new)) diffèrent de celles du rapport (\(old))\(nbsp): un constat peut disparaître ou apparaître parce que les règles ont changé, et non les enregistrements."
            : "The rules used on the new export (fingerprint \(new)) differ from those of the report (\(old)): a finding may stop or start firing because the rules changed, not the records."
    }

    public var noResponse: String { fr ? "Aucune réponse." : "No response." }

    public func noResponseMajor(deadline: CalendarDate) -> String {
        fr
            ? "Aucune réponse\(nbsp); une non-conformité majeure doit être corrigée et vérifiée au plus tard le \(deadline)."
            : "No response; a major nonconformity must be corrected and verified by \(deadline)."
    }

    public func verified(_ done: CalendarDate, wholeExport: Bool) -> String {
        switch (fr, wholeExport) {
        case (false, false):
            return
                "Response complete, action completed on \(done), and the rule no longer fires for this record on the new export."
        case (false, true):
            return "Response complete, action completed on \(done), and the rule gives no finding on the new export."
        case (true, false):
            return
                "Réponse complète, action réalisée le \(done), et la règle ne se déclenche plus pour cet enregistrement sur le nouvel export."
        case (true, true):
            return
                "Réponse complète, action réalisée le \(done), et la règle ne donne plus aucun constat sur le nouvel export."
        }
    }

    public func incomplete(_ missing: [CorrectiveActionResponse.Part], hasCorrection: Bool) -> String {
        let names = missing.map(part).joined(separator: ", ")
        let rootless = hasCorrection && (missing.contains(.rootCause) || missing.contains(.correctiveAction))
        if fr {
            return "Il manque\(nbsp): \(names)."
                + (rootless
                    ? " Une correction sans analyse des causes ni action corrective n'est pas une réponse." : "")
        }
        return "Missing: \(names)."
            + (rootless ? " A correction without root cause analysis and corrective action is not a response." : "")
    }

    public func notEffective(_ done: CalendarDate, record: String?) -> String {
        switch (fr, record) {
        case (false, let record?):
            return
                "The response says the action was completed on \(done), but the rule still fires for \(record) on the new export."
        case (false, nil):
            return
                "The response says the action was completed on \(done), but the rule still gives a finding on the new export."
        case (true, let record?):
            return
                "La réponse indique une action réalisée le \(done), mais la règle se déclenche encore pour \(record) sur le nouvel export."
        case (true, nil):
            return
                "La réponse indique une action réalisée le \(done), mais la règle donne encore un constat sur le nouvel export."
        }
    }

    public func completedNotVerified(_ done: CalendarDate) -> String {
        fr
            ? "Plan complet, action réalisée le \(done)\(nbsp); aucun nouvel export fourni\(nbsp): la mise en œuvre n'est pas vérifiée."
            : "Plan complete, action completed on \(done); no new export given: implementation not verified."
    }

    public func ruleNotRun(_ done: CalendarDate, rule: String) -> String {
        fr
            ? "Plan complet, action réalisée le \(done)\(nbsp); la règle \(rule) n'a pas été évaluée sur le nouvel export\(nbsp): la mise en œuvre n'est pas vérifiée."
            : "Plan complete, action completed on \(done); rule \(rule) was not evaluated on the new export: implementation not verified."
    }

    public func pastDueDate(_ due: CalendarDate, asOf: CalendarDate) -> String {
        fr ? "Échéance du \(due) dépassée sans réalisation au \(asOf)." : "Due on \(due) and not completed by \(asOf)."
    }

    public func sixMonthsPassed(deadline: CalendarDate, auditEnd: CalendarDate) -> String {
        fr
            ? "Non-conformité majeure non vérifiée au \(deadline), six mois après le dernier jour de l'étape 2 (\(auditEnd))\(nbsp): un nouvel audit d'étape 2 est nécessaire avant la certification."
            : "This major nonconformity was not verified by \(deadline), six months after the last day of stage 2 (\(auditEnd)): a new stage 2 audit is needed before certification."
    }

    public func completedTooLate(_ done: CalendarDate, deadline: CalendarDate) -> String {
        fr
            ? "Action réalisée le \(done), après le \(deadline) (six mois après le dernier jour de l'étape 2)\(nbsp): un nouvel audit d'étape 2 est nécessaire avant la certification."
            : "Action completed on \(done), after \(deadline) (six months after the last day of stage 2): a new stage 2 audit is needed before certification."
    }

    public var planAccepted: String {
        fr
            ? "Plan complet (correction, cause racine, action corrective, responsable, échéance)\(nbsp); sa mise en œuvre est vérifiée lors de l'audit suivant."
            : "Plan complete (correction, root cause, corrective action, owner, due date); its implementation is verified at the next audit."
    }

    public func planCompleteMajor(deadline: CalendarDate) -> String {
        fr
            ? "Plan complet, action pas encore réalisée\(nbsp); une non-conformité majeure doit être vérifiée au plus tard le \(deadline)."
            : "Plan complete, action not yet completed; a major nonconformity must be verified by \(deadline)."
    }

    public var goneButNotDeclared: String {
        fr
            ? "Le constat n'apparaît plus sur le nouvel export, mais la réponse ne dit pas l'action réalisée (completed_on)."
            : "The finding no longer appears on the new export, but the response does not say the action is complete (completed_on)."
    }
}
