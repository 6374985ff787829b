/// An audit programme laid out for reading, in one language: the blocks Markdown and HTML both
/// render, so the two formats say the same thing.
public struct ProgrammeDocument: Sendable {
    /// One block of the document.
    public enum Block: Sendable, Equatable {
        case heading(String)
        case paragraph(String)
        case facts([(String, String)])
        case list([String])
        case table(header: [String], rows: [[String]])

        public static func == (lhs: Block, rhs: Block) -> Bool {
            switch (lhs, rhs) {
            case let (.heading(a), .heading(b)), let (.paragraph(a), .paragraph(b)): return a == b
            case let (.facts(a), .facts(b)): return a.map { [$0.0, $0.1] } == b.map { [$0.0, $0.1] }
            case let (.list(a), .list(b)): return a == b
            case let (.table(h1, r1), .table(h2, r2)): return h1 == h2 && r1 == r2
            default: return false
            }
        }
    }

    public var title: String
    public var blocks: [Block]

    /// The document of `programme` in `language`.
    public init(_ programme: AuditProgramme, language: Language) {
        let s = ProgrammeStrings(language)
        title = s.title
        var blocks: [Block] = [.paragraph(s.intro)]
        blocks.append(
            .facts([
                (s.certificationDecision, programme.certifiedOn.description),
                (s.certificateExpires, programme.expiresOn.description),
                (s.standards, programme.standards.map(\.title).joined(separator: ", ")),
                (s.personnel, "\(programme.personnel)"),
                (s.sites, "\(programme.sites)"),
                (
                    s.notApplicable,
                    programme.notApplicable.isEmpty ? s.none : programme.notApplicable.joined(separator: ", ")
                ),
                (s.ruleSet, String(programme.ruleSetFingerprint.prefix(12)))
            ]))

        blocks.append(.heading(s.schedule))
        let margin = programme.parameters.recertificationMarginMonths
        blocks.append(
            .table(
                header: [s.audit, s.when, s.earliest, s.latest, s.planned, s.auditorDays, s.sitesVisited, s.clauses],
                rows: programme.audits.map { audit in
                    [
                        s.kind(audit.kind), s.rule(audit.kind, margin: margin), audit.earliest?.description ?? "",
                        audit.latest?.description ?? "", audit.planned?.description ?? s.completedBeforeDecision,
                        audit.auditorDays.formatted(language), "\(audit.sitesToVisit)", "\(audit.clauses.count)"
                    ]
                }))

        blocks.append(.heading(s.auditTime))
        var time = [s.tableLine(personnel: programme.personnel, days: programme.tableTime, source: s.tableSource)]
        if programme.extrapolated { time.append(s.extrapolated()) }
        let parameters = programme.parameters
        if parameters.appliedAdjustment != 0 {
            time.append(
                s.adjustment(
                    requested: parameters.complexity, applied: parameters.appliedAdjustment,
                    initial: programme.initialTime))
        }
        if parameters.reductionCapped { time.append(s.capped(requested: parameters.complexity)) }
        time.append(s.split(stage1: parameters.stage1Share))
        if programme.sites > 1 { time.append(s.multiSite(sites: programme.sites)) }
        blocks.append(.list(time))

        blocks.append(.heading(s.everySurveillance))
        let topics = programme.audit(.surveillance1)?.topics ?? []
        blocks.append(
            .list(
                topics.map { topic in
                    let clauses = programme.applicable.filter { $0.topic == topic.id }.map(\.reference)
                    return topic.title(language) + s.colon
                        + (topic.clauses.isEmpty ? s.marksNote : clauses.joined(separator: ", "))
                }))

        blocks.append(.heading(s.coverage))
        blocks.append(.paragraph(s.coverageIntro(count: programme.applicable.count)))
        let kinds = programme.audits.map(\.kind)
        let topicTitles = Dictionary(uniqueKeysWithValues: SurveillanceTopic.all.map { ($0.id, $0.title(language)) })
        blocks.append(
            .table(
                header: [s.clause, s.clauseTitle, s.topic] + kinds.map(s.shortKind),
                rows: programme.applicable.map { clause in
                    [clause.reference, clause.title(language), clause.topic.flatMap { topicTitles[$0] } ?? ""]
                        + programme.audits.map { $0.clauses.contains(clause) ? s.covered : "" }
                }))
        self.blocks = blocks
    }
}
