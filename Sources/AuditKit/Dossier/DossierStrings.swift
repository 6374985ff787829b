/// The certification dossier's own texts, in English and French (headings, labels, the
/// recommendation and its reasons). French uses a no-break space before « : ; ? ! » and inside
/// guillemets; grade and status names come from the report's and the follow-up's texts.
public struct DossierStrings: Sendable {
    public let language: Language
    private var fr: Bool { language == .fr }
    private let nbsp = Language.noBreakSpace

    /// Creates the texts of `language`.
    public init(language: Language) {
        self.language = language
    }

    /// ": " in English, no-break space and colon in French.
    public var colon: String { language.colon }

    public var title: String { fr ? "Dossier de certification" : "Certification dossier" }
    public var organisation: String { fr ? "Organisme" : "Organisation" }
    public var organisationId: String { fr ? "Identifiant de l'organisme" : "Organisation id" }
    public var scope: String { fr ? "Domaine d'application" : "Scope" }
    public var sites: String { fr ? "Sites" : "Sites" }
    public var notStated: String { fr ? "non indiqué dans les rapports" : "not stated in the reports" }
    public var standards: String { fr ? "Normes" : "Standards" }
    public var notApplicable: String {
        fr ? "Exigences déclarées non applicables" : "Requirements declared not applicable"
    }
    public var noneDeclared: String {
        fr ? "Aucune exigence déclarée non applicable." : "No requirement declared not applicable."
    }
    public var clause: String { fr ? "Article" : "Clause" }
    public var justification: String { "Justification" }
    public var accepted: String { fr ? "Acceptée" : "Accepted" }
    public var yes: String { fr ? "oui" : "yes" }
    public var no: String { fr ? "non" : "no" }
    public var audits: String { fr ? "Audits" : "Audits" }
    public var stage1: String { fr ? "Étape 1 (évaluation initiale)" : "Stage 1 (initial assessment)" }
    public var stage2: String { fr ? "Étape 2 (audit de certification)" : "Stage 2 (certification audit)" }
    public var followUp: String { fr ? "Suivi des actions correctives" : "Follow-up of corrective actions" }
    public var noFollowUp: String { fr ? "aucun suivi fourni" : "no follow-up given" }
    public var majorsVerifiedBy: String { fr ? "Majeures à vérifier au plus tard le" : "Majors to be verified by" }
    public var recommendationHeading: String {
        fr ? "Recommandation au comité de certification" : "Recommendation to the certification committee"
    }
    public var reasons: String { fr ? "Motifs" : "Reasons" }
    public var areasOfConcern: String { fr ? "Points sensibles de l'étape 1" : "Stage 1 areas of concern" }
    public var noConcern: String { fr ? "Aucun point sensible à l'étape 1." : "No area of concern at stage 1." }
    public var nonconformities: String { fr ? "Non-conformités de l'étape 2" : "Stage 2 nonconformities" }
    public var noNonconformities: String { fr ? "Aucune non-conformité à l'étape 2." : "No nonconformity at stage 2." }
    public var finding: String { fr ? "Constat" : "Finding" }
    public var rule: String { fr ? "Règle" : "Rule" }
    public var record: String { fr ? "Enregistrement" : "Record" }
    public var grade: String { fr ? "Gravité" : "Grade" }
    public var stage1Grade: String { fr ? "Gravité prévue à l'étape 2" : "Grade it would carry at stage 2" }
    public var resolution: String { fr ? "À l'étape 2" : "At stage 2" }
    public var status: String { fr ? "Statut du suivi" : "Follow-up status" }
    public var response: String { fr ? "Réponse" : "Response" }
    public var correction: String { "Correction" }
    public var rootCause: String { fr ? "Cause racine" : "Root cause" }
    public var correctiveAction: String { fr ? "Action corrective" : "Corrective action" }
    public var owner: String { fr ? "Responsable" : "Owner" }
    public var dueOn: String { fr ? "Échéance" : "Due" }
    public var completedOn: String { fr ? "Réalisée le" : "Completed" }
    public var evidence: String { fr ? "Preuves" : "Evidence" }
    public var why: String { fr ? "Motif" : "Why" }
    public var wholeExport: String { fr ? "ensemble de l'export" : "whole export" }
    public var notAssessed: String {
        fr ? "Articles non évalués à partir des enregistrements" : "Clauses not assessed from records"
    }
    public var notAssessedIntro: String {
        fr
            ? "Les enregistrements ne permettaient pas d'évaluer ces articles\(nbsp): l'auditeur les couvre sur site."
            : "The records could not show these clauses: the auditor covers them on site."
    }
    public var allAssessed: String {
        fr
            ? "Tous les articles ont été évalués à partir des enregistrements."
            : "Every clause was assessed from the records."
    }
    public var evidenceHeading: String { fr ? "Intégrité des preuves" : "Evidence integrity" }
    public var document: String { "Document" }
    public var file: String { fr ? "Fichier" : "File" }
    public var date: String { "Date" }
    public var records: String { fr ? "Enregistrements" : "Records" }
    public var ruleSet: String { fr ? "Jeu de règles" : "Rule set" }
    public var responses: String { fr ? "Réponses" : "Responses" }
    public var newExport: String { fr ? "Nouvel export" : "New export" }
    public var tool: String { fr ? "Outil" : "Tool" }
    public var report: String { fr ? "rapport" : "report" }
    public var export: String { "export" }

    /// Counts of stage 2 findings outside the nonconformities.
    public func others(observations: Int, waived: Int) -> String {
        fr
            ? "Observations et pistes de progrès (sans réponse exigée)\(colon)\(observations)\(nbsp); constats couverts par une dérogation\(colon)\(waived)."
            : "Observations and opportunities for improvement (no response required): \(observations); waived findings: \(waived)."
    }

    /// The name of a grade.
    public func grade(_ grade: Grade) -> String { ReportStrings.for(language).grade(grade) }

    /// The name of a follow-up status.
    public func status(_ status: FollowUpStatus) -> String { FollowUpStrings(language: language).status(status) }

    /// The follow-up's conclusion, as a sentence.
    public func conclusion(_ conclusion: FollowUpConclusion) -> String {
        FollowUpStrings(language: language).conclusion(conclusion)
    }

    /// What became of an area of concern.
    public func resolution(_ concern: CertificationDossier.Concern) -> String {
        switch concern.resolution {
        case .resolved: return fr ? "résolu" : "resolved"
        case .carried:
            let grade = concern.stage2Grade.map(self.grade) ?? ""
            return fr ? "reporté à l'étape 2 (\(grade))" : "carried into stage 2 (\(grade))"
        }
    }

    /// The recommendation in words.
    public func outcome(_ outcome: DossierRecommendation.Outcome) -> String {
        switch (outcome, fr) {
        case (.grant, false): return "Grant certification."
        case (.grant, true): return "Accorder la certification."
        case (.grantOncePlansAccepted, false):
            return "Grant certification once the action plans of the minor nonconformities listed are accepted."
        case (.grantOncePlansAccepted, true):
            return
                "Accorder la certification une fois acceptés les plans d'action des non-conformités mineures listées."
        case (.notUntilMajorsVerified, false):
            return
                "Do not grant certification until the correction and corrective action of the major nonconformities listed are verified."
        case (.notUntilMajorsVerified, true):
            return
                "Ne pas accorder la certification avant que la correction et l'action corrective des non-conformités majeures listées soient vérifiées."
        case (.newStage2Needed, false):
            return "Do not grant certification: a new stage 2 audit is needed."
        case (.newStage2Needed, true):
            return "Ne pas accorder la certification\(nbsp): un nouvel audit d'étape 2 est nécessaire."
        }
    }

    /// "ISO 9001 7.1.5 · AR-7.1.5-calibration · EQ-02".
    public func name(_ item: CertificationDossier.Nonconformity) -> String {
        "\(item.standard.title) \(item.clause) · \(item.rule) · \(item.record ?? wholeExport)"
    }

    /// Why the recommendation waits for this nonconformity.
    func reason(for item: CertificationDossier.Nonconformity, deadline: String?) -> String {
        let status =
            item.status.map {
                fr ? "statut du suivi «\(nbsp)\(self.status($0))\(nbsp)»" : "follow-up status \"\(self.status($0))\""
            }
            ?? (fr ? "aucun suivi fourni" : "no follow-up given")
        let grade = self.grade(item.grade)
        let head = "\(name(item)) (\(grade))\(colon)\(status)"
        if item.grade == .major {
            let by =
                deadline.map { fr ? "\(nbsp); à vérifier au plus tard le \($0)" : "; to be verified by \($0)" } ?? ""
            return head + by + "."
        }
        return head + (fr ? "\(nbsp); plan d'action à accepter." : "; action plan to be accepted.")
    }

    /// Why a new stage 2 is needed.
    func newStage2Reason(deadline: String) -> String {
        fr
            ? "Le suivi conclut qu'une non-conformité majeure n'a pas été vérifiée au plus tard le \(deadline), six mois après le dernier jour de l'étape 2."
            : "The follow-up concludes that a major nonconformity was not verified by \(deadline), six months after the last day of stage 2."
    }

    /// Why certification can be granted with no nonconformity.
    var noNonconformity: String {
        fr ? "Aucune non-conformité à l'étape 2." : "No nonconformity at stage 2."
    }

    /// Why certification can be granted once every nonconformity is answered.
    func allAnswered(majors: Int, minors: Int, followUpDate: String?) -> String {
        let date = followUpDate ?? "-"
        return fr
            ? "Suivi du \(date)\(nbsp): \(majors) non-conformité(s) majeure(s) vérifiée(s), \(minors) non-conformité(s) mineure(s) avec un plan accepté ou vérifiée(s)."
            : "Follow-up of \(date): \(majors) major nonconformities verified, \(minors) minor nonconformities with an accepted plan or verified."
    }
}
