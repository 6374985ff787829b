/// The column titles of register workbooks: in English the contract field names themselves
/// (`received_on`), in French plain titles (`Reçue le`). ``field(forHeader:in:)`` maps either
/// back to the contract field, so a workbook made by `auditready template --lang fr` is read
/// without a mapping.
enum RegisterTitles {
    /// The title of `field` in `language` (`en` or `fr`).
    static func title(of field: String, language: String) -> String {
        language == "fr" ? (french[field] ?? field) : field
    }

    /// The contract field a header cell names: a field of `entry` by name (any case), or by its
    /// French title; otherwise the header as written (validation then reports it as unknown).
    static func field(forHeader header: String, in entry: ContractCollection) -> String {
        if entry.field(header) != nil { return header }
        let folded = header.lowercased()
        if let field = entry.fields.first(where: { $0.name.lowercased() == folded }) { return field.name }
        if let field = entry.fields.first(where: { french[$0.name]?.lowercased() == folded }) { return field.name }
        return header
    }

    /// French titles of the contract fields.
    static let french: [String: String] = [
        "id": "Identifiant", "accepted_on": "Acceptée le", "acknowledged_on": "Accusé de réception le",
        "action": "Action", "actions": "Actions", "address": "Adresse", "analyses": "Analyses",
        "approved_by": "Approuvé par", "approved_on": "Approuvé le", "assessed_on": "Évaluée le",
        "attendees": "Participants", "auditor": "Auditeur", "author": "Auteur", "authority": "Autorité",
        "by": "Par", "calibration_basis": "Base d'étalonnage",
        "calibration_interval_days": "Intervalle d'étalonnage (jours)",
        "category": "Catégorie", "changes": "Modifications", "channel": "Canal", "channels": "Canaux",
        "charge": "Frais demandés", "clause": "Article", "clauses": "Articles", "closed_on": "Clôturée le",
        "collections": "Collections", "communicated_on": "Communiqué le",
        "competence_criteria": "Critères de compétence",
        "complainant": "Réclamant", "complainant_reaction": "Réaction du réclamant", "completed_on": "Terminé le",
        "concession_by": "Dérogation accordée par", "conducted_on": "Réalisé le",
        "conformity_evidence": "Preuve de conformité",
        "consequences": "Conséquences", "correction": "Correction", "corrective_action": "Action corrective",
        "criteria": "Critères", "critical": "Critique", "customer": "Client", "decided_by": "Décidé par",
        "decided_on": "Décidé le", "decision": "Décision", "delivered_on": "Livré le", "department": "Service",
        "description": "Description", "detected_on": "Détecté le", "disposition": "Traitement",
        "distributed_to": "Diffusé à", "due_on": "Échéance", "effective": "Efficace", "effective_on": "En vigueur le",
        "effectiveness_checked_on": "Efficacité vérifiée le", "evaluated_on": "Évalué le",
        "evaluation_method": "Méthode d'évaluation", "evaluations": "Évaluations", "exported_on": "Exporté le",
        "fields_not_exported": "Champs non exportés",
        "findings": "Constats", "frequency": "Fréquence", "held_on": "Tenue le",
        "impact_assessed_on": "Impact évalué le",
        "implemented_on": "Mise en œuvre le", "inputs": "Éléments d'entrée",
        "inputs_recorded_on": "Éléments d'entrée enregistrés le",
        "investigation": "Investigation", "investigator": "Enquêteur", "joined_on": "Arrivé le",
        "justification": "Justification", "kind": "Type", "kpis": "Indicateurs",
        "last_calibrated_on": "Dernier étalonnage le",
        "left_on": "Parti le", "measure": "Mesure", "measurements": "Mesures", "method": "Méthode", "name": "Nom",
        "next_due_on": "Prochaine échéance", "next_review_on": "Prochaine revue le", "nonconformity": "Non-conformité",
        "not_applicable": "Non applicable", "objectives": "Objectifs", "order": "Commande",
        "organisation_id": "Identifiant de l'organisme", "origin": "Origine",
        "out_of_tolerance_on": "Hors tolérance le",
        "outputs": "Éléments de sortie", "outputs_recorded_on": "Éléments de sortie enregistrés le",
        "owner": "Responsable",
        "performed_on": "Réalisée le", "period": "Période", "period_end": "Fin de période",
        "period_start": "Début de période",
        "person": "Personne", "planned_on": "Planifié le", "policy": "Politique", "priority": "Priorité",
        "process": "Processus", "process_surveys": "Enquêtes sur le processus", "processes": "Processus audités",
        "product": "Produit", "publication": "Publication", "published": "Publiée", "published_on": "Publiée le",
        "purpose": "Objet", "qms_duties": "Missions SMQ", "raised_on": "Ouverte le", "received_on": "Reçue le",
        "recorded_on": "Enregistré le", "recourse_offered": "Recours proposé",
        "reevaluation_interval_days": "Intervalle de réévaluation (jours)",
        "released_by": "Libéré par", "released_on": "Libéré le", "remedy_sought": "Solution demandée",
        "report_on": "Rapport le",
        "representative": "Représentant", "requirements": "Exigences", "resources": "Ressources",
        "responses": "Réponses",
        "responsibilities": "Responsabilités", "responsible": "Responsable désigné", "result": "Résultat",
        "retention": "Durée de conservation", "reverified_on": "Revérifié le", "reviewed_by": "Revu par",
        "reviewed_on": "Revu le", "reviews": "Revues", "risks": "Risques", "role": "Fonction",
        "root_cause": "Cause racine",
        "safety_related": "Lié à la sécurité", "satisfaction_score": "Note de satisfaction",
        "scale_max": "Échelle maximale",
        "scope": "Périmètre", "score": "Note", "sites": "Sites", "source": "Origine de l'écart",
        "source_ref": "Référence de l'origine",
        "source_system": "Système source", "standards": "Normes", "statement": "Énoncé", "status": "Statut",
        "subject_person": "Personne mise en cause", "summary": "Synthèse", "target": "Cible",
        "target_acknowledgement_days": "Délai cible d'accusé de réception (jours)",
        "target_resolution_days": "Délai cible de résolution (jours)",
        "title": "Titre", "top_management": "Direction", "traceable_to": "Raccordé à", "unit": "Unité",
        "used_for_verification": "Utilisé pour la vérification", "validated_on": "Validé le", "value": "Valeur",
        "verified_on": "Vérifié le", "version": "Version"
    ]
}
