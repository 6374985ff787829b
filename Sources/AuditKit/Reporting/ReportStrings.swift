/// The report's own texts (headings, grade names, verdicts, recommendation wording), one table per
/// language. Rule texts come from the rule files; these are everything else.
public struct ReportStrings: Sendable {
    public var reportTitle: String
    public var initialStage: String
    public var certificationStage: String
    public var auditDate: String
    public var standards: String
    public var records: String
    public var recordsUnit: String
    public var ruleSet: String
    public var rulesEvaluated: String
    public var tool: String
    public var generatedAt: String
    public var evidenceIntegrity: String
    public var summary: String
    public var findings: String
    public var noFindings: String
    public var readiness: String
    public var overallReadiness: String
    public var section: String
    public var clauseMatrix: String
    public var clause: String
    public var title: String
    public var status: String
    public var rules: String
    public var verifyOnSite: String
    public var justification: String
    public var areasOfConcern: String
    public var whatToFix: String
    public var stage2Readiness: String
    public var blockingRules: String
    public var auditStatements: String
    public var requirement: String
    public var objectiveEvidence: String
    public var nonconformity: String
    public var nonconformityText: String
    public var grade: String
    public var record: String
    public var location: String
    public var message: String
    public var recommendationHeading: String
    public var correctiveActionPlan: String
    public var finding: String
    public var correction: String
    public var rootCause: String
    public var action: String
    public var owner: String
    public var dueDate: String
    public var toComplete: String
    public var complaintIndicators: String
    public var month: String
    public var complaints: String
    public var timeToAcknowledge: String
    public var timeToClose: String
    public var target: String
    public var noTarget: String
    public var measured: String
    public var withinTarget: String
    public var medianDays: String
    public var longestDays: String
    public var pending: String
    public var principlesHeading: String
    public var principle: String
    public var standing: String
    public var notApplicableDeclared: String
    public var accepted: String
    public var notAccepted: String
    public var days: String
    public var total: String
    public var file: String
    public var line: String
    /// "as of" in "certification audit (stage 2) as of 2026-11-15".
    public var asOf: String
    public var clauses: String

    private var grades: [Grade: (label: String, plural: String)]
    private var statuses: [AuditReport.ClauseStatus: String]
    private var verdicts: [Readiness.Verdict: String]
    private var recommendations: [Recommendation: String]
    private var principles: [QualityPrinciple: String]
    private var levels: [PrincipleStanding.Level: String]

    /// The table for `language`.
    public static func `for`(_ language: Language) -> ReportStrings {
        switch language {
        case .en: return english
        case .fr: return french
        }
    }

    /// The stage as a heading: "Certification audit (stage 2)".
    public func stage(_ stage: Stage) -> String { stage == .initial ? initialStage : certificationStage }
    /// "major nonconformity".
    public func grade(_ grade: Grade) -> String { grades[grade]!.label }
    /// "Major nonconformities" (a heading).
    public func gradePlural(_ grade: Grade) -> String { grades[grade]!.plural }
    /// "conforming", "gap", …
    public func status(_ status: AuditReport.ClauseStatus) -> String { statuses[status]! }
    /// The stage 2 readiness verdict in words.
    public func verdict(_ verdict: Readiness.Verdict) -> String { verdicts[verdict]! }
    /// The recommendation in words.
    public func recommendation(_ recommendation: Recommendation) -> String { recommendations[recommendation]! }
    /// The principle's name.
    public func principle(_ principle: QualityPrinciple) -> String { principles[principle]! }
    /// The standing in words.
    public func level(_ level: PrincipleStanding.Level) -> String { levels[level]! }
    /// The standard's title with "clause": "ISO 9001:2015 clause 9.2.1".
    public func clauseReference(_ standard: Standard, _ clause: String) -> String {
        "\(standard.title) \(self.clause.lowercased()) \(clause)"
    }

    /// English.
    public static let english = ReportStrings(
        reportTitle: "Audit readiness report", initialStage: "Initial assessment (stage 1)",
        certificationStage: "Certification audit (stage 2)", auditDate: "Audit date", standards: "Standards",
        records: "Records", recordsUnit: "records", ruleSet: "Rule set", rulesEvaluated: "rules evaluated",
        tool: "Tool", generatedAt: "Generated at", evidenceIntegrity: "Evidence integrity", summary: "Summary",
        findings: "Findings", noFindings: "No findings.", readiness: "Readiness", overallReadiness: "Overall readiness",
        section: "Section", clauseMatrix: "Clause matrix", clause: "Clause", title: "Title", status: "Status",
        rules: "Rules", verifyOnSite: "To verify on site", justification: "Justification",
        areasOfConcern: "Areas of concern", whatToFix: "What to fix", stage2Readiness: "Readiness for stage 2",
        blockingRules: "Blocking", auditStatements: "Audit statements", requirement: "Requirement",
        objectiveEvidence: "Objective evidence", nonconformity: "Nonconformity",
        nonconformityText: "The requirement is not fulfilled", grade: "Grade", record: "Record",
        location: "Location", message: "Message", recommendationHeading: "Recommendation to the certification committee",
        correctiveActionPlan: "Corrective action plan", finding: "Finding", correction: "Correction",
        rootCause: "Root cause", action: "Corrective action", owner: "Owner", dueDate: "Due date",
        toComplete: "to be completed by the organisation", complaintIndicators: "Complaint handling indicators",
        month: "Month", complaints: "Complaints", timeToAcknowledge: "Time to acknowledge", timeToClose: "Time to close",
        target: "Target", noTarget: "no target set", measured: "Measured", withinTarget: "Within target",
        medianDays: "Median", longestDays: "Longest", pending: "Pending",
        principlesHeading: "Quality management principles", principle: "Principle", standing: "Standing",
        notApplicableDeclared: "Declared not applicable", accepted: "accepted", notAccepted: "not accepted",
        days: "days", total: "Total", file: "File", line: "Line", asOf: "as of", clauses: "Clauses",
        grades: [.major: ("major nonconformity", "Major nonconformities"),
                 .minor: ("minor nonconformity", "Minor nonconformities"),
                 .observation: ("observation", "Observations"),
                 .opportunity: ("opportunity for improvement", "Opportunities for improvement")],
        statuses: [.conforming: "conforming", .gap: "gap", .notApplicable: "not applicable",
                   .notAssessed: "not assessed from records"],
        verdicts: [.ready: "Ready for stage 2: no area of concern was found.",
                   .readyWithConcerns: "Ready for stage 2, provided the areas of concern below are resolved before it.",
                   .notReady: "Not ready for stage 2: major gaps remain (for example no completed internal audit cycle or management review). Resolve them first."],
        recommendations: [.recommend: "Certification is recommended.",
                          .recommendOncePlanAccepted: "Certification is recommended once the corrective action plan for the minor nonconformities has been accepted.",
                          .notRecommended: "Certification is not recommended until the major nonconformities have been corrected and the corrections verified."],
        principles: [.customerFocus: "Customer focus", .leadership: "Leadership",
                     .engagementOfPeople: "Engagement of people", .processApproach: "Process approach",
                     .improvement: "Improvement", .evidenceBasedDecisionMaking: "Evidence-based decision making",
                     .relationshipManagement: "Relationship management"],
        levels: [.established: "established", .partial: "partly in place", .weak: "weak", .notAssessed: "not assessed"])

    /// French.
    public static let french = ReportStrings(
        reportTitle: "Rapport de préparation à l'audit", initialStage: "Évaluation initiale (étape 1)",
        certificationStage: "Audit de certification (étape 2)", auditDate: "Date d'audit", standards: "Normes",
        records: "Enregistrements", recordsUnit: "enregistrements", ruleSet: "Jeu de règles", rulesEvaluated: "règles évaluées",
        tool: "Outil", generatedAt: "Généré le", evidenceIntegrity: "Intégrité des preuves", summary: "Synthèse",
        findings: "Constats", noFindings: "Aucun constat.", readiness: "Niveau de préparation",
        overallReadiness: "Préparation globale", section: "Chapitre", clauseMatrix: "Matrice des exigences",
        clause: "Article", title: "Titre", status: "Statut", rules: "Règles", verifyOnSite: "À vérifier sur site",
        justification: "Justification", areasOfConcern: "Points sensibles", whatToFix: "À corriger",
        stage2Readiness: "Aptitude à l'étape 2", blockingRules: "Bloquant",
        auditStatements: "Constats d'audit", requirement: "Exigence", objectiveEvidence: "Preuve objective",
        nonconformity: "Non-conformité", nonconformityText: "L'exigence n'est pas satisfaite", grade: "Gravité",
        record: "Enregistrement", location: "Emplacement", message: "Message",
        recommendationHeading: "Recommandation au comité de certification",
        correctiveActionPlan: "Plan d'actions correctives", finding: "Constat", correction: "Correction",
        rootCause: "Cause racine", action: "Action corrective", owner: "Responsable", dueDate: "Échéance",
        toComplete: "à compléter par l'organisme", complaintIndicators: "Indicateurs de traitement des réclamations",
        month: "Mois", complaints: "Réclamations", timeToAcknowledge: "Délai d'accusé de réception",
        timeToClose: "Délai de clôture", target: "Objectif", noTarget: "aucun objectif fixé", measured: "Mesurées",
        withinTarget: "Dans l'objectif", medianDays: "Médiane", longestDays: "Maximum", pending: "En attente",
        principlesHeading: "Principes de management de la qualité", principle: "Principe", standing: "Situation",
        notApplicableDeclared: "Déclaré non applicable", accepted: "acceptée", notAccepted: "non acceptée",
        days: "jours", total: "Total", file: "Fichier", line: "Ligne", asOf: "au", clauses: "Articles",
        grades: [.major: ("non-conformité majeure", "Non-conformités majeures"),
                 .minor: ("non-conformité mineure", "Non-conformités mineures"),
                 .observation: ("observation", "Observations"),
                 .opportunity: ("piste de progrès", "Pistes de progrès")],
        statuses: [.conforming: "conforme", .gap: "écart", .notApplicable: "non applicable",
                   .notAssessed: "non évalué sur enregistrements"],
        verdicts: [.ready: "Prêt pour l'étape 2 : aucun point sensible n'a été relevé.",
                   .readyWithConcerns: "Prêt pour l'étape 2, à condition de traiter auparavant les points sensibles ci-dessous.",
                   .notReady: "Pas prêt pour l'étape 2 : des écarts majeurs subsistent (par exemple aucun cycle d'audit interne ou aucune revue de direction réalisé). Traitez-les d'abord."],
        recommendations: [.recommend: "La certification est recommandée.",
                          .recommendOncePlanAccepted: "La certification est recommandée dès que le plan d'actions correctives des non-conformités mineures aura été accepté.",
                          .notRecommended: "La certification n'est pas recommandée tant que les non-conformités majeures n'ont pas été corrigées et les corrections vérifiées."],
        principles: [.customerFocus: "Orientation client", .leadership: "Leadership",
                     .engagementOfPeople: "Implication du personnel", .processApproach: "Approche processus",
                     .improvement: "Amélioration", .evidenceBasedDecisionMaking: "Prise de décision fondée sur des preuves",
                     .relationshipManagement: "Management des relations avec les parties intéressées"],
        levels: [.established: "en place", .partial: "partiellement en place", .weak: "fragile", .notAssessed: "non évalué"])
}
