/// Works out the follow-up of a stage 2 report: matches each response to its finding, re-reads
/// the findings of the new export, and gives every open finding its ``FollowUpStatus``.
public enum FollowUpEvaluator {
    /// What one follow-up is given.
    public struct Input: Sendable {
        public var report: StageTwoReport
        public var reportPath: String
        public var reportSHA256: String
        public var responses: [CorrectiveActionResponse]
        public var responsesPath: String
        public var responsesSHA256: String
        /// The new export checked with the report's rules, stage, standards and parameters as of
        /// the follow-up date; nil when none was given.
        public var recheck: AuditReport?
        /// The follow-up date.
        public var asOf: CalendarDate
        /// The last day of stage 2; nil for the report's audit date.
        public var auditEnd: CalendarDate?
        public var language: Language

        /// Creates the input of a follow-up.
        public init(
            report: StageTwoReport, reportPath: String, reportSHA256: String = "",
            responses: [CorrectiveActionResponse], responsesPath: String, responsesSHA256: String = "",
            recheck: AuditReport? = nil, asOf: CalendarDate, auditEnd: CalendarDate? = nil, language: Language = .en
        ) {
            self.report = report
            self.reportPath = reportPath
            self.reportSHA256 = reportSHA256
            self.responses = responses
            self.responsesPath = responsesPath
            self.responsesSHA256 = responsesSHA256
            self.recheck = recheck
            self.asOf = asOf
            self.auditEnd = auditEnd
            self.language = language
        }
    }

    /// The follow-up of `input`.
    ///
    /// - Throws: ``FileFormatError`` at the response's line when a response names no open
    ///   finding of the report, names it ambiguously, or answers a finding already answered.
    public static func evaluate(_ input: Input) throws(FileFormatError) -> FollowUpReport {
        let strings = FollowUpStrings(language: input.language)
        let open = input.report.openFindings
        let answers = try ResponseMatcher.match(input.responses, to: input.report, path: input.responsesPath)
        let auditEnd = input.auditEnd ?? input.report.auditDate
        let deadline = auditEnd.adding(months: 6)
        let recheck = input.recheck.map(RecheckedFindings.init)
        var newStage2 = false
        var items: [FollowUpReport.Item] = []
        for (index, finding) in open.enumerated() {
            let response = answers[index]
            let stillFires = recheck.flatMap { $0.fires(finding) }
            let outcome = status(
                finding: finding, response: response, stillFires: stillFires,
                ruleNotRun: recheck != nil && stillFires == nil,
                asOf: input.asOf, deadline: deadline, auditEnd: auditEnd, strings: strings)
            newStage2 = newStage2 || outcome.sixMonthsPassed
            items.append(
                FollowUpReport.Item(
                    fingerprint: finding.fingerprint, rule: finding.rule, standard: finding.standard,
                    clause: finding.clause,
                    grade: finding.auditGrade, collection: finding.collection, record: finding.record,
                    finding: finding.message,
                    status: outcome.status, missing: response?.missingParts ?? [], stillFires: stillFires,
                    required: finding.auditGrade == .major || finding.auditGrade == .minor,
                    reason: outcome.reason, response: response))
        }
        var notes: [String] = []
        if input.recheck == nil { notes.append(strings.noNewExport) }
        if let recheck = input.recheck, recheck.rules.fingerprint != input.report.rules.fingerprint {
            notes.append(strings.ruleSetChanged(report: input.report.rules.fingerprint, now: recheck.rules.fingerprint))
        }
        var counts: [String: Int] = [:]
        for status in FollowUpStatus.allCases { counts[status.rawValue] = items.filter { $0.status == status }.count }
        let conclusion: FollowUpConclusion
        if newStage2 {
            conclusion = .newStage2Needed
        } else if items.allSatisfy({ $0.status.suffices(for: $0.grade) }) {
            conclusion = .allMajorsVerifiedMinorPlansAccepted
        } else {
            conclusion = .openItems
        }
        let report = input.report
        return FollowUpReport(
            tool: AuditReport.Tool(name: AuditKit.name, version: AuditKit.version), language: input.language,
            asOf: input.asOf.description, auditEnd: auditEnd.description, majorsVerifiedBy: deadline.description,
            report: FollowUpReport.Source(
                path: input.reportPath, sha256: input.reportSHA256, asOf: report.asOf,
                stage: report.stage, standards: report.standards, inputs: report.inputs,
                rules: report.rules, parameterOverrides: report.parameterOverrides ?? [:]),
            responses: FollowUpReport.ResponsesFile(path: input.responsesPath, sha256: input.responsesSHA256),
            newExport: input.recheck.map { recheck in
                FollowUpReport.NewExport(
                    checkedAsOf: recheck.asOf, inputs: recheck.inputs, rules: recheck.rules,
                    otherFindings: RecheckedFindings(recheck).unanswered(by: open))
            },
            items: items, counts: counts, waived: report.findings.count - open.count, notes: notes,
            conclusion: conclusion)
    }

    /// A status, why, and whether it is a major left unverified past the six months.
    private struct Outcome {
        var status: FollowUpStatus
        var reason: String
        var sixMonthsPassed = false
    }

    /// The status of one finding; the order of the tests is the order of precedence.
    private static func status(
        finding: Finding, response: CorrectiveActionResponse?, stillFires: Bool?, ruleNotRun: Bool,
        asOf: CalendarDate, deadline: CalendarDate, auditEnd: CalendarDate,
        strings: FollowUpStrings
    ) -> Outcome {
        let major = finding.auditGrade == .major
        let pastSixMonths = major && asOf > deadline
        let sixMonths = Outcome(
            status: .overdue, reason: strings.sixMonthsPassed(deadline: deadline, auditEnd: auditEnd),
            sixMonthsPassed: true)
        guard let response else {
            if pastSixMonths { return sixMonths }
            return Outcome(
                status: .noResponse, reason: major ? strings.noResponseMajor(deadline: deadline) : strings.noResponse)
        }
        let missing = response.missingParts
        if missing.isEmpty, let done = response.completedOn, stillFires == false {
            if major && done > deadline {
                return Outcome(
                    status: .overdue, reason: strings.completedTooLate(done, deadline: deadline), sixMonthsPassed: true)
            }
            return Outcome(status: .verified, reason: strings.verified(done, wholeExport: finding.record == nil))
        }
        if pastSixMonths { return sixMonths }
        if !missing.isEmpty {
            return Outcome(
                status: .responseIncomplete,
                reason: strings.incomplete(missing, hasCorrection: !missing.contains(.correction)))
        }
        if let done = response.completedOn {
            if stillFires == true {
                return Outcome(status: .notEffective, reason: strings.notEffective(done, record: finding.record))
            }
            return Outcome(
                status: .planAccepted,
                reason: ruleNotRun ? strings.ruleNotRun(done, rule: finding.rule) : strings.completedNotVerified(done))
        }
        if let due = response.dueOn, due < asOf {
            return Outcome(status: .overdue, reason: strings.pastDueDate(due, asOf: asOf))
        }
        var reason = major ? strings.planCompleteMajor(deadline: deadline) : strings.planAccepted
        if stillFires == false { reason += " " + strings.goneButNotDeclared }
        return Outcome(status: .planAccepted, reason: reason)
    }
}
