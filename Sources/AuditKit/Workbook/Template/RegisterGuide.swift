/// What each register of the template workbook is for, in plain words, and the clauses it
/// serves: the README sheet of `auditready template`, in English and French.
enum RegisterGuide {
    /// One register: its sheet (a contract collection or group), the standard that needs it, the
    /// clauses, and what to keep in it.
    struct Entry {
        var sheet: String
        var standard: Standard
        var clauses: String
        var english: String
        var french: String
    }

    static let entries: [Entry] = [
        Entry(
            sheet: "organisation", standard: .iso9001, clauses: "4.3, 5.1",
            english: "Who you are: name, scope of the quality system, the standards you claim (separate them with ;).",
            french: "Qui vous êtes : nom, périmètre du système qualité, normes revendiquées (séparées par ;)."),
        Entry(
            sheet: "context_issues", standard: .iso9001, clauses: "4.1",
            english: "Internal and external issues that matter to your purpose, and when you last reviewed them.",
            french: "Enjeux internes et externes liés à votre finalité, et date de leur dernière revue."),
        Entry(
            sheet: "interested_parties", standard: .iso9001, clauses: "4.2",
            english: "Customers, regulators and others whose requirements you must meet.",
            french: "Clients, autorités et autres parties dont vous devez satisfaire les exigences."),
        Entry(
            sheet: "processes", standard: .iso9001, clauses: "4.4",
            english: "Your processes, their owners, inputs, outputs, criteria and indicators.",
            french: "Vos processus, leurs responsables, éléments d'entrée et de sortie, critères et indicateurs."),
        Entry(
            sheet: "people", standard: .iso9001, clauses: "7.1.2, 7.2",
            english: "Everyone named elsewhere in the registers, with their role.",
            french: "Toutes les personnes citées dans les registres, avec leur fonction."),
        Entry(
            sheet: "roles", standard: .iso9001, clauses: "5.3",
            english: "Roles, their responsibilities and authority, and the quality duties assigned to them.",
            french: "Fonctions, responsabilités et autorités, et missions qualité attribuées."),
        Entry(
            sheet: "competence_records", standard: .iso9001, clauses: "7.2",
            english: "Training, education, experience and certificates, and whether they proved effective.",
            french: "Formations, diplômes, expérience et certificats, et leur efficacité."),
        Entry(
            sheet: "policies", standard: .iso9001, clauses: "5.2 (ISO 10002: 5.3)",
            english: "The quality policy and the complaints policy: approval, communication, publication.",
            french:
                "Politique qualité et politique de traitement des réclamations : approbation, communication, publication."
        ),
        Entry(
            sheet: "objectives", standard: .iso9001, clauses: "6.2",
            english: "Quality objectives with their measure, target, owner and due date.",
            french: "Objectifs qualité avec mesure, cible, responsable et échéance."),
        Entry(
            sheet: "risks", standard: .iso9001, clauses: "6.1",
            english: "Risks and opportunities, the action planned and whether it worked.",
            french: "Risques et opportunités, action prévue et son efficacité."),
        Entry(
            sheet: "changes", standard: .iso9001, clauses: "6.3",
            english: "Planned changes to the quality system: purpose, consequences, who approved them.",
            french: "Modifications planifiées du système qualité : objet, conséquences, approbation."),
        Entry(
            sheet: "documents", standard: .iso9001, clauses: "7.5",
            english: "Controlled documents: version, approval, review date and status.",
            french: "Documents maîtrisés : version, approbation, date de revue et statut."),
        Entry(
            sheet: "equipment", standard: .iso9001, clauses: "7.1.5",
            english: "Measuring equipment and its calibration: last date, next due date, status.",
            french: "Équipements de mesure et leur étalonnage : dernière date, prochaine échéance, statut."),
        Entry(
            sheet: "orders", standard: .iso9001, clauses: "8.2.3",
            english: "Customer orders and when their requirements were reviewed before acceptance.",
            french: "Commandes clients et date de revue des exigences avant acceptation."),
        Entry(
            sheet: "design_projects", standard: .iso9001, clauses: "8.3",
            english: "Design projects: planning, inputs, verification, validation and outputs.",
            french:
                "Projets de conception : planification, données d'entrée, vérification, validation, données de sortie."),
        Entry(
            sheet: "suppliers", standard: .iso9001, clauses: "8.4",
            english: "External providers, whether critical, their approval and status.",
            french: "Prestataires externes, criticité, approbation et statut."),
        Entry(
            sheet: "releases", standard: .iso9001, clauses: "8.6",
            english: "Release of products and services: who released them, on what evidence.",
            french: "Libération des produits et services : par qui, sur quelle preuve."),
        Entry(
            sheet: "nonconforming_outputs", standard: .iso9001, clauses: "8.7",
            english: "Nonconforming products or services and what was decided for them.",
            french: "Produits ou services non conformes et décision prise."),
        Entry(
            sheet: "nonconformities", standard: .iso9001, clauses: "10.2",
            english: "Nonconformities and corrective actions: cause, action, due date, closure, effectiveness.",
            french: "Non-conformités et actions correctives : cause, action, échéance, clôture, efficacité."),
        Entry(
            sheet: "satisfaction_surveys", standard: .iso9001, clauses: "9.1.2",
            english: "Customer satisfaction surveys and their results.",
            french: "Enquêtes de satisfaction clients et leurs résultats."),
        Entry(
            sheet: "audit_programme", standard: .iso9001, clauses: "9.2.2",
            english: "The internal audit programme: period and approval.",
            french: "Programme d'audit interne : période et approbation."),
        Entry(
            sheet: "internal_audits", standard: .iso9001, clauses: "9.2",
            english: "Internal audits: plan, date, scope, auditor, report and findings.",
            french: "Audits internes : planification, date, périmètre, auditeur, rapport et constats."),
        Entry(
            sheet: "management_reviews", standard: .iso9001, clauses: "9.3",
            english: "Management reviews: date, attendees, inputs and outputs covered.",
            french: "Revues de direction : date, participants, éléments d'entrée et de sortie traités."),
        Entry(
            sheet: "complaints", standard: .iso10002, clauses: "ISO 10002 7; ISO 9001 8.2.1, 9.1.2",
            english: "Every complaint from receipt to closure: acknowledgement, assessment, decision, communication.",
            french:
                "Chaque réclamation de sa réception à sa clôture : accusé de réception, évaluation, décision, communication."
        ),
        Entry(
            sheet: "complaints_handling", standard: .iso10002, clauses: "ISO 10002 5, 6",
            english: "How complaints are handled: policy, representative, channels and target times.",
            french: "Organisation du traitement des réclamations : politique, représentant, canaux et délais cibles.")
    ]

    /// The README sheet's opening lines.
    static func introduction(language: String) -> [String] {
        language == "fr"
            ? [
                "Registres qualité pour auditready",
                "Chaque onglet est un registre. Gardez la première ligne (les titres des colonnes) telle quelle et ajoutez une ligne par enregistrement.",
                "Dates : saisissez de vraies dates (le format jj/mm/aaaa ou aaaa-mm-jj est déjà appliqué). Listes : séparez les valeurs par un point-virgule (;).",
                "Les colonnes à choix proposent une liste déroulante des valeurs admises. Les onglets organisation, audit_programme et complaints_handling se remplissent en face de chaque champ, colonne B.",
                "Vérifiez le classeur avec : auditready check registres.xlsx"
            ]
            : [
                "Quality registers for auditready",
                "Each tab is a register. Keep the first row (the column titles) as it is and add one row per record.",
                "Dates: enter real dates (a date format is already set on those columns). Lists: separate the values with a semicolon (;).",
                "Columns with fixed values offer a drop-down list. The organisation, audit_programme and complaints_handling tabs are filled in next to each field, in column B.",
                "Check the workbook with: auditready check registers.xlsx"
            ]
    }
}
