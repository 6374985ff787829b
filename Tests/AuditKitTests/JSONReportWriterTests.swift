import Foundation
import Testing
@testable import AuditKit

/// The JSON report is written by hand (``JSONWriter``); it must stay byte for byte what
/// `JSONEncoder` made of the report's `Encodable` conformance before, for every report.
@Suite struct JSONReportWriterTests {
    /// The report as the old renderer wrote it: `JSONEncoder`, these settings, a final line break.
    static func reference(_ report: AuditReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }

    static func expectSameAsEncoder(_ report: AuditReport, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        throws
    {
        let written = JSONReportRenderer().render(report)
        let expected = try reference(report)
        #expect(
            written == expected, "first difference at byte \(firstDifference(written, expected))",
            sourceLocation: sourceLocation)
        // The bytes `check` writes to the file (no string in between) are the same.
        var bytes: [UInt8] = []
        try JSONReportRenderer().rendered(report).write { bytes.append(contentsOf: $0) }
        #expect(bytes == Array(expected.utf8), sourceLocation: sourceLocation)
    }

    static func firstDifference(_ lhs: String, _ rhs: String) -> Int {
        zip(lhs.utf8, rhs.utf8).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(lhs.utf8.count, rhs.utf8.count)
    }

    static let cases: [(sample: String, spelling: String, stage: Stage, language: Language)] =
        BundledRuleTests.samples.flatMap { sample in
            ["json", "xml"].flatMap { spelling in
                [Stage.initial, .certification].flatMap { stage in
                    [Language.en, .fr].map { (sample, spelling, stage, $0) }
                }
            }
        }

    static func report(
        sample: String, spelling: String = "json", stage: Stage = .certification,
        language: Language = .en, pipeline: PipelineOptions = PipelineOptions()
    ) throws -> AuditReport {
        var options = AuditOptions(asOf: EvaluationHarness.auditDate, stage: stage, language: language)
        options.pipeline = pipeline
        let path = BundledRuleTests.repository.appendingPathComponent("Samples/\(sample)/records.\(spelling)").path
        return try AuditEngine.run(
            rules: RuleSet.load(paths: BundledRuleTests.ruleDirectories),
            records: RecordLoader.load(path: path), options: options)
    }

    @Test(arguments: cases.indices)
    func bundledSamplesAtBothStagesInBothLanguages(_ index: Int) throws {
        let (sample, spelling, stage, language) = Self.cases[index]
        try Self.expectSameAsEncoder(Self.report(sample: sample, spelling: spelling, stage: stage, language: language))
    }

    @Test(arguments: BundledRuleTests.samples)
    func withWaiversABaselineAndATimestamp(sample: String) throws {
        let all = try Self.report(sample: sample).findings
        let valid = Waiver(
            rule: all.last?.rule, recordPattern: "*", justification: "Accepted \"for now\" / see NC-7",
            approver: "C. Dupont", expires: "2027-01-31", correctiveAction: "NC-7", line: 3)
        let byFingerprint = Waiver(
            fingerprint: all.last?.fingerprint, justification: "Known", approver: "A. Martin",
            expires: "2027-06-30")
        let expired = Waiver(rule: "K06", justification: "old", approver: "A", expires: "2026-01-31", line: 4)
        let incomplete = Waiver(fingerprint: "abc", justification: " ", expires: "someday", line: 9)
        let baseline = Set(all.dropLast().prefix(1).map(\.fingerprint))
        var report = try Self.report(
            sample: sample,
            pipeline: PipelineOptions(
                waivers: [valid, byFingerprint, expired, incomplete], waiversFile: "waivers.yml", baseline: baseline))
        #expect(report.findings.contains { $0.waiver != nil })
        try Self.expectSameAsEncoder(report)
        report.generatedAt = "2026-11-15T09:30:00Z"
        try Self.expectSameAsEncoder(report)
    }

    @Test func systemicFindingsWithTheirEvidence() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let path = try fixture.write("records.json", "")
        let xml = try fixture.write("records.xml", "")
        let handles = try (#require(FileHandle(forWritingAtPath: path)), #require(FileHandle(forWritingAtPath: xml)))
        try SampleGenerator(complaints: 600, seed: 3).write(json: handles.0, xml: handles.1)
        try handles.0.close()
        try handles.1.close()
        for (stage, language) in [(Stage.certification, Language.en), (.certification, .fr), (.initial, .fr)] {
            let report = try AuditEngine.run(
                rules: RuleSet.load(paths: BundledRuleTests.ruleDirectories),
                records: RecordLoader.load(path: path),
                options: AuditOptions(
                    asOf: EvaluationHarness.auditDate, stage: stage,
                    language: language))
            if stage == .certification { #expect(report.findings.contains { $0.evidence.count >= 3 }) }
            try Self.expectSameAsEncoder(report)
        }
    }

    /// Everything `JSONEncoder` escapes or leaves alone: quotes, backslashes, `/`, every control
    /// character, DEL, emoji, combining characters, line and paragraph separators.
    static let awkward: String = {
        var text = "quote \" backslash \\ slash / and // </script> "
        for scalar in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
        text += "\u{7F} DEL, emoji 👩‍🔧🇫🇷, combining e\u{301} \"\u{301} \\\u{308}, U+2028 \u{2028} U+2029 \u{2029}, "
        text += "BOM \u{FEFF}, CJK 監査, RTL שלום, NBSP\u{A0}, \r\n, \t tab, \u{0}end"
        return text
    }()

    @Test func awkwardTextEverywhereAStringIsWritten() throws {
        var finding = Finding(
            rule: "K05-\(Self.awkward)", standard: .iso10002, clause: "7.2 \(Self.awkward)", grade: .minor,
            collection: Self.awkward, record: "=CMD|'/C calc'!A0 \(Self.awkward)",
            message: Self.awkward, location: .init(file: "dir/records \(Self.awkward).xml", line: -7))
        finding.fingerprint = "\(Self.awkward)#2"
        finding.waiver = Waiver(
            fingerprint: Self.awkward, rule: Self.awkward, recordPattern: Self.awkward,
            justification: Self.awkward, approver: Self.awkward, expires: Self.awkward,
            correctiveAction: Self.awkward, line: Int.max)
        var systemic = Finding(
            rule: "AR-systemic", standard: .iso9001, clause: "9.2.2", grade: .major, record: nil,
            message: "Systemic: \(Self.awkward)", location: .init(file: nil, line: nil))
        var bare = finding
        bare.waiver = Waiver(line: Int.min)
        bare.collection = nil
        bare.record = nil
        systemic.evidence = [finding, bare]
        let base = ReportFixtures.report(stage: .initial, language: .fr)
        var report = AuditReport(
            tool: .init(name: Self.awkward, version: "0.1.0-\(Self.awkward)"), asOf: ReportFixtures.auditDate,
            stage: .initial, language: .fr, standards: [.iso9001, .iso10002],
            inputs: [InputFile(path: "/tmp/\(Self.awkward).json", format: .json, sha256: Self.awkward, records: 0)],
            rules: .init(fingerprint: Self.awkward, evaluated: -1),
            notApplicable: [
                NotApplicableDeclaration(clause: Self.awkward, justification: nil, accepted: false),
                NotApplicableDeclaration(clause: "8.3", justification: Self.awkward, accepted: true)
            ],
            clauses: base.clauses + [
                .init(
                    standard: .iso9001, clause: Self.awkward, title: Self.awkward, status: .gap,
                    verifyOnSite: Self.awkward, rules: [Self.awkward, ""], justification: Self.awkward)
            ],
            findings: base.findings + [finding, systemic, bare],
            ruleResults: base.ruleResults + [
                .init(
                    id: Self.awkward, title: Self.awkward, standard: .iso10002, clause: "",
                    grade: .opportunity, guidance: Self.awkward, findings: 0)
            ],
            complaintIndicators: ComplaintIndicators(
                total: 0, byMonth: [.init(month: Self.awkward, count: -3)],
                acknowledgement: .init(days: [-5, 0, 12], pending: 2, targetDays: nil),
                resolution: .init(days: [], pending: 0, targetDays: 30)))
        try Self.expectSameAsEncoder(report)
        report.generatedAt = Self.awkward
        try Self.expectSameAsEncoder(report)
        // Stage 2 adds the recommendation and the corrective action plan.
        let certification = AuditReport(
            asOf: ReportFixtures.auditDate, stage: .certification, standards: [],
            inputs: [], rules: report.rules, clauses: [], findings: report.findings,
            ruleResults: [])
        try Self.expectSameAsEncoder(certification)
    }

    @Test func emptyReports() throws {
        for stage in Stage.allCases {
            try Self.expectSameAsEncoder(
                AuditReport(
                    asOf: ReportFixtures.auditDate, stage: stage, standards: [],
                    inputs: [], rules: .init(fingerprint: "", evaluated: 0),
                    clauses: [], findings: [], ruleResults: []))
        }
    }

    @Test func theHandMadeFixtures() throws {
        for stage in Stage.allCases {
            for language in Language.allCases {
                try Self.expectSameAsEncoder(ReportFixtures.report(stage: stage, language: language))
            }
        }
        try Self.expectSameAsEncoder(ReportFixtures.hostileReport())
    }

    /// A large report reaches the file a megabyte at a time, and a write that fails stops it.
    @Test func largeReportsAreHandedOverInPiecesAndAWriteErrorStopsThem() throws {
        var report = try Self.report(sample: "acme-small")
        let template = try #require(report.findings.first)
        report.findings = (0..<6_000).map { index in
            var finding = template
            finding.record = "C\(index)"
            finding.message = "Complaint C\(index) was acknowledged late: " + String(repeating: "é", count: 80)
            return finding
        }
        let whole = JSONReportRenderer().render(report)
        var pieces: [[UInt8]] = []
        try JSONReportRenderer().rendered(report).write { pieces.append(Array($0)) }
        #expect(pieces.count >= 2, "a report of \(whole.utf8.count) bytes")
        #expect(pieces.dropLast().allSatisfy { $0.count >= 1 << 20 && $0.count < (1 << 20) + 4_096 })
        #expect(pieces.joined().elementsEqual(whole.utf8))

        struct DiskFull: Error {}
        var handed = 0
        #expect(throws: DiskFull.self) {
            try JSONReportRenderer().rendered(report).write { _ in
                handed += 1
                throw DiskFull()
            }
        }
        #expect(handed == 1, "nothing is handed over after the first failure")
    }
}
