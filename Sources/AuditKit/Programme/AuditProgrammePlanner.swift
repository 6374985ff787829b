import Foundation

/// Plans the audit programme of a certification cycle from a ``ProgrammeRequest`` and the clause
/// declarations of a rule set.
///
/// - Dates (ISO/IEC 17021-1 9.1.3, 9.6.2, 9.6.3): surveillance 1 no later than 12 months after the
///   decision; surveillance 2 no later than 24 months after it and in the next calendar year;
///   recertification complete `recertification_margin_months` before the certificate expires,
///   three years after the decision. Each window is `window_months` long and ends at the latest
///   date; the planned date is `lead_months` before the latest date.
/// - Audit time (IAF MD 5): ``AuditTimeTable`` gives stage 1 + stage 2; the `complexity`
///   adjustment applies (a reduction capped at 30 %); a surveillance takes a third of the initial
///   time, the recertification two thirds; each is rounded to the nearest half day.
/// - Sites (IAF MD 1:2018 6.1.3.3): besides the central function, the square root of the number of
///   other sites is visited at the initial audit, 0.6 times it at a surveillance and 0.8 times it
///   at recertification, each rounded up.
/// - Clauses: stage 1, stage 2 and recertification cover every applicable clause; each
///   surveillance covers the 17021-1 9.6.2.2 topics and half of the other clauses, so the two
///   surveillances together cover every applicable clause.
public enum AuditProgrammePlanner {
    /// The programme for `request`, with the clauses `rules` declares.
    ///
    /// - Throws: ``ProgrammeError`` when the request cannot be planned.
    public static func plan(_ request: ProgrammeRequest, rules: RuleSet) throws(ProgrammeError) -> AuditProgramme {
        guard request.personnel >= 1 else { throw .personnelNotPositive(request.personnel) }
        guard request.sites >= 1 else { throw .sitesNotPositive(request.sites) }
        let decision = request.certifiedOn
        if let stage2 = request.stage2End, stage2 > decision {
            throw .stagesAfterDecision(stage: "--stage2-end", date: stage2.description, decision: decision.description)
        }
        if let stage1 = request.stage1End, stage1 > decision {
            throw .stagesAfterDecision(stage: "--stage1-end", date: stage1.description, decision: decision.description)
        }
        if let stage1 = request.stage1End, let stage2 = request.stage2End, stage1 > stage2 {
            throw .stage1AfterStage2(stage1: stage1.description, stage2: stage2.description)
        }
        let standards = Standard.allCases.filter { request.standards.contains($0) }
        let applicable = try applicableClauses(rules: rules, standards: standards, notApplicable: request.notApplicable)
        guard !applicable.isEmpty else { throw .nothingApplicable }

        let parameters = request.parameters
        let table = AuditTimeTable.qms
        let tableTime = table.initialAuditTime(personnel: request.personnel)
        // The adjusted initial time, in hundredths of a half day: exact, rounded only at the end.
        let adjusted = tableTime.halfDays * (100 + parameters.appliedAdjustment)
        let initial = max(AuditorDays.rounding(halfDayNumerator: adjusted, denominator: 100), AuditorDays(halfDays: 2))
        let stage1 = max(
            AuditorDays.rounding(halfDayNumerator: adjusted * parameters.stage1Share, denominator: 100 * 100),
            AuditorDays(halfDays: 1))
        let stage2 = AuditorDays(halfDays: max(initial.halfDays - stage1.halfDays, 1))
        let surveillance = max(
            AuditorDays.rounding(halfDayNumerator: adjusted, denominator: 300), AuditorDays(halfDays: 1))
        let recertification = max(
            AuditorDays.rounding(halfDayNumerator: 2 * adjusted, denominator: 300),
            AuditorDays(halfDays: 1))

        let topics = SurveillanceTopic.all.filter { topic in
            topic.clauses.isEmpty || applicable.contains { topic.includes($0.standard, $0.clause) }
        }
        let focus = applicable.filter { $0.topic != nil }
        var firstHalf: [ProgrammeClause] = [], secondHalf: [ProgrammeClause] = []
        for standard in standards {
            let others = applicable.filter { $0.standard == standard && $0.topic == nil }
            let cut = (others.count + 1) / 2
            firstHalf += others.prefix(cut)
            secondHalf += others.dropFirst(cut)
        }

        let window = parameters.windowMonths, lead = parameters.leadMonths
        let expiry = decision.adding(months: 36)
        let s1Latest = decision.adding(months: 12)
        let s1 = (earliest: s1Latest.adding(months: -window), latest: s1Latest, planned: s1Latest.adding(months: -lead))
        let s2Latest = decision.adding(months: 24)
        let nextYear = CalendarDate(year: s1.planned.components.year + 1, month: 1, day: 1) ?? s2Latest
        let s2 = (
            earliest: max(s2Latest.adding(months: -window), nextYear), latest: s2Latest,
            planned: s2Latest.adding(months: -lead)
        )
        let rLatest = expiry.adding(months: -parameters.recertificationMarginMonths)
        let r = (earliest: rLatest.adding(months: -window), latest: rLatest, planned: rLatest.adding(months: -lead))

        let others = max(request.sites - 1, 0)
        func visited(_ hundredths: Int) -> Int {
            others == 0 ? 1 : 1 + sampleSize(sites: others, factorHundredths: hundredths)
        }
        let audits = [
            ProgrammedAudit(
                kind: .stage1, earliest: nil, latest: request.stage2End ?? decision, planned: request.stage1End,
                auditorDays: stage1, sitesToVisit: visited(100), clauses: applicable, topics: []),
            ProgrammedAudit(
                kind: .stage2, earliest: request.stage1End, latest: decision, planned: request.stage2End,
                auditorDays: stage2, sitesToVisit: visited(100), clauses: applicable, topics: []),
            ProgrammedAudit(
                kind: .surveillance1, earliest: s1.earliest, latest: s1.latest, planned: s1.planned,
                auditorDays: surveillance, sitesToVisit: visited(60), clauses: (focus + firstHalf).sorted(),
                topics: topics),
            ProgrammedAudit(
                kind: .surveillance2, earliest: s2.earliest, latest: s2.latest, planned: s2.planned,
                auditorDays: surveillance, sitesToVisit: visited(60), clauses: (focus + secondHalf).sorted(),
                topics: topics),
            ProgrammedAudit(
                kind: .recertification, earliest: r.earliest, latest: r.latest, planned: r.planned,
                auditorDays: recertification, sitesToVisit: visited(80), clauses: applicable, topics: [])
        ]
        return AuditProgramme(
            certifiedOn: decision, expiresOn: expiry, personnel: request.personnel, sites: request.sites,
            standards: standards, parameters: parameters, tableTime: tableTime, initialTime: initial,
            extrapolated: table.isBeyondTable(personnel: request.personnel), applicable: applicable,
            notApplicable: request.notApplicable, audits: audits, ruleSetFingerprint: rules.fingerprint)
    }

    /// The smallest whole number at least `factorHundredths / 100` times the square root of
    /// `sites` (IAF MD 1 sample sizes, rounded up), in exact integer arithmetic.
    public static func sampleSize(sites: Int, factorHundredths: Int) -> Int {
        // k ≥ f·√n  ⇔  (100·k)² ≥ f²·n
        var k = 0
        while 100 * 100 * k * k < factorHundredths * factorHundredths * sites { k += 1 }
        return min(max(k, 1), sites)
    }

    /// The leaf clauses `rules` declares for `standards` (a declared clause with no declared
    /// sub-clause), minus those within a clause declared not applicable, in clause order.
    static func applicableClauses(
        rules: RuleSet, standards: [Standard],
        notApplicable: [String]
    ) throws(ProgrammeError) -> [ProgrammeClause] {
        var declared: [ProgrammeClause] = []
        for declaration in rules.clauses
        where standards.contains(declaration.standard)
            && !declared.contains(where: { $0.standard == declaration.standard && $0.clause == declaration.clause })
        {
            let topic = SurveillanceTopic.all.first { $0.includes(declaration.standard, declaration.clause) }
            declared.append(
                ProgrammeClause(
                    standard: declaration.standard, clause: declaration.clause,
                    title: declaration.title, titleFr: declaration.translatedTitles[.fr],
                    topic: topic?.id))
        }
        let leaves = declared.filter { clause in
            !declared.contains {
                $0.standard == clause.standard && $0.clause != clause.clause
                    && ClauseNumber.isWithin($0.clause, clause.clause)
            }
        }
        var excluded: [(standard: Standard, clause: String)] = []
        for text in notApplicable {
            let (standard, clause) = parseClause(text)
            guard leaves.contains(where: { $0.standard == standard && ClauseNumber.isWithin($0.clause, clause) }) else {
                throw .unknownClause(text)
            }
            excluded.append((standard, clause))
        }
        return leaves.filter { leaf in
            !excluded.contains { $0.standard == leaf.standard && ClauseNumber.isWithin(leaf.clause, $0.clause) }
        }.sorted()
    }

    /// `8.3` (ISO 9001) or `iso10002:8.3`.
    static func parseClause(_ text: String) -> (Standard, String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let colon = trimmed.firstIndex(of: ":"), let standard = Standard(claim: String(trimmed[..<colon])) {
            return (standard, trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return (.iso9001, trimmed)
    }
}
