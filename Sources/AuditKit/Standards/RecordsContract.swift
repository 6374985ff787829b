/// The names of the records export contract (records-contract.md) that the bundled checklists
/// read. `rules lint` warns when a rule reads a name outside it, which is usually a misspelling.
public enum RecordsContract {
    /// Top-level collections and groups, with the fields of their items.
    public static let collections: [String: [String]] = [
        "export": ["exported_on", "source_system", "organisation_id"],
        "organisation": ["name", "scope", "sites", "standards", "not_applicable", "top_management",
                         "id", "address", "clause", "justification"],
        "context_issues": ["id", "kind", "description", "reviewed_on"],
        "interested_parties": ["id", "name", "requirements", "reviewed_on"],
        "processes": ["id", "name", "owner", "inputs", "outputs", "criteria", "kpis", "risks"],
        "people": ["id", "name", "role", "department", "joined_on", "left_on"],
        "roles": ["id", "title", "responsibilities", "authority", "competence_criteria", "qms_duties"],
        "competence_records": ["id", "person", "kind", "description", "completed_on", "evaluated_on", "effective"],
        "policies": ["id", "kind", "title", "version", "statement", "approved_by", "approved_on",
                     "communicated_on", "published", "publication"],
        "objectives": ["id", "statement", "process", "measure", "target", "unit", "owner", "due_on", "frequency",
                       "evaluation_method", "measurements", "period", "value", "recorded_on"],
        "risks": ["id", "kind", "description", "process", "action", "owner", "due_on", "evaluated_on", "effective"],
        "changes": ["id", "description", "purpose", "consequences", "resources", "responsible", "planned_on",
                    "approved_by"],
        "documents": ["id", "title", "origin", "version", "author", "approved_by", "approved_on", "effective_on",
                      "next_review_on", "status", "retention"],
        "equipment": ["id", "description", "used_for_verification", "calibration_interval_days",
                      "last_calibrated_on", "next_due_on", "traceable_to", "calibration_basis", "status",
                      "out_of_tolerance_on", "impact_assessed_on"],
        "orders": ["id", "customer", "received_on", "reviewed_on", "reviewed_by", "accepted_on"],
        "design_projects": ["id", "title", "planned_on", "inputs_recorded_on", "reviews", "held_on", "by",
                            "verified_on", "validated_on", "outputs_recorded_on", "changes", "reviewed_on",
                            "approved_by"],
        "suppliers": ["id", "name", "critical", "approved_on", "status", "reevaluation_interval_days",
                      "evaluations", "evaluated_on", "score", "result", "action"],
        "releases": ["id", "product", "order", "released_on", "released_by", "conformity_evidence", "delivered_on"],
        "nonconforming_outputs": ["id", "detected_on", "description", "disposition", "concession_by",
                                  "decided_by", "reverified_on"],
        "nonconformities": ["id", "raised_on", "source", "source_ref", "clause", "description", "correction",
                            "root_cause", "corrective_action", "owner", "due_on", "implemented_on", "closed_on",
                            "effectiveness_checked_on", "effective"],
        "satisfaction_surveys": ["id", "method", "conducted_on", "responses", "score", "scale_max"],
        "audit_programme": ["approved_on", "approved_by", "period_start", "period_end"],
        "internal_audits": ["id", "planned_on", "conducted_on", "processes", "clauses", "scope", "criteria",
                            "auditor", "report_on", "distributed_to", "findings"],
        "management_reviews": ["id", "held_on", "attendees", "inputs", "outputs", "actions", "description",
                               "owner", "due_on", "status"],
        "complaints": ["id", "received_on", "channel", "complainant", "product", "description", "remedy_sought",
                       "category", "priority", "safety_related", "acknowledged_on", "assessed_on", "owner",
                       "investigation", "investigator", "subject_person", "decision", "decided_on",
                       "communicated_on", "complainant_reaction", "recourse_offered", "closed_on", "nonconformity",
                       "charge", "satisfaction_score"],
        "complaints_handling": ["policy", "representative", "published_on", "channels",
                                "target_acknowledgement_days", "target_resolution_days", "objectives", "analyses",
                                "period", "performed_on", "summary", "process_surveys", "conducted_on", "responses",
                                "score", "scale_max"],
    ]

    /// Every field name of every collection.
    public static let allFields: Set<String> = Set(collections.values.flatMap { $0 })

    /// Top-level names that hold one group of fields rather than a list of records.
    public static let groups: Set<String> = ["export", "organisation", "audit_programme", "complaints_handling"]

    /// Names the contract defines as lists: every top-level collection, and the list fields of
    /// records (`standards`, `top_management`, `distributed_to`, `attendees`…).
    ///
    /// The XML loader reads an element with one of these names as a list whatever its children
    /// are called, so `<top_management><person>P1</person></top_management>` is a one-item list,
    /// exactly as `"top_management": ["P1"]` is in JSON.
    public static let listFields: Set<String> = Set(collections.keys).subtracting(groups).union([
        "standards", "sites", "not_applicable", "top_management", "inputs", "outputs", "kpis", "risks",
        "qms_duties", "measurements", "reviews", "changes", "evaluations", "processes", "clauses",
        "distributed_to", "findings", "attendees", "actions", "channels", "objectives", "analyses",
        "process_surveys",
    ])
}
