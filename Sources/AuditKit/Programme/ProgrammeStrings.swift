/// The texts of an audit programme, in English and French (French typography: a no-break space
/// before `:` and `%`, decimal comma).
public struct ProgrammeStrings: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    private func t(_ en: String, _ fr: String) -> String { language == .fr ? fr : en }

    /// ": " in English, " : " in French.
    public var colon: String { language.colon }

    /// `30%` in English, `30 %` in French.
    public func percent(_ value: Int) -> String { language == .fr ? "\(value)\u{00A0}%" : "\(value)%" }

    public var title: String {
        t("Audit programme of the certification cycle", "Programme d'audit du cycle de certification")
    }
    public var intro: String {
        t(
            "The audits of the three-year certification cycle (ISO/IEC 17021-1 9.1.3): the initial audit in two stages, two surveillance audits and the recertification audit, with their target windows, planned dates, audit time (IAF MD 5) and the clauses each covers.",
            "Les audits du cycle de certification de trois ans (ISO/IEC 17021-1 9.1.3)\u{00A0}: l'audit initial en deux étapes, deux audits de surveillance et l'audit de renouvellement, avec leur fenêtre cible, leur date prévue, leur durée (IAF MD 5) et les articles couverts par chacun."
        )
    }

    public func kind(_ kind: ProgrammedAudit.Kind) -> String {
        switch kind {
        case .stage1: return t("Stage 1 (initial audit)", "Étape 1 (audit initial)")
        case .stage2: return t("Stage 2 (initial certification audit)", "Étape 2 (audit initial de certification)")
        case .surveillance1: return t("Surveillance audit 1", "Audit de surveillance 1")
        case .surveillance2: return t("Surveillance audit 2", "Audit de surveillance 2")
        case .recertification: return t("Recertification audit", "Audit de renouvellement de la certification")
        }
    }

    /// A short column heading for `kind` in the coverage table.
    public func shortKind(_ kind: ProgrammedAudit.Kind) -> String {
        switch kind {
        case .stage1: return t("Stage 1", "Étape 1")
        case .stage2: return t("Stage 2", "Étape 2")
        case .surveillance1: return t("Surv. 1", "Surv. 1")
        case .surveillance2: return t("Surv. 2", "Surv. 2")
        case .recertification: return t("Recert.", "Renouv.")
        }
    }

    /// When the audit must take place, in words.
    public func rule(_ kind: ProgrammedAudit.Kind, margin: Int) -> String {
        switch kind {
        case .stage1: return t("before stage 2", "avant l'étape 2")
        case .stage2: return t("before the certification decision", "avant la décision de certification")
        case .surveillance1:
            return t(
                "no later than 12 months after the certification decision (17021-1 9.6.2.2)",
                "au plus tard 12 mois après la décision de certification (17021-1 9.6.2.2)")
        case .surveillance2:
            return t(
                "in the following calendar year, no later than 24 months after the decision (17021-1 9.6.2.2)",
                "l'année civile suivante, au plus tard 24 mois après la décision (17021-1 9.6.2.2)")
        case .recertification:
            return language == .fr
                ? "terminé \(months(margin)) avant l'expiration du certificat, pour décider du renouvellement à temps (17021-1 9.6.3)"
                : "complete \(months(margin)) before the certificate expires, so the recertification decision is taken in time (17021-1 9.6.3)"
        }
    }

    public func months(_ count: Int) -> String { "\(count) " + t(count == 1 ? "month" : "months", "mois") }

    public var completedBeforeDecision: String { t("completed before the decision", "réalisé avant la décision") }
    public var certificationDecision: String { t("Certification decision", "Décision de certification") }
    public var certificateExpires: String { t("Certificate expires", "Expiration du certificat") }
    public var standards: String { t("Standards", "Normes") }
    public var personnel: String { t("Effective personnel", "Effectif") }
    public var sites: String { t("Sites", "Sites") }
    public var ruleSet: String { t("Rule set", "Jeu de règles") }
    public var notApplicable: String { t("Declared not applicable", "Déclarés non applicables") }
    public var none: String { t("none", "aucun") }

    public var schedule: String { t("Schedule", "Calendrier") }
    public var audit: String { t("Audit", "Audit") }
    public var when: String { t("When", "Échéance") }
    public var earliest: String { t("Earliest", "Au plus tôt") }
    public var latest: String { t("Latest", "Au plus tard") }
    public var planned: String { t("Planned", "Date prévue") }
    public var auditorDays: String { t("Auditor-days", "Jours-auditeur") }
    public var sitesVisited: String { t("Sites visited", "Sites audités") }
    public var clauses: String { t("Clauses", "Articles") }
    public var clause: String { t("Clause", "Article") }
    public var clauseTitle: String { t("Title", "Titre") }
    public var topic: String { t("Surveillance topic", "Thème de surveillance") }

    /// `1.5 auditor-days`, `1 auditor-day`; `1,5 jour-auditeur`, `2 jours-auditeur` (French takes
    /// the plural from two).
    public func days(_ days: AuditorDays) -> String {
        language == .fr
            ? "\(days.formatted(.fr)) jour\(days.halfDays >= 4 ? "s" : "")-auditeur"
            : "\(days.formatted(.en)) auditor-day\(days.halfDays == 2 ? "" : "s")"
    }

    /// The MD 5 table the times come from (``AuditTimeTable/source``), in this language.
    public var tableSource: String { t(AuditTimeTable.source, "IAF MD 5:2019 (édition 4), tableau QMS 1") }

    public var auditTime: String { t("Audit time", "Durée d'audit") }
    public func tableLine(personnel: Int, days: AuditorDays, source: String) -> String {
        language == .fr
            ? "\(source)\u{00A0}: \(personnel) personne\(personnel > 1 ? "s" : "") → \(self.days(days)) pour l'étape 1 et l'étape 2."
            : "\(source): \(personnel) \(personnel == 1 ? "person" : "people") → \(self.days(days)) for stage 1 and stage 2."
    }
    public func extrapolated() -> String {
        t(
            "The headcount lies beyond the table's last band (10,700 people): one auditor-day is added for every further 2,200 people or part of them, a reading of MD 5's “follow progression”.",
            "L'effectif dépasse la dernière tranche du tableau (10\u{202F}700 personnes)\u{00A0}: un jour-auditeur est ajouté par tranche de 2\u{202F}200 personnes supplémentaires, lecture de la mention «\u{00A0}follow progression\u{00A0}» du MD 5."
        )
    }
    public func adjustment(requested: Int, applied: Int, initial: AuditorDays) -> String {
        let sign = applied > 0 ? "+" : ""
        return language == .fr
            ? "Ajustement (complexity)\u{00A0}: \(sign)\(percent(applied)), soit \(days(initial)) pour l'audit initial."
            : "Adjustment (complexity): \(sign)\(percent(applied)), giving \(days(initial)) for the initial audit."
    }
    public func capped(requested: Int) -> String {
        language == .fr
            ? "La réduction demandée (\(percent(-requested))) dépasse le plafond de 30\u{00A0}% fixé par l'IAF MD 5\u{00A0}: 30\u{00A0}% a été appliqué."
            : "The reduction asked for (\(percent(-requested))) exceeds the 30% IAF MD 5 allows: 30% was applied."
    }
    public func split(stage1: Int) -> String {
        language == .fr
            ? "Étape 1\u{00A0}: \(percent(stage1)) de la durée initiale, étape 2\u{00A0}: le reste\u{00A0}; chaque surveillance\u{00A0}: un tiers\u{00A0}; renouvellement\u{00A0}: deux tiers\u{00A0}; arrondi à la demi-journée la plus proche (MD 5 2.2.3)."
            : "Stage 1: \(percent(stage1)) of the initial time, stage 2: the rest; each surveillance: one third; recertification: two thirds; rounded to the nearest half day (MD 5 2.2.3)."
    }
    public func multiSite(sites: Int) -> String {
        language == .fr
            ? "\(sites) sites\u{00A0}: la fonction centrale et un échantillon des \(sites - 1) autres sites sont audités (IAF MD 1\u{00A0}: racine carrée du nombre de sites à l'audit initial, 0,6 fois en surveillance, 0,8 fois au renouvellement, arrondi à l'entier supérieur). La durée est celle de l'effectif total\u{00A0}; sa répartition entre sites revient à l'organisme de certification."
            : "\(sites) sites: the central function and a sample of the \(sites - 1) other sites are visited (IAF MD 1: the square root of the number of sites at the initial audit, 0.6 times it at surveillance, 0.8 times it at recertification, rounded up). The time is that of the whole headcount; the certification body shares it between sites."
    }

    public var everySurveillance: String {
        t(
            "At every surveillance audit (ISO/IEC 17021-1 9.6.2.2)",
            "À chaque audit de surveillance (ISO/IEC 17021-1 9.6.2.2)")
    }
    public var marksNote: String {
        t(
            "checked as a note, under no clause of the standards",
            "vérifiée en tant que note, hors de tout article des normes")
    }

    public var coverage: String { t("Clauses by audit", "Articles par audit") }
    public func coverageIntro(count: Int) -> String {
        language == .fr
            ? "\(count) article\(count > 1 ? "s" : "") applicable\(count > 1 ? "s" : "")\u{00A0}: les deux étapes et le renouvellement les couvrent tous, chaque surveillance couvre les thèmes obligatoires et la moitié des autres, de sorte que les deux surveillances couvrent ensemble tout le système."
            : "\(count) applicable clause\(count == 1 ? "" : "s"): both stages and the recertification cover them all; each surveillance covers the mandatory topics and half of the others, so the two surveillances together cover the whole system."
    }
    public var covered: String { "✓" }
}
