import Foundation

/// The report laid out as a sequence of blocks (headings, tables, statements, bars), in the
/// report's language, so that the Markdown and HTML renderers share one structure and only format
/// it. Every text here is plain text: the renderers escape it for their format.
public struct ReportDocument: Sendable, Equatable {
    /// How a verdict should stand out.
    public enum Tone: String, Sendable {
        case good, warning, bad
    }

    /// One bar of a chart: a label, a value from 0 to 100, and what it means.
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var percent: Int?
        public var detail: String
    }

    /// A block of the document.
    public enum Block: Sendable, Equatable {
        /// A heading, level 1 to 3; `anchor` names it for links.
        case heading(level: Int, text: String, anchor: String)
        case paragraph(String)
        /// A conclusion that must stand out.
        case verdict(String, Tone)
        /// Label–value pairs.
        case facts([(String, String)])
        /// A table; `tones` may colour each row.
        case table(header: [String], rows: [[String]], tones: [Tone?])
        /// A chart of bars (readiness, share within target).
        case bars(title: String, bars: [Bar])
        /// A finding: a title, its grade, and labelled lines.
        case statement(title: String, grade: Grade, lines: [(String, String)])

        public static func == (lhs: Block, rhs: Block) -> Bool { String(describing: lhs) == String(describing: rhs) }
    }

    public var title: String
    public var language: Language
    public var blocks: [Block]

    /// A document made of `blocks` (the certification dossier lays itself out this way).
    public init(title: String, language: Language, blocks: [Block]) {
        self.title = title
        self.language = language
        self.blocks = blocks
    }

    /// Lays out `report`.
    public init(_ report: AuditReport) {
        let s = report.strings
        title = "\(s.reportTitle)\(s.colon)\(s.stage(report.stage))"
        language = report.language
        var blocks: [Block] = []
        var facts: [(String, String)] = [
            (s.auditDate, report.asOf),
            (s.standards, report.standards.map(\.title).joined(separator: ", ")),
            (s.tool, "\(report.tool.name) \(report.tool.version)")
        ]
        if let generatedAt = report.generatedAt { facts.append((s.generatedAt, generatedAt)) }
        blocks.append(.facts(facts))

        blocks.append(.heading(level: 2, text: s.summary, anchor: "summary"))
        if report.stage == .initial {
            // Stage 1 grades nothing: the areas of concern, by the grade each would carry at stage 2.
            blocks.append(
                .table(
                    header: [s.stage2Grade, s.gradePlural(.concern)],
                    rows: Grade.auditGrades.map { [s.gradePlural($0), String(report.summary[$0])] }
                        + [[s.total, String(report.summary.total)]],
                    tones: Grade.auditGrades.map { report.summary[$0] > 0 ? Self.tone($0) : nil } + [nil]))
        } else {
            blocks.append(
                .table(
                    header: [s.grade, s.findings],
                    rows: Grade.auditGrades.map { [s.gradePlural($0), String(report.summary[$0])] }
                        + [[s.total, String(report.summary.total)]],
                    tones: Grade.auditGrades.map { report.summary[$0] > 0 ? Self.tone($0) : nil } + [nil]))
        }
        if let verdict = report.readiness.stage2 {
            blocks.append(.heading(level: 2, text: s.stage2Readiness, anchor: "stage2"))
            blocks.append(
                .verdict(s.verdict(verdict), Self.tone(verdict)))
            if let blocking = report.readiness.blocking, !blocking.isEmpty {
                blocks.append(.paragraph("\(s.blockingRules)\(s.colon)" + blocking.joined(separator: ", ")))
            }
        }
        if let recommendation = report.recommendation {
            blocks.append(.heading(level: 2, text: s.recommendationHeading, anchor: "recommendation"))
            blocks.append(
                .verdict(s.recommendation(recommendation, at: report.stage), Self.tone(recommendation)))
            blocks += report.recommendationBasisSentences.map(Block.paragraph)
        }
        if let previous = report.previous { blocks += previous.blocks(s) }

        blocks.append(.heading(level: 2, text: s.readiness, anchor: "readiness"))
        blocks.append(
            .paragraph(
                "\(s.overallReadiness)\(s.colon)" + (report.readiness.overallPercent.map { s.percent($0) } ?? "-")))
        blocks.append(
            .bars(
                title: s.readiness,
                bars: report.readiness.sections.map { section in
                    Bar(
                        label: "\(section.standard.title) \(section.section)", percent: section.percent,
                        detail: s.clauseCounts(
                            noGap: section.conforming, gaps: section.gaps, notAssessed: section.notAssessed))
                }))

        let statements = report.statements
        if report.stage == .initial {
            blocks.append(.heading(level: 2, text: s.areasOfConcern, anchor: "findings"))
        } else {
            blocks.append(.heading(level: 2, text: s.auditStatements, anchor: "findings"))
        }
        if statements.isEmpty { blocks.append(.paragraph(s.noFindings)) }
        for (number, statement) in statements.enumerated() {
            let finding = statement.finding
            let heading = "\(number + 1). \(finding.standard.title) \(finding.clause) · \(finding.rule)"
            var lines: [(String, String)]
            if let stage2Grade = finding.stage2Grade {
                lines = [(s.stage2Grade, s.grade(stage2Grade))]
            } else {
                lines = [(s.grade, s.grade(finding.grade))]
            }
            lines.append((s.requirement, statement.requirement))
            lines.append((s.objectiveEvidence, statement.evidence))
            lines.append((s.whyNotMet, statement.nonconformity))
            if !finding.evidence.isEmpty {
                lines.append(
                    (
                        report.language.systemicEvidence,
                        finding.evidence.map { ($0.record ?? "-") + ": " + $0.message }.joined(separator: " · ")
                    ))
            }
            if let guidance = statement.guidance { lines.append((s.whatToFix, guidance)) }
            blocks.append(.statement(title: heading, grade: finding.auditGrade, lines: lines))
        }

        blocks += Self.exportQuality(report)

        if let plan = report.correctiveActionPlan {
            blocks.append(.heading(level: 2, text: s.correctiveActionPlan, anchor: "plan"))
            blocks.append(
                .paragraph(
                    "\(s.correction), \(s.rootCause.lowercased()), \(s.action.lowercased()), \(s.owner.lowercased())\(s.colon)\(s.toComplete)."
                ))
            blocks.append(
                .table(
                    header: [s.finding, s.correction, s.rootCause, s.action, s.owner, s.dueDate],
                    rows: plan.map { action in
                        [
                            "\(action.rule) (\(s.grade(action.grade)))"
                                + (action.record.map { ", \(s.record.lowercased()) \($0)" } ?? "")
                                + ": " + action.finding,
                            action.correction, action.rootCause, action.action, action.owner, action.dueOn ?? "-"
                        ]
                    }, tones: plan.map { Self.tone($0.grade) }))
        }

        blocks.append(.heading(level: 2, text: s.clauseMatrix, anchor: "clauses"))
        blocks.append(
            .table(
                header: [s.clause, s.title, s.status, s.rules, "\(s.verifyOnSite) / \(s.justification)"],
                rows: report.clauses.map { clause in
                    [
                        "\(clause.standard.title) \(clause.clause)", clause.title, s.status(clause.status),
                        clause.rules.joined(separator: ", "),
                        clause.status == .notApplicable ? (clause.justification ?? "") : (clause.verifyOnSite ?? "")
                    ]
                }, tones: report.clauses.map { Self.tone($0.status) }))

        if let indicators = report.complaintIndicators {
            blocks.append(.heading(level: 2, text: s.complaintIndicators, anchor: "complaints"))
            blocks.append(.bars(title: s.complaints, bars: Self.monthBars(indicators)))
            let timings = [(s.timeToAcknowledge, indicators.acknowledgement), (s.timeToClose, indicators.resolution)]
            blocks.append(
                .table(
                    header: ["", s.target, s.measured, s.withinTarget, s.medianDays, s.longestDays, s.pending],
                    rows: timings.map { name, timing in
                        [
                            name, timing.targetDays.map { "\($0) \(s.days)" } ?? s.noTarget, String(timing.measured),
                            timing.percentWithinTarget.map { "\(s.percent($0)) (\(timing.withinTarget ?? 0))" } ?? "-",
                            timing.medianDays.map { "\($0) \(s.days)" } ?? "-",
                            timing.maxDays.map { "\($0) \(s.days)" } ?? "-", String(timing.pending)
                        ]
                    }, tones: [nil, nil]))
            blocks.append(
                .bars(
                    title: s.withinTarget,
                    bars: timings.map { name, timing in
                        Bar(
                            label: name, percent: timing.percentWithinTarget,
                            detail: timing.targetDays.map { "\(s.target)\(s.colon)\($0) \(s.days)" } ?? s.noTarget)
                    }))
        }

        blocks.append(.heading(level: 2, text: s.principlesHeading, anchor: "principles"))
        blocks.append(
            .table(
                header: [s.principle, s.standing, s.statuses(.conforming), s.statuses(.gap), s.clauses],
                rows: report.principles.map { standing in
                    [
                        s.principle(standing.principle), s.level(standing.level), String(standing.conforming),
                        String(standing.gaps),
                        standing.clauses.joined(separator: ", ")
                            + (standing.principle.includesISO10002 ? ", ISO 10002" : "")
                    ]
                }, tones: report.principles.map { Self.tone($0.level) }))

        blocks.append(.heading(level: 2, text: s.evidenceIntegrity, anchor: "evidence"))
        blocks.append(
            .table(
                header: [s.file, "Format", s.records, "SHA-256"],
                rows: report.inputs.map { [$0.path, $0.format.label, String($0.records), $0.sha256] },
                tones: report.inputs.map { _ in nil }))
        blocks.append(
            .facts([
                (s.ruleSet, report.rules.fingerprint),
                (s.rules, "\(report.rules.evaluated) \(s.rulesEvaluated)"),
                (s.tool, "\(report.tool.name) \(report.tool.version)"), (s.auditDate, report.asOf)
            ]))
        if !report.notApplicable.isEmpty {
            blocks.append(
                .table(
                    header: [s.notApplicableDeclared, s.justification, s.status],
                    rows: report.notApplicable.map {
                        [$0.clause, $0.justification ?? "", $0.accepted ? s.accepted : s.notAccepted]
                    }, tones: report.notApplicable.map { $0.accepted ? nil : .bad }))
        }
        self.blocks = blocks
    }

    static func monthBars(_ indicators: ComplaintIndicators) -> [Bar] {
        let peak = indicators.byMonth.map(\.count).max() ?? 0
        return indicators.byMonth.map { month in
            Bar(label: month.month, percent: peak == 0 ? 0 : month.count * 100 / peak, detail: String(month.count))
        }
    }

    /// The defects of the export file and what it does not hold: a heading, then a paragraph
    /// and a table of notes, a paragraph naming the collections and one naming the fields;
    /// nothing when there is none of these.
    static func exportQuality(_ report: AuditReport) -> [Block] {
        let s = report.strings
        guard
            !report.exportNotes.isEmpty || !(report.notExported ?? []).isEmpty
                || !(report.fieldsNotExported ?? []).isEmpty
        else { return [] }
        var blocks: [Block] = [.heading(level: 2, text: s.exportQuality, anchor: "export")]
        if !report.exportNotes.isEmpty {
            blocks.append(.paragraph(s.exportQualityIntro))
            blocks.append(
                .table(
                    header: [s.record, s.location, s.message],
                    rows: report.exportNotes.map { note in
                        [
                            [note.collection, note.record].compactMap { $0 }.joined(separator: " "),
                            note.location.described(in: s.language) ?? "",
                            note.message
                        ]
                    }, tones: report.exportNotes.map { _ in nil }))
        }
        if let notExported = report.notExported, !notExported.isEmpty {
            blocks.append(.paragraph("\(s.notExported)\(s.colon)" + notExported.joined(separator: ", ") + "."))
        }
        if let fields = report.fieldsNotExported, !fields.isEmpty {
            blocks.append(.paragraph("\(s.fieldsNotExported)\(s.colon)" + fields.joined(separator: ", ") + "."))
        }
        return blocks
    }

    /// How the verdict on readiness for stage 2 stands out.
    static func tone(_ verdict: Readiness.Verdict) -> Tone {
        verdict == .notReady ? .bad : (verdict == .ready ? .good : .warning)
    }

    /// How the recommendation to the certification committee stands out.
    static func tone(_ recommendation: Recommendation) -> Tone {
        recommendation == .notRecommended ? .bad : (recommendation == .recommend ? .good : .warning)
    }

    static func tone(_ grade: Grade) -> Tone? {
        switch grade {
        case .major: return .bad
        case .minor, .concern: return .warning
        case .observation, .opportunity: return nil
        }
    }

    static func tone(_ status: AuditReport.ClauseStatus) -> Tone? {
        switch status {
        case .conforming: return .good
        case .gap: return .bad
        case .notApplicable, .notAssessed: return nil
        }
    }

    static func tone(_ level: PrincipleStanding.Level) -> Tone? {
        switch level {
        case .established: return .good
        case .partial: return .warning
        case .weak: return .bad
        case .notAssessed: return nil
        }
    }
}
