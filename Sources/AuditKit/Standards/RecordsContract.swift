/// The records export contract (records-contract.md): every collection and group, with the
/// fields of their records and the type of each field.
///
/// This is the one place the contract's names and types live in Swift. `rules lint` warns when a
/// rule reads a name outside it, `auditready validate` checks exports against it, and the
/// published schemas (`schemas/records.xsd`, `schemas/records.schema.json`) are generated from it
/// by ``ContractSchemas`` (a test keeps the files in step).
public enum RecordsContract {
    private static func f(_ name: String, _ type: ContractType = .text) -> ContractField { ContractField(name, type) }
    private static func date(_ name: String) -> ContractField { ContractField(name, .date) }
    private static func bool(_ name: String) -> ContractField { ContractField(name, .boolean) }
    private static func number(_ name: String) -> ContractField { ContractField(name, .number) }
    private static func person(_ name: String) -> ContractField { ContractField(name, .reference("people")) }
    private static let id = ContractField("id")

    /// Every collection and group, in the order of records-contract.md.
    public static let entries: [ContractCollection] = [
        ContractCollection(
            "export", isGroup: true,
            [
                date("exported_on"), f("source_system"), f("organisation_id"),
                f("collections", .codes(nil)), f("fields_not_exported", .codes(nil))
            ]),
        ContractCollection(
            "organisation", isGroup: true,
            [
                f("name"), f("scope"),
                f("sites", .records([id, f("name"), f("address")])),
                f("standards", .codes(nil)),
                f("not_applicable", .records([f("clause"), f("justification")])),
                f("top_management", .references("people"))
            ]),
        ContractCollection(
            "context_issues",
            [
                id, f("kind", .code(["internal", "external"])), f("description"),
                date("reviewed_on")
            ]),
        ContractCollection("interested_parties", [id, f("name"), f("requirements"), date("reviewed_on")]),
        ContractCollection(
            "processes",
            [
                id, f("name"), person("owner"), f("inputs", .codes(nil)),
                f("outputs", .codes(nil)), f("criteria", .codes(nil)), f("kpis", .codes(nil)),
                f("risks", .references("risks"))
            ]),
        ContractCollection(
            "people",
            [
                id, f("name"), f("role", .reference("roles")), f("department"),
                date("joined_on"), date("left_on")
            ]),
        ContractCollection(
            "roles",
            [
                id, f("title"), f("responsibilities"), f("authority"), f("competence_criteria"),
                f(
                    "qms_duties",
                    .codes([
                        "qms_conformity", "process_outputs", "performance_reporting",
                        "customer_focus", "change_integrity"
                    ]))
            ]),
        ContractCollection(
            "competence_records",
            [
                id, person("person"), f("kind", .code(["education", "training", "experience", "certificate"])),
                f("description"), date("completed_on"), date("evaluated_on"), bool("effective")
            ]),
        ContractCollection(
            "policies",
            [
                id, f("kind", .code(["quality", "complaints"])), f("title"), f("version"), f("statement"),
                person("approved_by"), date("approved_on"), date("communicated_on"), bool("published"), f("publication")
            ]),
        ContractCollection(
            "objectives",
            [
                id, f("statement"), f("process", .reference("processes")), f("measure"), f("target"), f("unit"),
                person("owner"), date("due_on"), f("frequency", .code(["monthly", "quarterly", "yearly"])),
                f("evaluation_method"),
                f("measurements", .records([f("period"), f("value"), date("recorded_on")]))
            ]),
        ContractCollection(
            "risks",
            [
                id, f("kind", .code(["risk", "opportunity"])), f("description"), f("process", .reference("processes")),
                f("action"), person("owner"), date("due_on"), date("evaluated_on"), bool("effective")
            ]),
        ContractCollection(
            "changes",
            [
                id, f("description"), f("purpose"), f("consequences"), f("resources"),
                person("responsible"), date("planned_on"), person("approved_by")
            ]),
        ContractCollection(
            "documents",
            [
                id, f("title"), f("origin", .code(["internal", "external"])), f("version"), person("author"),
                person("approved_by"), date("approved_on"), date("effective_on"), date("next_review_on"),
                f("status", .code(["draft", "released", "obsolete"])), f("retention")
            ]),
        ContractCollection(
            "equipment",
            [
                id, f("description"), bool("used_for_verification"), number("calibration_interval_days"),
                date("last_calibrated_on"), date("next_due_on"), f("traceable_to"), f("calibration_basis"),
                f("status", .code(["in_service", "out_of_service", "quarantined"])), date("out_of_tolerance_on"),
                date("impact_assessed_on")
            ]),
        ContractCollection(
            "orders",
            [
                id, f("customer"), date("received_on"), date("reviewed_on"), person("reviewed_by"),
                date("accepted_on")
            ]),
        ContractCollection(
            "design_projects",
            [
                id, f("title"), date("planned_on"), date("inputs_recorded_on"),
                f("reviews", .records([date("held_on"), person("by")])),
                date("verified_on"), date("validated_on"), date("outputs_recorded_on"),
                f("changes", .records([id, date("reviewed_on"), person("approved_by")]))
            ]),
        ContractCollection(
            "suppliers",
            [
                id, f("name"), bool("critical"), date("approved_on"),
                f("status", .code(["approved", "conditional", "blocked"])),
                number("reevaluation_interval_days"),
                f("evaluations", .records([date("evaluated_on"), number("score"), f("result"), f("action")]))
            ]),
        ContractCollection(
            "releases",
            [
                id, f("product"), f("order", .reference("orders")), date("released_on"),
                person("released_by"), f("conformity_evidence"), date("delivered_on")
            ]),
        ContractCollection(
            "nonconforming_outputs",
            [
                id, date("detected_on"), f("description"),
                f("disposition", .code(["rework", "scrap", "concession", "return", "regrade"])),
                person("concession_by"), person("decided_by"), date("reverified_on")
            ]),
        ContractCollection(
            "nonconformities",
            [
                id, date("raised_on"),
                f(
                    "source",
                    .code(["internal_audit", "external_audit", "complaint", "process", "supplier", "management_review"])
                ),
                f("source_ref"), f("clause"), f("description"), f("correction"), f("root_cause"),
                f("corrective_action"),
                person("owner"), date("due_on"), date("implemented_on"), date("closed_on"),
                date("effectiveness_checked_on"),
                bool("effective")
            ]),
        ContractCollection(
            "satisfaction_surveys",
            [
                id, f("method"), date("conducted_on"), number("responses"),
                number("score"), number("scale_max")
            ]),
        ContractCollection(
            "audit_programme", isGroup: true,
            [
                date("approved_on"), person("approved_by"),
                date("period_start"), date("period_end")
            ]),
        ContractCollection(
            "internal_audits",
            [
                id, date("planned_on"), date("conducted_on"), f("processes", .references("processes")),
                f("clauses", .codes(nil)),
                f("scope"), f("criteria"), person("auditor"), date("report_on"),
                f("distributed_to", .references("people")),
                f("findings", .references("nonconformities"))
            ]),
        ContractCollection(
            "management_reviews",
            [
                id, date("held_on"), f("attendees", .references("people")),
                f(
                    "inputs",
                    .codes([
                        "previous_actions", "context_changes", "customer_satisfaction", "objectives",
                        "process_performance", "nonconformities", "monitoring_results", "audit_results",
                        "supplier_performance", "resources", "risk_actions", "improvement_opportunities",
                        "complaints"
                    ])),
                f("outputs", .codes(["improvement", "qms_changes", "resource_needs"])),
                f("actions", .records([id, f("description"), person("owner"), date("due_on"), f("status")]))
            ]),
        ContractCollection(
            "complaints",
            [
                id, date("received_on"), f("channel"), f("complainant"), f("product"), f("description"),
                f("remedy_sought"),
                f("category"), f("priority", .code(["low", "medium", "high", "critical"])), bool("safety_related"),
                date("acknowledged_on"), date("assessed_on"), person("owner"), f("investigation"),
                person("investigator"),
                person("subject_person"), f("decision"), date("decided_on"), date("communicated_on"),
                f("complainant_reaction", .code(["accepted", "rejected"])), bool("recourse_offered"), date("closed_on"),
                f("nonconformity", .reference("nonconformities")), number("charge"), number("satisfaction_score")
            ]),
        ContractCollection(
            "complaints_handling", isGroup: true,
            [
                f("policy", .reference("policies")), person("representative"), date("published_on"),
                f("channels", .codes(nil)),
                number("target_acknowledgement_days"), number("target_resolution_days"),
                f("objectives", .references("objectives")),
                f("analyses", .records([f("period"), date("performed_on"), f("summary")])),
                f(
                    "process_surveys",
                    .records([date("conducted_on"), number("responses"), number("score"), number("scale_max")]))
            ])
    ]

    /// The collection or group called `name`, if the contract defines it.
    public static func entry(_ name: String) -> ContractCollection? { entriesByName[name] }

    private static let entriesByName: [String: ContractCollection] =
        Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0) })

    /// Top-level collections and groups, with every field name of their items, nested fields
    /// included (the names a rule may read below them).
    public static let collections: [String: [String]] = Dictionary(
        uniqueKeysWithValues: entries.map { entry in
            var names: [String] = []
            func add(_ fields: [ContractField]) {
                for field in fields {
                    if !names.contains(field.name) { names.append(field.name) }
                    add(field.nestedFields)
                }
            }
            add(entry.fields)
            return (entry.name, names)
        })

    /// Every field name of every collection.
    public static let allFields: Set<String> = Set(collections.values.flatMap { $0 })

    /// The names of the fields the contract types as dates, nested fields included.
    public static let dateFields: Set<String> = {
        var names = Set<String>()
        func add(_ fields: [ContractField]) {
            for field in fields {
                if field.type == .date { names.insert(field.name) }
                add(field.nestedFields)
            }
        }
        entries.forEach { add($0.fields) }
        return names
    }()

    /// Top-level names that hold one group of fields rather than a list of records.
    public static let groups: Set<String> = ["export", "organisation", "audit_programme", "complaints_handling"]

    /// Names the contract defines as lists: every top-level collection, and the list fields of
    /// records (`standards`, `top_management`, `distributed_to`, `attendees`…).
    ///
    /// The XML loader reads an element with one of these names as a list when its children have
    /// the item names the XML Schema accepts (``ContractSchemas/itemNames(of:)``), so
    /// `<top_management><person>P1</person></top_management>` is a one-item list, exactly as
    /// `"top_management": ["P1"]` is in JSON.
    public static let listFields: Set<String> = Set(collections.keys).subtracting(groups).union([
        "standards", "sites", "not_applicable", "top_management", "inputs", "outputs", "kpis", "risks",
        "qms_duties", "measurements", "reviews", "changes", "evaluations", "processes", "clauses",
        "distributed_to", "findings", "attendees", "actions", "channels", "objectives", "analyses",
        "process_surveys"
    ])
}
