import Foundation
@testable import AuditKit

/// Small hand-made reports for renderer tests: nothing volatile, so output is compared byte for byte.
enum ReportFixtures {
    static let auditDate = CalendarDate(year: 2026, month: 11, day: 15)!

    static let findings: [Finding] = [
        Finding(
            rule: "Q44-internal-audit-done", standard: .iso9001, clause: "9.2.1", grade: .major, record: nil,
            message: "No internal audit was carried out in the 12 months before 2026-11-15.",
            location: .init(file: nil, line: nil)),
        Finding(
            rule: "Q46-auditor-independence", standard: .iso9001, clause: "9.2.2", grade: .minor,
            collection: "internal_audits", record: "IA-2026-01",
            message: "Audit IA-2026-01 was carried out by Jean Martin, who owns one of the audited processes.",
            location: .init(file: "records.xml", line: 120)),
        Finding(
            rule: "K07-acknowledgement-on-time", standard: .iso10002, clause: "7.4", grade: .observation,
            collection: "complaints", record: "CMP-0107",
            message:
                "Complaint CMP-0107 received on 2026-03-02 was acknowledged on 2026-03-09, 7 days later; your target is 2 days.",
            location: .init(file: "records.xml", line: 310))
    ]

    static let clauses: [AuditReport.ClauseResult] = [
        .init(
            standard: .iso9001, clause: "4.1", title: "Internal and external issues", status: .conforming,
            verifyOnSite: "Ask top management which issues shape the business.", rules: ["Q01-context"]),
        .init(
            standard: .iso9001, clause: "8.3", title: "Design and development", status: .notApplicable,
            justification: "The company machines parts to customer drawings and designs nothing."),
        .init(
            standard: .iso9001, clause: "9.2.1", title: "Internal audits at planned intervals", status: .gap,
            rules: ["Q44-internal-audit-done"]),
        .init(
            standard: .iso9001, clause: "9.2.2", title: "Audit programme and auditor objectivity", status: .gap,
            rules: ["Q46-auditor-independence"]),
        .init(
            standard: .iso9001, clause: "9.3.1", title: "Management review", status: .conforming,
            rules: ["Q50-management-review-held"]),
        .init(
            standard: .iso10002, clause: "7.4", title: "Acknowledgement of complaints", status: .gap,
            rules: ["K07-acknowledgement-on-time"])
    ]

    static let ruleResults: [RuleResult] = [
        .init(
            id: "Q01-context", title: "Context issues are recorded", standard: .iso9001, clause: "4.1", grade: .minor,
            guidance: nil, findings: 0),
        .init(
            id: "Q44-internal-audit-done", title: "At least one internal audit was carried out in the last year",
            standard: .iso9001, clause: "9.2.1", grade: .major,
            guidance: "Plan and carry out an audit of every process.", findings: 1),
        .init(
            id: "Q46-auditor-independence", title: "Internal auditors do not audit their own processes",
            standard: .iso9001, clause: "9.2.2", grade: .minor, guidance: "Choose auditors from another department.",
            findings: 1),
        .init(
            id: "Q50-management-review-held", title: "A management review was held in the last year",
            standard: .iso9001, clause: "9.3.1", grade: .major, guidance: nil, findings: 0),
        .init(
            id: "K07-acknowledgement-on-time", title: "Each complaint is acknowledged within the target time",
            standard: .iso10002, clause: "7.4", grade: .observation, guidance: "Acknowledge every complaint at once.",
            findings: 1)
    ]

    static let indicators = ComplaintIndicators(
        total: 3, byMonth: [.init(month: "2026-02", count: 1), .init(month: "2026-03", count: 2)],
        acknowledgement: .init(days: [1, 2, 7], pending: 0, targetDays: 2),
        resolution: .init(days: [12, 40], pending: 1, targetDays: 30))

    /// The hand-made report, for one stage and language.
    static func report(stage: Stage = .certification, language: Language = .en) -> AuditReport {
        AuditReport(
            tool: .init(name: "auditready", version: "0.1.0"), asOf: auditDate, stage: stage, language: language,
            standards: [.iso9001, .iso10002],
            inputs: [
                InputFile(
                    path: "records.xml", format: .xml,
                    sha256: "3f2a9c0d1e4b5a6978877665544332211000ffeeddccbbaa9988776655443322", records: 42)
            ],
            rules: .init(fingerprint: "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", evaluated: 5),
            notApplicable: [
                NotApplicableDeclaration(
                    clause: "8.3",
                    justification: "The company machines parts to customer drawings and designs nothing.",
                    accepted: true)
            ],
            clauses: clauses, findings: findings, ruleResults: ruleResults, complaintIndicators: indicators)
    }

    /// A report whose record text is hostile: markup, quotes, commas, line breaks, CDATA ends,
    /// formula starters and terminal escapes.
    static let hostileText =
        "<script>alert(\"x\")</script>, 'quoted' \"q\"\nsecond line ]]> =HYPERLINK(\"http://evil\") \u{1B}[31m [link](javascript:alert(1)) | cell"

    static func hostileReport() -> AuditReport {
        var report = report()
        report.findings.append(
            Finding(
                rule: "K05-complaint-registered", standard: .iso10002, clause: "7.2", grade: .minor,
                collection: "complaints", record: "=CMD|' /C calc'!A0<b>",
                message: "Complaint description: " + hostileText,
                location: .init(file: "records <x>.xml", line: 7)))
        return AuditReport(
            asOf: auditDate, stage: .certification, standards: report.standards, inputs: report.inputs,
            rules: report.rules, clauses: report.clauses, findings: report.findings,
            ruleResults: report.ruleResults + [
                .init(
                    id: "K05-complaint-registered", title: "Registered <b>",
                    standard: .iso10002, clause: "7.2", grade: .minor,
                    guidance: "Register \"all\" </textarea>", findings: 1)
            ],
            complaintIndicators: report.complaintIndicators)
    }
}
