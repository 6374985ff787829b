import Foundation
import Testing
@testable import AuditKit

/// `auditready template`: the workbook is byte-identical run to run, `check` reads it back
/// without a mapping in both languages, and a program the project did not write (openpyxl)
/// finds the sheets, headers, drop-down lists, date formats and frozen header in it.
@Suite struct RegisterTemplateTests {
    static let checker = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/check-xlsx.py").path

    static let openpyxlAvailable: Bool = (try? SARIFSchemaTests.run(["-c", "import openpyxl"]).status) == 0

    @Test func theWorkbookIsByteIdenticalRunToRun() throws {
        #expect(try RegisterTemplate().data() == RegisterTemplate().data())
        #expect(try RegisterTemplate(language: "fr").data() != RegisterTemplate().data())
    }

    @Test(arguments: ["en", "fr"])
    func anEmptyTemplateReadsBackWithoutNotes(_ language: String) throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let path = fixture.directory.appendingPathComponent("registers.xlsx").path
        try RegisterTemplate(language: language).write(to: path)
        let set = try RecordValidation.load(path: path)
        #expect(set.violations.isEmpty)
        #expect(set.root["complaints"]?.items.isEmpty == true)
        #expect(set.inputs.contains { $0.sheet == "nonconformities" })
    }

    @Test func frenchTitlesMapBackToTheirFields() throws {
        for entry in RecordsContract.entries {
            var seen: [String: String] = [:]
            for field in RegisterTemplate.columns(of: entry) {
                let title = RegisterTitles.title(of: field.name, language: "fr")
                #expect(
                    seen[title.lowercased()] == nil,
                    "\(entry.name): '\(title)' names both \(seen[title.lowercased()] ?? "") and \(field.name)")
                seen[title.lowercased()] = field.name
                #expect(RegisterTitles.field(forHeader: title, in: entry) == field.name)
                #expect(RegisterTitles.field(forHeader: field.name.uppercased(), in: entry) == field.name)
            }
        }
    }

    @Test func theStandardOptionChoosesTheRegisters() {
        let complaintsOnly = RegisterTemplate(standards: [.iso10002]).registers.map(\.guide.sheet)
        #expect(complaintsOnly == ["organisation", "complaints", "complaints_handling"])
        #expect(RegisterTemplate(standards: [.iso9001]).registers.count == RegisterGuide.entries.count - 2)
    }

    @Test(
        .enabled(if: openpyxlAvailable, "skipped: python3 with the openpyxl module is missing"),
        arguments: ["en", "fr"])
    func openpyxlReadsTheTemplate(_ language: String) throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let path = fixture.directory.appendingPathComponent("registers.xlsx").path
        try RegisterTemplate(language: language).write(to: path)
        let result = try SARIFSchemaTests.run([Self.checker, path, "--lang", language])
        #expect(result.status == 0, "\(result.output)")
    }
}
