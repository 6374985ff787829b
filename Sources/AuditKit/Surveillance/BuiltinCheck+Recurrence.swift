extension BuiltinCheck {
    /// A nonconformity of the previous audit, declared corrected, whose check fails again on the
    /// same record (surveillance and recertification with `--previous` and `--responses`).
    public static let recurringNonconformity = BuiltinCheck(
        id: "AR-10.2-recurring-nonconformity",
        title: "Nonconformities declared corrected do not recur",
        standard: .iso9001, clause: "10.2", grade: .minor,
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
            """)
}
