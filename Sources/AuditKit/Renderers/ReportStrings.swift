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
    /// "Export quality": the section listing defects of the export file.
    public var exportQuality: String
    /// Says that export notes are not nonconformities.
    public var exportQualityIntro: String
    /// "Collections not in the export".
    public var notExported: String
    public var fieldsNotExported: String
    /// "Grade at stage 2 if not resolved".
    public var stage2Grade: String
    /// "Why it is not met" (the statement line after the evidence).
    public var whyNotMet: String
    /// Introduces the clauses not assessed from the records in the recommendation.
    public var notAssessedIntro: String
    /// The basis of a recommendation with majors: `{date}` is replaced by the deadline.
    public var majorsDeadline: String
    /// The basis of a recommendation with minors only.
    public var minorsPlan: String

    /// The language of this table.
    public var language: Language
    private var grades: [Grade: (label: String, plural: String)]
    private var statuses: [AuditReport.ClauseStatus: String]
    private var verdicts: [Readiness.Verdict: String]
    private var recommendations: [Recommendation: String]
    private var principles: [QualityPrinciple: String]
    private var levels: [PrincipleStanding.Level: String]

    /// Why a finding's criterion is not met, by its grade: "Minor nonconformity: the criterion
    /// “Each order is reviewed before acceptance” is not met."
    public func notMet(_ grade: Grade, criterion: String, systemic: Bool) -> String {
        let label =
            self.grade(grade).capitalizedFirst + (systemic ? (language == .fr ? " (systémique)" : " (systemic)") : "")
        switch (language, grade.severity >= Grade.minor.severity) {
        case (.fr, true): return "\(label) : le critère « \(criterion) » n'est pas satisfait."
        case (.fr, false): return "\(label) : le critère « \(criterion) » n'est pas pleinement démontré."
        case (_, true): return "\(label): the criterion “\(criterion)” is not met."
        case (_, false): return "\(label): the criterion “\(criterion)” is not fully evidenced."
        }
    }

    /// ": " in English, " : " (no-break space before the colon) in French.
    public var colon: String { language.colon }

    /// `64%` in English, `64 %` (no-break space) in French.
    public func percent(_ value: Int) -> String { language == .fr ? "\(value)\u{00A0}%" : "\(value)%" }

    /// `count` and the noun agreeing with it: English takes the singular for one, French for 0 and 1.
    public func counted(_ count: Int, _ one: String, _ many: String) -> String {
        "\(count) " + ((language == .fr ? count < 2 : count == 1) ? one : many)
    }

    /// "4 clauses with no gap, 1 with a gap, 7 not assessed" for a readiness bar.
    public func clauseCounts(noGap: Int, gaps: Int, notAssessed: Int) -> String {
        language == .fr
            ? "\(counted(noGap, "article sans écart", "articles sans écart")), \(counted(gaps, "article avec écart", "articles avec écart")), \(counted(notAssessed, "article non évalué", "articles non évalués"))"
            : "\(counted(noGap, "clause with no gap", "clauses with no gap")), \(counted(gaps, "clause with a gap", "clauses with a gap")), \(counted(notAssessed, "clause not assessed", "clauses not assessed"))"
    }

    /// The table for `language`.
    public static func `for`(_ language: Language) -> ReportStrings {
        switch language {
        case .en: return english
        case .fr: return french
        }
    }

    /// The stage as a heading: "Certification audit (stage 2)".
    public func stage(_ stage: Stage) -> String {
        switch stage {
        case .initial: return initialStage
        case .certification: return certificationStage
        case .surveillance, .recertification: return laterStageTitle(stage)
        }
    }
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
        blockingRules: "Would be major at stage 2", auditStatements: "Audit statements", requirement: "Requirement",
        objectiveEvidence: "Objective evidence", nonconformity: "Nonconformity",
        nonconformityText: "The requirement is not fulfilled", grade: "Grade", record: "Record",
        location: "Location", message: "Message",
        recommendationHeading: "Recommendation to the certification committee",
        correctiveActionPlan: "Corrective action plan", finding: "Finding", correction: "Correction",
        rootCause: "Root cause", action: "Corrective action", owner: "Owner", dueDate: "Due date",
        toComplete: "to be completed by the organisation", complaintIndicators: "Complaint handling indicators",
        month: "Month", complaints: "Complaints", timeToAcknowledge: "Time to acknowledge",
        timeToClose: "Time to close",
        target: "Target", noTarget: "no target set", measured: "Measured", withinTarget: "Within target",
        medianDays: "Median", longestDays: "Longest", pending: "Pending",
        principlesHeading: "Quality management principles", principle: "Principle", standing: "Standing",
        notApplicableDeclared: "Declared not applicable", accepted: "accepted", notAccepted: "not accepted",
        days: "days", total: "Total", file: "File", line: "Line", asOf: "as of", clauses: "Clauses",
        exportQuality: "Export quality",
        exportQualityIntro:
            "These are defects of the export file, not nonconformities of the quality system: they are not graded. The checks that need these values could not read them; correct the export at its source or its mapping and run the check again.",
        notExported: "Collections the export says it does not contain (their clauses are not assessed)",
        fieldsNotExported:
            "Fields the export says it does not contain (records are judged on the rest; verify on site where these are kept)",
        stage2Grade: "Grade at stage 2 if not resolved",
        whyNotMet: "Why it is not met",
        notAssessedIntro: "Not assessed from the records, to be covered on site",
        majorsDeadline:
            "Correction and corrective action for each major nonconformity must be verified by the certification body by {date} (six months after the last day of stage 2); after that date a new stage 2 audit is needed before certification.",
        minorsPlan:
            "For each minor nonconformity the organisation submits its correction, root cause analysis and corrective action plan; the certification body reviews and accepts the plan before the decision and verifies its implementation at the next audit.",
        language: .en,
        grades: [
            .major: ("major nonconformity", "Major nonconformities"),
            .minor: ("minor nonconformity", "Minor nonconformities"),
            .observation: ("observation", "Observations"),
            .opportunity: ("opportunity for improvement", "Opportunities for improvement"),
            .concern: ("area of concern", "Areas of concern")
        ],
        statuses: [
            .conforming: "no gap in the records", .gap: "gap found", .notApplicable: "not applicable",
            .notAssessed: "not assessed from records"
        ],
        verdicts: [
            .ready: "Ready for stage 2: no area of concern was found.",
            .readyWithConcerns: "Ready for stage 2, provided the areas of concern below are resolved before it.",
            .notReady:
                "Not ready for stage 2: some areas of concern would be major nonconformities at stage 2 (for example no completed internal audit cycle or management review). Resolve them first."
        ],
        recommendations: [
            .recommend: "Certification is recommended.",
            .recommendOncePlanAccepted:
                "Certification is recommended once the corrective action plan for the minor nonconformities has been accepted.",
            .notRecommended:
                "Certification is not recommended until the correction and corrective action of every major nonconformity have been verified."
        ],
        principles: [
            .customerFocus: "Customer focus", .leadership: "Leadership",
            .engagementOfPeople: "Engagement of people", .processApproach: "Process approach",
            .improvement: "Improvement", .evidenceBasedDecisionMaking: "Evidence-based decision making",
            .relationshipManagement: "Relationship management"
        ],
        levels: [.established: "established", .partial: "partly in place", .weak: "weak", .notAssessed: "not assessed"])

    /// French.
    public static let french = ReportStrings(
        reportTitle: "Rapport de préparation à l'audit", initialStage: "Évaluation initiale (étape 1)",
        certificationStage: "Audit de certification (étape 2)", auditDate: "Date d'audit", standards: "Normes",
        records: "Enregistrements", recordsUnit: "enregistrements", ruleSet: "Jeu de règles",
        rulesEvaluated: "règles évaluées",
        tool: "Outil", generatedAt: "Généré le", evidenceIntegrity: "Intégrité des preuves", summary: "Synthèse",
        findings: "Constats", noFindings: "Aucun constat.", readiness: "Niveau de préparation",
        overallReadiness: "Préparation globale", section: "Chapitre", clauseMatrix: "Matrice des exigences",
        clause: "Article", title: "Titre", status: "Statut", rules: "Règles", verifyOnSite: "À vérifier sur site",
        justification: "Justification", areasOfConcern: "Points sensibles", whatToFix: "À corriger",
        stage2Readiness: "Aptitude à l'étape 2", blockingRules: "Seraient majeurs à l'étape 2",
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
        exportQuality: "Qualité de l'export",
        exportQualityIntro:
            "Ce sont des défauts du fichier d'export, pas des non-conformités du système qualité : ils ne sont pas classés. Les contrôles qui ont besoin de ces valeurs n'ont pas pu les lire ; corrigez l'export à la source ou dans sa correspondance, puis relancez le contrôle.",
        notExported: "Collections que l'export déclare ne pas contenir (leurs articles ne sont pas évalués)",
        fieldsNotExported:
            "Champs que l'export déclare ne pas contenir (les enregistrements sont jugés sur le reste ; vérifier sur site où ils sont tenus)",
        stage2Grade: "Classement à l'étape 2 s'il n'est pas traité",
        whyNotMet: "Pourquoi l'exigence n'est pas satisfaite",
        notAssessedIntro: "Non évalués sur enregistrements, à couvrir sur site",
        majorsDeadline:
            "La correction et l'action corrective de chaque non-conformité majeure doivent être vérifiées par l'organisme de certification au plus tard le {date} (six mois après le dernier jour de l'étape 2) ; passé cette date, un nouvel audit d'étape 2 est nécessaire avant la certification.",
        minorsPlan:
            "Pour chaque non-conformité mineure, l'organisme soumet sa correction, l'analyse des causes racines et son plan d'actions correctives ; l'organisme de certification examine et accepte le plan avant la décision et en vérifie la mise en œuvre lors de l'audit suivant.",
        language: .fr,
        grades: [
            .major: ("non-conformité majeure", "Non-conformités majeures"),
            .minor: ("non-conformité mineure", "Non-conformités mineures"),
            .observation: ("observation", "Observations"),
            .opportunity: ("piste de progrès", "Pistes de progrès"),
            .concern: ("point sensible", "Points sensibles")
        ],
        statuses: [
            .conforming: "aucun écart dans les enregistrements", .gap: "écart relevé", .notApplicable: "non applicable",
            .notAssessed: "non évalué sur enregistrements"
        ],
        verdicts: [
            .ready: "Prêt pour l'étape 2 : aucun point sensible n'a été relevé.",
            .readyWithConcerns:
                "Prêt pour l'étape 2, à condition de traiter auparavant les points sensibles ci-dessous.",
            .notReady:
                "Pas prêt pour l'étape 2 : certains points sensibles seraient des non-conformités majeures à l'étape 2 (par exemple aucun cycle d'audit interne achevé ou aucune revue de direction tenue). Traitez-les d'abord."
        ],
        recommendations: [
            .recommend: "La certification est recommandée.",
            .recommendOncePlanAccepted:
                "La certification est recommandée dès que le plan d'actions correctives des non-conformités mineures aura été accepté.",
            .notRecommended:
                "La certification n'est pas recommandée tant que la correction et l'action corrective de chaque non-conformité majeure n'ont pas été vérifiées."
        ],
        principles: [
            .customerFocus: "Orientation client", .leadership: "Leadership",
            .engagementOfPeople: "Implication du personnel", .processApproach: "Approche processus",
            .improvement: "Amélioration", .evidenceBasedDecisionMaking: "Prise de décision fondée sur des preuves",
            .relationshipManagement: "Management des relations avec les parties intéressées"
        ],
        levels: [
            .established: "en place", .partial: "partiellement en place", .weak: "fragile", .notAssessed: "non évalué"
        ])
}
