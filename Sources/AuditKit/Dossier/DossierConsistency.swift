/// Whether the stage 1 report, the stage 2 report and the follow-up of a dossier belong to one
/// certification: the same organisation and standards, each report at its stage, stage 2 not
/// before stage 1, and the follow-up made on this very stage 2 report (its SHA-256).
public enum DossierConsistency {
    /// Checks the inputs; the first inconsistency found is thrown, naming both files.
    public static func check(
        stage1: DossierReportFile, stage2: DossierReportFile,
        followUp: DossierFollowUpFile?
    ) throws(DossierInconsistency) {
        let one = stage1.path, two = stage2.path
        switch (stage1.stage, stage2.stage) {
        case (.initial, .certification): break
        case (.certification, .initial):
            throw DossierInconsistency(
                one, two,
                "the stages are the wrong way round: \(one) is a stage 2 report and \(two) a stage 1 report; give --stage1 \(two) --stage2 \(one)"
            )
        case (.certification, .certification):
            throw DossierInconsistency(
                one, two, "both are stage 2 reports; --stage1 needs the report of a stage 1 check (--stage initial)")
        case (.initial, .initial):
            throw DossierInconsistency(
                one, two,
                "both are stage 1 reports; --stage2 needs the report of a stage 2 check (--stage certification)")
        case (.surveillance, _), (.recertification, _), (_, .surveillance), (_, .recertification):
            throw DossierInconsistency(
                one, two,
                "the initial certification's dossier is made of a stage 1 report (--stage initial) and a stage 2 report (--stage certification); a surveillance or recertification report is decided on separately"
            )
        }
        if let first = stage1.organisation, let second = stage2.organisation {
            if let a = first.id, let b = second.id, a != b {
                throw DossierInconsistency(
                    one, two, "the reports are of different organisations (export organisation_id '\(a)' and '\(b)')")
            }
            if let a = first.name, let b = second.name, a != b {
                throw DossierInconsistency(one, two, "the reports are of different organisations ('\(a)' and '\(b)')")
            }
        }
        if Set(stage1.standards) != Set(stage2.standards) {
            throw DossierInconsistency(
                one, two,
                "the reports cover different standards (\(titles(stage1.standards)) and \(titles(stage2.standards))); both stages audit the same standards"
            )
        }
        if stage2.auditDate < stage1.auditDate {
            throw DossierInconsistency(
                one, two,
                "stage 2 (\(stage2.asOf)) is dated before stage 1 (\(stage1.asOf)); give the stage 1 report of this certification"
            )
        }
        if let followUp, followUp.report.report.sha256 != stage2.sha256 {
            throw DossierInconsistency(
                followUp.path, two,
                "the follow-up answers another report (SHA-256 \(followUp.report.report.sha256.prefix(12))…, not \(stage2.sha256.prefix(12))…); run auditready followup on this stage 2 report"
            )
        }
    }

    private static func titles(_ standards: [Standard]) -> String {
        standards.sorted().map(\.title).joined(separator: ", ")
    }
}
