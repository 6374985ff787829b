import Foundation
import Testing
@testable import AuditKit

/// Golden files: every renderer on the hand-made report, compared byte for byte with
/// `Snapshots/`. Run with `RECORD_SNAPSHOTS=1` to write them again after an intended change.
@Suite struct ReportSnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Snapshots")

    static let cases: [(String, ReportFormat, Stage, Language)] = [
        ("certification", .text, .certification, .en), ("certification", .markdown, .certification, .en),
        ("certification", .html, .certification, .en), ("certification", .json, .certification, .en),
        ("certification", .sarif, .certification, .en), ("certification", .junit, .certification, .en),
        ("certification", .csv, .certification, .en), ("initial", .text, .initial, .en),
        ("initial", .markdown, .initial, .en), ("initial-fr", .markdown, .initial, .fr),
        ("certification-fr", .html, .certification, .fr)
    ]

    @Test(arguments: cases.indices)
    func rendererMatchesGoldenFile(_ index: Int) throws {
        let (name, format, stage, language) = Self.cases[index]
        let rendered = format.renderer.render(ReportFixtures.report(stage: stage, language: language))
        let suffix =
            format.rawValue == format.fileExtension
            ? format.fileExtension : "\(format.rawValue).\(format.fileExtension)"
        let file = Self.directory.appendingPathComponent("\(name).\(suffix)")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try Data(rendered.utf8).write(to: file)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(
            rendered == expected, "\(file.lastPathComponent) differs; re-record with RECORD_SNAPSHOTS=1 if intended")
    }

    @Test func renderingTwiceGivesTheSameBytes() {
        for format in ReportFormat.allCases {
            #expect(format.renderer.render(ReportFixtures.report()) == format.renderer.render(ReportFixtures.report()))
        }
    }
}
