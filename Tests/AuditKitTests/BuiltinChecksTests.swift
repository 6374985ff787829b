import Testing
@testable import AuditKit

/// The names of the records this file makes by hand.
private let names = NameTable()

/// The checks the engine makes without rule files: not-applicable declarations (4.3) and dates
/// that do not exist (7.5.3).
@Suite struct BuiltinChecksTests {
    static func record(_ fields: [(String, Value)], line: Int = 1) -> Record {
        Record(
            fields: fields.map { Record.Field(name: names.name($0.0), value: $0.1) }, names: names,
            location: SourceLocation(line: line, column: 1))
    }

    static func declaration(_ clause: String, _ justification: String?, line: Int) -> Value {
        var fields: [(String, Value)] = [("clause", .text(clause))]
        if let justification { fields.append(("justification", .text(justification))) }
        return .record(record(fields, line: line))
    }

    @Test func acceptsJustifiedExclusionsOnTheAllowList() {
        let root = Self.record([
            (
                "organisation",
                .record(
                    Self.record([
                        (
                            "not_applicable",
                            .list([
                                Self.declaration("8.3", "We build to customer drawings and design nothing.", line: 5),
                                Self.declaration("8.5.1 f", "Every part is measured after machining.", line: 8)
                            ])
                        )
                    ]))
            )
        ])
        let (declarations, findings) = Applicability.evaluate(root: root)
        #expect(declarations.map(\.accepted) == [true, true])
        #expect(findings.isEmpty)
        #expect(Applicability.isNotApplicable("8.3.4", declarations))
        #expect(!Applicability.isNotApplicable("8.4.1", declarations))
    }

    @Test func refusesClausesThatCannotBeExcludedAndUnjustifiedOnes() {
        let root = Self.record([
            (
                "organisation",
                .record(
                    Self.record([
                        (
                            "not_applicable",
                            .list([
                                Self.declaration("9.2", "We are too small for internal audits.", line: 5),
                                Self.declaration("8.5.5", nil, line: 9),
                                Self.declaration("8.5.1", "All output is verified.", line: 12)
                            ])
                        )
                    ]))
            )
        ])
        let (declarations, findings) = Applicability.evaluate(root: root)
        #expect(declarations.map(\.accepted) == [false, false, false])
        #expect(
            findings.map(\.0.id) == [
                "AR-4.3-not-applicable-clause", "AR-4.3-not-applicable-justification",
                "AR-4.3-not-applicable-clause"
            ])
        #expect(findings.map(\.1.grade) == [.major, .minor, .major])
        #expect(findings.map { $0.1.location?.line } == [5, 9, 12])
        #expect(
            findings[0].1.message
                == "The scope declares clause \"9.2\" not applicable, but it is not a requirement that can be excluded; its checks stay in force."
        )
        #expect(!Applicability.isNotApplicable("9.2.1", declarations))
    }

    @Test func reportsDatesThatDoNotExistWithTheirRecord() {
        let complaint = Self.record(
            [
                ("id", .text("CMP-0107")), ("received_on", .text("2026-02-30")),
                ("acknowledged_on", .text("2026-03-02")), ("description", .text("2026-02-30"))
            ], line: 42)
        let objective = Self.record(
            [
                ("id", .text("OBJ-1")),
                (
                    "measurements",
                    .list([
                        .record(Self.record([("period", .text("Q1")), ("recorded_on", .text("31/03/2026"))], line: 60))
                    ])
                )
            ], line: 58)
        let root = Self.record([
            ("complaints", .list([.record(complaint)])), ("objectives", .list([.record(objective)]))
        ])
        let findings = DateIntegrityCheck.findings(root: root)
        #expect(findings.count == 2)
        #expect(findings.map(\.record) == ["CMP-0107", "OBJ-1"])
        #expect(findings.map { $0.location?.line } == [42, 58])
        #expect(
            findings[0].message
                == "Record \"CMP-0107\" (collection complaints) gives its field received_on as \"2026-02-30\", not a real date: the record does not show when that step happened (dates are written YYYY-MM-DD)."
        )
        #expect(findings[1].message.contains("recorded_on as \"31/03/2026\""))
    }

    @Test func hostileValuesStayOnOneShortLine() {
        let complaint = Self.record([
            ("id", .text("C\n1")), ("closed_on", .text(String(repeating: "x", count: 5000) + "\u{1B}[31m"))
        ])
        let findings = DateIntegrityCheck.findings(root: Self.record([("complaints", .list([.record(complaint)]))]))
        #expect(findings.count == 1)
        #expect(!findings[0].message.contains("\n"))
        #expect(!findings[0].message.contains("\u{1B}"))
        #expect(findings[0].message.count < 250)
    }
}
