/// Builds the corrective action plan of a certification audit: one line per nonconformity, due a
/// number of days after the audit date that depends on the grade.
public enum CorrectiveActionPlan {
    /// Days after the audit date by which the response to a finding of this grade is due: majors
    /// need correction and corrective action implemented quickly (30 days), minors an accepted
    /// plan (90 days); observations and opportunities need no response (nil).
    public static func dueDays(for grade: Grade) -> Int? {
        switch grade {
        case .major: return 30
        case .minor: return 90
        case .observation, .opportunity, .concern: return nil
        }
    }

    /// One line per major and minor finding, in the findings' order.
    public static func build(findings: [Finding], auditDate: CalendarDate) -> [CorrectiveAction] {
        // One due date per grade, written once rather than once per finding.
        var dueOn: [Grade: String] = [:]
        for grade in Grade.allCases {
            dueOn[grade] = dueDays(for: grade).map { auditDate.dateOnly.adding(days: $0).description }
        }
        // Sized first: grown by appending, the plan kept room for as many lines again.
        var plan: [CorrectiveAction] = []
        plan.reserveCapacity(findings.count(where: { dueOn[$0.grade] != nil }))
        for finding in findings {
            guard let due = dueOn[finding.grade] else { continue }
            // The line shares the finding's text: the message is written when the plan is.
            plan.append(
                CorrectiveAction(
                    rule: finding.rule, standard: finding.standard, clause: finding.clause,
                    grade: finding.grade, record: finding.record, text: finding.text, dueOn: due))
        }
        return plan
    }
}
