import Foundation

/// The report for a terminal or a log: a header with the evidence, a summary table, the stage's
/// conclusions (readiness for stage 2, or the recommendation and corrective action plan), the
/// findings grouped by grade, and the quality management principles.
public struct TextReportRenderer: ReportRenderer {
    public static let identifier = "text"
    public static let fileExtension = "txt"

    /// Whether to colour grades and verdicts with ANSI escapes (the caller decides: only on a TTY).
    public var colour: Bool

    /// Creates a renderer; `colour` adds ANSI colours.
    public init(colour: Bool = false) {
        self.colour = colour
    }

    public func render(_ report: AuditReport) -> String {
        let s = report.strings
        var lines: [String] = []
        lines.append(
            "auditready \(report.tool.version): \(s.stage(report.stage).lowercasedFirst) \(s.asOf) \(report.asOf)")
        lines.append("\(s.standards)\(s.colon)" + report.standards.map(\.title).joined(separator: ", "))
        for input in report.inputs {
            lines.append(
                "\(s.records)\(s.colon)\(Self.singleLine(input.path)) (\(input.format.label), \(input.records) \(s.recordsUnit), SHA-256 \(input.sha256))"
            )
        }
        lines.append(
            "\(s.rules)\(s.colon)\(report.rules.evaluated) \(s.rulesEvaluated) (\(s.ruleSet.lowercased()) \(report.rules.fingerprint))"
        )
        if let generatedAt = report.generatedAt { lines.append("\(s.generatedAt)\(s.colon)\(generatedAt)") }
        for declaration in report.notApplicable {
            let verdict = declaration.accepted ? s.accepted : s.notAccepted
            let why = declaration.justification.map { ": " + Self.singleLine($0) } ?? ""
            lines.append(
                "\(s.notApplicableDeclared)\(s.colon)\(Self.singleLine(declaration.clause)) (\(verdict))\(why)")
        }
        lines.append("")
        lines.append(paint(s.summary, .bold))
        var rows: [[String]] = [
            report.stage == .initial ? [s.stage2Grade, s.gradePlural(.concern)] : [s.grade, s.findings]
        ]
        for grade in Grade.auditGrades { rows.append([s.gradePlural(grade), String(report.summary[grade])]) }
        rows.append([s.total, String(report.summary.total)])
        lines += Self.table(rows).map { "  " + $0 }
        lines.append("")
        lines.append(
            paint(s.readiness, .bold) + s.colon + (report.readiness.overallPercent.map { s.percent($0) } ?? "-"))
        var sectionRows: [[String]] = [[s.section, s.statuses(.conforming), s.statuses(.gap), "%"]]
        for section in report.readiness.sections {
            sectionRows.append([
                "\(section.standard.title) \(section.section)", String(section.conforming),
                String(section.gaps), section.percent.map { s.percent($0) } ?? "-"
            ])
        }
        lines += Self.table(sectionRows).map { "  " + $0 }
        lines.append("")
        if let verdict = report.readiness.stage2 {
            lines.append(
                paint(s.stage2Readiness, .bold) + s.colon
                    + paint(s.verdict(verdict), Self.style(ReportDocument.tone(verdict))))
            if let blocking = report.readiness.blocking, !blocking.isEmpty {
                lines.append("  \(s.blockingRules)\(s.colon)" + blocking.joined(separator: ", "))
            }
            lines.append("")
        }
        if let recommendation = report.recommendation {
            lines.append(
                paint(s.recommendationHeading, .bold) + s.colon
                    + paint(
                        s.recommendation(recommendation, at: report.stage),
                        Self.style(ReportDocument.tone(recommendation))))
            lines += report.recommendationBasisSentences.map { "  " + $0 }
            lines.append("")
        }
        if let previous = report.previous {
            lines.append(paint(s.previousAuditHeading, .bold))
            lines.append("  " + s.previousAuditIntro(previous))
            lines += Self.table([previous.header(s)] + previous.rows(s).map { $0.map(Self.singleLine) }).map {
                "  " + $0
            }
            lines.append("")
        }
        if report.findings.isEmpty {
            lines.append(s.noFindings)
            lines.append("")
        }
        let statements = report.statements
        if report.stage == .initial, !statements.isEmpty {
            lines.append(paint("\(s.areasOfConcern) (\(statements.count))", .bold))
        }
        for grade in Grade.auditGrades {
            let graded = statements.filter { $0.finding.auditGrade == grade }
            guard !graded.isEmpty else { continue }
            let heading =
                report.stage == .initial ? "\(s.stage2Grade)\(s.colon)\(s.grade(grade))" : s.gradePlural(grade)
            lines.append(paint("\(heading) (\(graded.count))", Self.style(grade)))
            for statement in graded {
                let finding = statement.finding
                lines.append("  \(finding.standard.title) \(finding.clause)  [\(finding.rule)]")
                lines.append("    \(Self.singleLine(finding.message))")
                if let place = report.placeOf(finding) { lines.append("    (\(Self.singleLine(place)))") }
                if let waiver = finding.waiver {
                    lines.append("    " + Self.singleLine(report.language.waiverNote(waiver)))
                }
                if !finding.evidence.isEmpty {
                    lines.append("    \(report.language.systemicEvidence)\(String(s.colon.dropLast()))")
                    for item in finding.evidence {
                        let place = report.placeOf(item).map { " (\($0))" } ?? ""
                        lines.append("    - " + Self.singleLine(item.message + place))
                    }
                }
                if report.stage == .initial, let guidance = statement.guidance {
                    lines.append("    \(s.whatToFix)\(s.colon)\(Self.singleLine(guidance))")
                }
            }
            lines.append("")
        }
        lines += exportQuality(ReportDocument.exportQuality(report))
        if let plan = report.correctiveActionPlan, !plan.isEmpty {
            lines.append(
                paint(s.correctiveActionPlan, .bold)
                    + " (\(s.correction), \(s.rootCause.lowercased()), \(s.action.lowercased()), \(s.owner.lowercased())\(s.colon)\(s.toComplete))"
            )
            var planRows: [[String]] = [[s.dueDate, s.grade, s.clause, s.rules, s.record]]
            for action in plan {
                planRows.append([
                    action.dueOn ?? "-", s.grade(action.grade), "\(action.standard.rawValue) \(action.clause)",
                    action.rule, action.record.map { Self.singleLine($0) } ?? "-"
                ])
            }
            lines += Self.table(planRows).map { "  " + $0 }
            lines.append("")
        }
        lines.append(paint(s.principlesHeading, .bold))
        var principleRows: [[String]] = [[s.principle, s.standing, s.statuses(.conforming), s.statuses(.gap)]]
        for standing in report.principles {
            principleRows.append([
                s.principle(standing.principle), s.level(standing.level),
                String(standing.conforming), String(standing.gaps)
            ])
        }
        lines += Self.table(principleRows).map { "  " + $0 }
        lines.append("")
        let summary = report.summary
        lines.append(
            "\(s.summary)\(s.colon)"
                + (report.stage == .initial
                    ? "\(s.counted(summary.concern ?? 0, s.grade(.concern), s.gradePlural(.concern).lowercased())) — \(s.stage2Grade.lowercasedFirst)\(s.colon)"
                    : "")
                + Grade.auditGrades.map {
                    s.counted(summary[$0], s.grade($0), s.gradePlural($0).lowercased())
                }.joined(separator: ", ")
                + (summary.waived > 0
                    ? " (+\(summary.waived) \(report.language == .fr ? "sous dérogation" : "waived"))" : ""))
        let counts = [AuditReport.ClauseStatus.conforming, .gap, .notApplicable, .notAssessed].map { status in
            "\(s.status(status)): \(report.clauses.filter { $0.status == status }.count)"
        }
        lines.append("\(s.clauses)\(s.colon)" + counts.joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }

    /// ANSI styles used when colour is on.
    enum Style: String {
        case bold = "1", red = "31", yellow = "33", cyan = "36", blue = "34", green = "32"
    }

    /// The colour of a grade: its tone's, cyan and blue for the grades that carry no tone.
    static func style(_ grade: Grade) -> Style {
        ReportDocument.tone(grade).map(style) ?? (grade == .observation ? .cyan : .blue)
    }

    /// The colour of a tone.
    static func style(_ tone: ReportDocument.Tone) -> Style {
        switch tone {
        case .good: return .green
        case .warning: return .yellow
        case .bad: return .red
        }
    }

    /// The export quality blocks of ``ReportDocument`` as lines: the heading in bold, each
    /// paragraph indented, each note as a list item with its place; then an empty line.
    func exportQuality(_ blocks: [ReportDocument.Block]) -> [String] {
        guard !blocks.isEmpty else { return [] }
        var lines: [String] = []
        for block in blocks {
            switch block {
            case .heading(_, let text, _): lines.append(paint(text, .bold))
            case .paragraph(let text): lines.append("  " + text)
            case .table(_, let rows, _):
                for row in rows {
                    let place = row[1].isEmpty ? "" : " (\(Self.singleLine(row[1])))"
                    lines.append("  - " + Self.singleLine(row[2]) + place)
                }
            default: continue
            }
        }
        return lines + [""]
    }

    func paint(_ text: String, _ style: Style) -> String {
        colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// Left-aligned columns separated by two spaces; the last column is not padded.
    static func table(_ rows: [[String]]) -> [String] {
        guard let columns = rows.first?.count else { return [] }
        let widths = (0..<columns).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == columns - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }
    }

    /// Record text on one line: control characters (newlines, escapes) become spaces.
    static func singleLine(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
    }
}

extension ReportStrings {
    /// A clause status as a column heading.
    func statuses(_ status: AuditReport.ClauseStatus) -> String { self.status(status).capitalizedFirst }
}

extension String {
    /// The string with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
