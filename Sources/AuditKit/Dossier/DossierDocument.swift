extension CertificationDossier {
    /// The dossier laid out as a ``ReportDocument``, so the Markdown, HTML and DOCX writers of
    /// the reports render it. Every text is plain: the renderers escape it.
    public var document: ReportDocument {
        let s = strings
        typealias Block = ReportDocument.Block
        var blocks: [Block] = []

        var facts: [(String, String)] = [(s.organisation, organisation?.name ?? s.notStated)]
        if let id = organisation?.id { facts.append((s.organisationId, id)) }
        if let scope = organisation?.scope { facts.append((s.scope, scope)) }
        if let sites = organisation?.sites { facts.append((s.sites, sites.joined(separator: ", "))) }
        facts.append((s.standards, standards.map(\.title).joined(separator: ", ")))
        facts.append((s.stage1, stage1.asOf))
        facts.append((s.stage2, stage2.asOf))
        facts.append((s.followUp, followUp?.asOf ?? s.noFollowUp))
        if let majorsVerifiedBy { facts.append((s.majorsVerifiedBy, majorsVerifiedBy)) }
        facts.append((s.tool, "\(tool.name) \(tool.version)"))
        blocks.append(.facts(facts))

        blocks.append(.heading(level: 2, text: s.recommendationHeading, anchor: "recommendation"))
        let tone: ReportDocument.Tone
        switch recommendation.outcome {
        case .grant: tone = .good
        case .grantOncePlansAccepted: tone = .warning
        case .notUntilMajorsVerified, .newStage2Needed: tone = .bad
        }
        blocks.append(.verdict(s.outcome(recommendation.outcome), tone))
        blocks += recommendation.reasons.map { Block.paragraph($0.text) }
        if let followUp { blocks.append(.paragraph(s.conclusion(followUp.conclusion))) }

        blocks.append(.heading(level: 2, text: s.notApplicable, anchor: "not-applicable"))
        if notApplicable.isEmpty {
            blocks.append(.paragraph(s.noneDeclared))
        } else {
            blocks.append(
                .table(
                    header: [s.clause, s.justification, s.accepted],
                    rows: notApplicable.map { [$0.clause, $0.justification ?? "", $0.accepted ? s.yes : s.no] },
                    tones: notApplicable.map { $0.accepted ? nil : .bad }))
        }

        blocks.append(.heading(level: 2, text: s.areasOfConcern, anchor: "concerns"))
        if areasOfConcern.isEmpty {
            blocks.append(.paragraph(s.noConcern))
        } else {
            blocks.append(
                .table(
                    header: [s.clause, s.rule, s.record, s.finding, s.stage1Grade, s.resolution],
                    rows: areasOfConcern.map { concern in
                        [
                            "\(concern.standard.title) \(concern.clause)", concern.rule,
                            concern.record ?? s.wholeExport,
                            concern.message, s.grade(concern.stage1Grade), s.resolution(concern)
                        ]
                    },
                    tones: areasOfConcern.map {
                        $0.resolution == .resolved ? .good : ReportDocument.tone($0.stage2Grade ?? .minor)
                    }))
        }

        blocks.append(.heading(level: 2, text: s.nonconformities, anchor: "nonconformities"))
        if nonconformities.isEmpty { blocks.append(.paragraph(s.noNonconformities)) }
        for (number, item) in nonconformities.enumerated() {
            var lines: [(String, String)] = [(s.grade, s.grade(item.grade)), (s.finding, item.message)]
            if let status = item.status { lines.append((s.status, s.status(status))) }
            if let reason = item.statusReason { lines.append((s.why, reason)) }
            if let response = item.response {
                let parts: [(String, String?)] = [
                    (s.correction, response.correction), (s.rootCause, response.rootCause),
                    (s.correctiveAction, response.correctiveAction), (s.owner, response.owner),
                    (s.dueOn, response.dueOn?.description), (s.completedOn, response.completedOn?.description),
                    (s.evidence, response.evidence.isEmpty ? nil : response.evidence.joined(separator: "; "))
                ]
                lines += parts.compactMap { label, value in value.map { (label, $0) } }
            }
            blocks.append(.statement(title: "\(number + 1). \(s.name(item))", grade: item.grade, lines: lines))
        }
        blocks.append(.paragraph(s.others(observations: otherFindings, waived: waived)))

        blocks.append(.heading(level: 2, text: s.notAssessed, anchor: "not-assessed"))
        if notAssessed.isEmpty {
            blocks.append(.paragraph(s.allAssessed))
        } else {
            blocks.append(.paragraph(s.notAssessedIntro))
            blocks.append(.paragraph(notAssessed.joined(separator: ", ")))
        }

        blocks.append(.heading(level: 2, text: s.evidenceHeading, anchor: "evidence"))
        var rows: [[String]] = []
        for (label, audit) in [(s.stage1, stage1), (s.stage2, stage2)] {
            rows.append([label + " (\(s.report))", audit.path, audit.asOf, "", audit.sha256])
            rows += audit.inputs.map { [label + " (\(s.export))", $0.path, audit.asOf, String($0.records), $0.sha256] }
            rows.append([
                label + " (\(s.ruleSet.lowercased()))", "", audit.asOf, String(audit.rules.evaluated),
                audit.rules.fingerprint
            ])
        }
        if let followUp {
            rows.append([s.followUp, followUp.path, followUp.asOf, "", followUp.sha256])
            rows.append([s.responses, followUp.responses.path, followUp.asOf, "", followUp.responses.sha256])
            if let newExport = followUp.newExport {
                rows += newExport.inputs.map {
                    [s.newExport, $0.path, newExport.checkedAsOf, String($0.records), $0.sha256]
                }
                rows.append([
                    s.newExport + " (\(s.ruleSet.lowercased()))", "", newExport.checkedAsOf,
                    String(newExport.rules.evaluated),
                    newExport.rules.fingerprint
                ])
            }
        }
        blocks.append(
            .table(header: [s.document, s.file, s.date, s.records, "SHA-256"], rows: rows, tones: rows.map { _ in nil })
        )

        let heading = organisation?.name.map { "\(s.title)\(s.colon)\($0)" } ?? s.title
        return ReportDocument(title: heading, language: language, blocks: blocks)
    }
}
