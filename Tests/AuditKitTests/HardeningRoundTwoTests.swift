import Foundation
import Testing
@testable import AuditKit

/// Issue 15, round two, the library's part: streamed diffs, refreshed baselines, saturating date
/// arithmetic, a NUL byte in a JSON export, the shared regular-file check.
@Suite struct HardeningRoundTwoTests {
    static func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "auditkit-h2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func written(_ report: AuditReport) throws -> String {
        try temporaryFile("report.json", Array(ReportFormat.json.renderer.rendered(report).string.utf8))
    }

    static func streamed(_ diff: StreamedReportDiff, _ format: StreamedReportDiff.Format) throws -> String {
        var text = ""
        try diff.write(format) { text += $0 }
        return text
    }

    @Test(arguments: [
        (["C1", "C2"], ["C2", "C3"], true), (["C1"], ["C1"], false), ([], ["C1"], false), (["C1"], [], false)
    ])
    func aStreamedDiffWritesWhatTheDiffInMemoryWrites(_ before: [String], _ after: [String], _ regrade: Bool) throws {
        let old = try PipelineTests.report(before)
        var new = try PipelineTests.report(after)
        if regrade { new.findings[0].grade = .major }
        let oldPath = try Self.written(old), newPath = try Self.written(new)
        let reference = ReportDiff(
            old: try ReportDiff.findings(ofReportAt: oldPath), new: try ReportDiff.findings(ofReportAt: newPath))
        #expect(try ReportDiff.findings(ofReportAt: newPath) == new.findings)
        let diff = try StreamedReportDiff(oldReportAt: oldPath, newReportAt: newPath)
        #expect(try Self.streamed(diff, .json) == reference.json)
        #expect(try Self.streamed(diff, .text) == reference.text(markdown: false))
        #expect(try Self.streamed(diff, .markdown) == reference.text(markdown: true))
        #expect(diff.worsened(atOrAbove: .major) == reference.worsened(atOrAbove: .major))
        #expect(diff.worsened(atOrAbove: .observation) == reference.worsened(atOrAbove: .observation))
    }

    @Test func aReportWithoutFindingsOrNotAReportIsRefused() throws {
        for text in [
            "{\"tool\": {}}", "[]", "{\"findings\": [1]}", "{\"findings\": [{\"rule\": \"x\"}]}", "{\"findings\": [",
            "\u{0}"
        ] {
            let path = try Self.temporaryFile("r.json", Array(text.utf8))
            #expect(throws: FileFormatError.self, "\(text)") {
                try StreamedReportDiff(oldReportAt: path, newReportAt: path)
            }
        }
    }

    @Test func aRefreshedBaselineKeepsTheFindingsStillPresent() throws {
        let first = Baseline(report: try PipelineTests.report(["C1", "C2", "C3"]))
        // C1 was fixed, C4 is new: the refreshed baseline holds C2, C3 (still there) and C4.
        let second = try PipelineTests.report(
            ["C2", "C3", "C4"], pipeline: PipelineOptions(baseline: Set(first.fingerprints)))
        #expect(second.findings.compactMap(\.record) == ["C4"])
        #expect(second.baselined.count == 2)
        let refreshed = Baseline(report: second)
        let all = Baseline(report: try PipelineTests.report(["C2", "C3", "C4"]))
        #expect(refreshed.fingerprints == all.fingerprints)
        #expect(!refreshed.json.contains("baselined"))
    }

    @Test func dateArithmeticNeverLeavesYearsOneToNineThousandNineHundredNinetyNine() throws {
        let late = try #require(CalendarDate(year: 9999, month: 12, day: 1))
        #expect(late.adding(days: 90).description == "9999-12-31")
        #expect(late.adding(months: 3).description == "9999-12-31")
        #expect(late.adding(days: Int.max).description == "9999-12-31")
        #expect(late.adding(months: Int.max).description == "9999-12-31")
        let early = try #require(CalendarDate(year: 1, month: 1, day: 31))
        #expect(early.adding(days: -90).description == "0001-01-01")
        #expect(early.adding(months: -1).description == "0001-01-01")
        #expect(early.adding(days: Int.min).description == "0001-01-01")
        #expect(CalendarDate(year: 2026, month: 1, day: 31)?.adding(months: 1).description == "2026-02-28")
        #expect(CalendarDate(year: 9999, month: 10, day: 31)?.adding(months: 1).description == "9999-11-30")
    }

    @Test func aNulByteInAJSONExportIsNotCalledUTF16() throws {
        let path = try Self.temporaryFile("nul.json", [0x5B, 0x00, 0x5D])
        do {
            _ = try RecordLoader.load(path: path)
            Issue.record("loaded")
        } catch {
            #expect(error.message.contains("NUL byte"), "\(error)")
            #expect(!error.message.contains("UTF-16"))
            #expect(error.line == 1 && error.column == 2)
        }
        // Real UTF-16 is still recognised.
        let utf16 = try Self.temporaryFile(
            "utf16.json", Array("{}\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        do {
            _ = try RecordLoader.load(path: utf16)
            Issue.record("loaded")
        } catch {
            #expect(error.message.contains("UTF-16"), "\(error)")
        }
    }

    @Test func theRegularFileCheckNamesWhatAFileIs() throws {
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("auditkit-fifo-\(UUID().uuidString)")
            .path
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        #expect(RegularFile.problem(reading: fifo) == "this is a named pipe, not a regular file")
        #expect(RegularFile.problem(reading: "/dev/null") == "this is a character device, not a regular file")
        #expect(
            RegularFile.problem(reading: FileManager.default.temporaryDirectory.path)
                == "this is a folder, not a regular file")
        #expect(RegularFile.problem(reading: "/no/such/file") == "the file does not exist")
        #expect(RegularFile.problem(replacing: "/dev/null")?.hasPrefix("this is a character device") == true)
        #expect(RegularFile.problem(replacing: "/no/such/file") == nil)
        let path = try Self.temporaryFile("a.txt", [0x61])
        let hard = path + ".hard"
        #expect(link(path, hard) == 0)
        #expect(RegularFile.same(path, hard))
        #expect(!RegularFile.same(path, fifo))
    }
}
