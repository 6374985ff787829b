/// The built-in checks: what each one is called, where it reports and when it runs.
extension BuiltinCheck {
    /// A requirement declared not applicable that cannot be: outside the allow-list.
    public static let notApplicableClause = BuiltinCheck(
        id: "AR-4.3-not-applicable-clause",
        title: "Only requirements that can be excluded are declared not applicable",
        placements: [Placement(.iso9001, "4.3")], grade: .major,
        guidance: """
            A requirement may be declared not applicable only where it cannot be applied within the scope, \
            such as design and development (8.3) for a company that designs nothing, or measurement \
            traceability (7.1.5.2). Requirements on context, leadership, planning, most of support, \
            operational control, evaluation and improvement always apply. Withdraw the declaration and \
            apply the requirement.
            """,
        titleFR: "Seules les exigences qui peuvent l'être sont déclarées non applicables",
        guidanceFR: """
            Une exigence ne peut être déclarée non applicable que si elle ne peut pas s'appliquer dans le périmètre, \
            comme la conception et le développement (8.3) pour une entreprise qui ne conçoit rien, ou la \
            traçabilité de la mesure (7.1.5.2). Retirez la déclaration et appliquez l'exigence.
            """,
        occasion: .standardChecked(.iso9001), readsRecords: true)

    /// A not-applicable declaration without a justification.
    public static let notApplicableJustification = BuiltinCheck(
        id: "AR-4.3-not-applicable-justification",
        title: "Each requirement declared not applicable is justified in the scope",
        placements: [Placement(.iso9001, "4.3")], grade: .minor,
        guidance: """
            The scope must say why each requirement declared not applicable cannot be applied, and that \
            this does not affect the conformity of products and services. Until it does, the requirement \
            is treated as applicable. Add the justification to the scope statement.
            """,
        titleFR: "Chaque exigence déclarée non applicable est justifiée dans le périmètre",
        guidanceFR: """
            Le périmètre doit dire pourquoi chaque exigence déclarée non applicable ne peut pas s'appliquer, et \
            que cela n'affecte pas la conformité des produits et services. Tant que ce n'est pas le cas, \
            l'exigence reste applicable. Ajoutez la justification au périmètre.
            """,
        occasion: .standardChecked(.iso9001), readsRecords: true, namedInClauseMatrix: false)

    /// A date field whose text is not a real ISO 8601 date.
    public static let invalidDate = BuiltinCheck(
        id: "AR-7.5.3-invalid-date",
        title: "Dates in the records are real dates",
        placements: [Placement(.iso9001, "7.5.3"), Placement(.iso10002, "4.9")], grade: .minor,
        guidance: """
            A date that does not exist (such as 30 February) or is not written YYYY-MM-DD cannot show \
            when something happened, so the record cannot be relied on. Correct the record at its source \
            and check how the wrong value got in.
            """,
        titleFR: "Les dates des enregistrements sont des dates réelles",
        guidanceFR: """
            Une date qui n'existe pas (comme le 30 février) ou qui n'est pas écrite AAAA-MM-JJ ne montre pas \
            quand une chose s'est produite : l'enregistrement n'est pas fiable. Corrigez-le à la source et \
            cherchez comment la valeur erronée y est entrée.
            """,
        occasion: .everyRun, readsRecords: true)

    /// A waiver given with `--waivers` that cannot be applied (run only when waivers are given):
    /// a deferred correction, so corrective action in ISO 9001 and continual improvement of the
    /// complaints-handling process in ISO 10002.
    public static let invalidWaiver = BuiltinCheck(
        id: "AR-waiver-invalid",
        title: "Accepted findings are justified, approved and still in date",
        placements: [Placement(.iso9001, "10.2.1"), Placement(.iso10002, "8.7")], grade: .minor,
        guidance: """
            A waiver defers the correction of a finding; it needs a justification, an approver and an \
            expiry date, and a linked corrective action. An expired or incomplete waiver no longer \
            applies: correct the finding, or renew the waiver with a new approval.
            """,
        titleFR: "Les constats acceptés sont justifiés, approuvés et encore valables",
        guidanceFR: """
            Une dérogation reporte la correction d'un constat ; elle demande une justification, un \
            approbateur, une date d'expiration et une action corrective liée. Une dérogation expirée ou \
            incomplète ne s'applique plus : corrigez le constat, ou renouvelez la dérogation avec une \
            nouvelle approbation.
            """,
        occasion: .waiversGiven, readsRecords: false)

    /// A nonconformity of the previous audit, declared corrected, whose check fails again on the
    /// same record (surveillance and recertification with `--previous` and `--responses`).
    public static let recurringNonconformity = BuiltinCheck(
        id: "AR-10.2-recurring-nonconformity",
        title: "Nonconformities declared corrected do not recur",
        placements: [Placement(.iso9001, "10.2"), Placement(.iso10002, "8.7")], grade: .minor,
        guidance: """
            A nonconformity of the previous audit was declared corrected, its corrective action \
            completed, yet the same check fails again on the same record. ISO 9001 10.2.1 requires \
            the effectiveness of each corrective action to be reviewed; this recurrence shows it was \
            not effective. Review the root cause analysis and the action taken, and keep the evidence \
            of that review.
            """,
        titleFR: "Les non-conformités déclarées corrigées ne se reproduisent pas",
        guidanceFR: """
            Une non-conformité de l'audit précédent a été déclarée corrigée, son action corrective \
            réalisée, et pourtant le même contrôle échoue de nouveau sur le même enregistrement. \
            L'ISO 9001 (10.2.1) exige d'examiner l'efficacité de chaque action corrective\u{00A0}; cette \
            récurrence montre qu'elle n'a pas été efficace. Reprenez l'analyse des causes et l'action \
            menée, et conservez les preuves de cet examen.
            """,
        occasion: .previousAuditRechecked, readsRecords: false)

    /// Every built-in check, in the order `rules list` shows them.
    public static let all: [BuiltinCheck] = [
        notApplicableClause, notApplicableJustification, invalidDate, invalidWaiver, recurringNonconformity
    ]
}
