/// Checks the engine makes itself, beside the rule files: they need no rule file and cannot be
/// switched off, because a wrong answer here would mislead every other rule.
public struct BuiltinCheck: Sendable {
    public var id: String
    public var title: String
    public var standard: Standard
    public var clause: String
    public var grade: Grade
    public var guidance: String

    /// A requirement declared not applicable that cannot be: outside the allow-list.
    public static let notApplicableClause = BuiltinCheck(
        id: "AR-4.3-not-applicable-clause",
        title: "Only requirements that can be excluded are declared not applicable",
        standard: .iso9001, clause: "4.3", grade: .major,
        guidance: """
        A requirement may be declared not applicable only where it cannot be applied within the scope, \
        such as design and development (8.3) for a company that designs nothing, or measurement \
        traceability (7.1.5.2). Requirements on context, leadership, planning, most of support, \
        operational control, evaluation and improvement always apply. Withdraw the declaration and \
        apply the requirement.
        """)

    /// A not-applicable declaration without a justification.
    public static let notApplicableJustification = BuiltinCheck(
        id: "AR-4.3-not-applicable-justification",
        title: "Each requirement declared not applicable is justified in the scope",
        standard: .iso9001, clause: "4.3", grade: .minor,
        guidance: """
        The scope must say why each requirement declared not applicable cannot be applied, and that \
        this does not affect the conformity of products and services. Until it does, the requirement \
        is treated as applicable. Add the justification to the scope statement.
        """)

    /// A date field whose text is not a real ISO 8601 date.
    public static let invalidDate = BuiltinCheck(
        id: "AR-7.5.3-invalid-date",
        title: "Dates in the records are real dates",
        standard: .iso9001, clause: "7.5.3", grade: .minor,
        guidance: """
        A date that does not exist (such as 30 February) or is not written YYYY-MM-DD cannot show \
        when something happened, so the record cannot be relied on. Correct the record at its source \
        and check how the wrong value got in.
        """)

    /// An export whose shape departs from the records contract: unknown fields, wrong types,
    /// duplicate ids (invalid dates are left to ``invalidDate``).
    public static let recordStructure = BuiltinCheck(
        id: "AR-7.5.3-record-structure",
        title: "Records follow the structure the checks read",
        standard: .iso9001, clause: "7.5.3", grade: .minor,
        guidance: """
        A field the records contract does not define (often a misspelling such as recieved_on), a value \
        of the wrong kind (yes for a true/false field) or an id used twice cannot be read reliably, so \
        the checks that need it see nothing or the wrong record. Correct the export at its source or \
        its mapping; auditready validate lists every such place.
        """)

    /// The same clause failing on several records: a systemic major nonconformity.
    public static let systemic = BuiltinCheck(
        id: "AR-systemic",
        title: "A requirement failing on several records is a systemic nonconformity",
        standard: .iso9001, clause: "-", grade: .major,
        guidance: """
        When the same requirement is not met on several records (3 by default, the \
        systemic_threshold parameter), the problem lies in how the process is run, not in one slip. \
        Find the common cause, correct every record listed, and change the process so it cannot recur.
        """)

    /// Every built-in check.
    public static let all: [BuiltinCheck] = [notApplicableClause, notApplicableJustification, invalidDate, recordStructure, systemic]
}
