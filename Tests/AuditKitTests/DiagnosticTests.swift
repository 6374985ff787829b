import Foundation
import Testing

@testable import AuditKit

/// One diagnostic type (issue 19, point 1) and typed, versioned settings files (point 2).
@Suite struct DiagnosticTests {
    @Test func everyLoadErrorYieldsOneDiagnosticWithItsPlaceAndCode() throws {
        let load = RecordLoadError(file: "records.json", line: 3, column: 7, message: "a comma is missing")
        let file = FileFormatError(file: "waivers.yml", line: 2, column: 1, code: .waivers, message: "no list")
        let rule = RuleDiagnostic(file: "a.rules", line: 4, column: 2, message: "expected 'end'")
        let lint = RuleDiagnostic(file: "a.rules", line: 5, column: 1, severity: .warning, message: "unused")
        let mapped = MappedLoader.LoadError.mapping(
            FileFormatError(file: "m.yml", line: 0, column: 0, message: "no collection reads x.csv"))
        let cases: [(any DiagnosticConvertible, String, DiagnosticCode)] = [
            (load, "records.json:3:7: error: a comma is missing", .recordLoad),
            (file, "waivers.yml:2:1: error: no list", .waivers),
            (rule, "a.rules:4:2: error: expected 'end'", .ruleSyntax),
            (lint, "a.rules:5:1: warning: unused", .ruleLint),
            (mapped, "m.yml: error: no collection reads x.csv", .mapping)
        ]
        for (error, text, code) in cases {
            #expect(error.diagnostics.map(\.description) == [text])
            #expect(error.diagnostics.map(\.code) == [code])
            // The error's own text is the diagnostic's, so a library user gets the same line.
            #expect(error.localizedDescription == text)
        }
        // A problem in no file says only that it is an error.
        let parameter = AuditError.unknownParameter("ack_dys", suggestion: "ack_days")
        #expect(
            parameter.diagnostics.map(\.description) == [
                "error: no rule file declares a parameter named 'ack_dys'; did you mean 'ack_days'?"
            ])
        #expect(parameter.diagnostics.map(\.code) == [.parameter])
    }

    @Test func ruleSetErrorsYieldEveryDiagnosticInOrder() throws {
        let error = try #require(throws: RuleSetError.self) {
            try RuleSet.parse(sources: [(path: "x.rules", name: "x.rules", text: "rule A1\nrule B2\n")])
        }
        #expect(error.diagnostics.count == error.problems.count && !error.diagnostics.isEmpty)
        #expect(error.diagnostics.allSatisfy { $0.code == .ruleSyntax && $0.location.file == "x.rules" })
        #expect(error.diagnostics.map(\.description) == error.problems.map(\.description))
    }

    @Test func aWrongStageNamesTheLineAndColumnOfTheValueAndWhatWasMeant() throws {
        let source = "version: 1\nas_of: 2026-11-15\nformats: [json]\nstage:   stage2\n"
        let error = try #require(throws: FileFormatError.self) {
            try Configuration.parse(source: source, path: "auditready.yml")
        }
        #expect(
            error.description
                == "auditready.yml:4:10: error: 'stage2' is not a stage; use one of initial, certification, "
                + "surveillance, recertification; did you mean 'certification'?")
        #expect(error.diagnostic.code == .configuration)
        let typo = try #require(throws: FileFormatError.self) {
            try Configuration.parse(source: "formats: [json, sarfi]\n", path: "c.yml")
        }
        #expect(typo.description.hasPrefix("c.yml:1:17: error: 'sarfi' is not a report format; use one of text,"))
        #expect(typo.description.hasSuffix("; did you mean 'sarif'?"))
    }

    @Test func configurationValuesAreDecodedToTheirTypes() throws {
        let config = try Configuration.parse(
            source: """
                stage: surveillance
                standards: [ISO 9001:2015]
                as_of: 2026-11-15
                formats: [json, sarif]
                lang: fr
                audience: auditor
                fail_on: none
                """, path: "auditready.yml")
        #expect(config.version == 1)
        #expect(config.stage == .surveillance && config.standards == [.iso9001])
        #expect(config.asOf == CalendarDate(year: 2026, month: 11, day: 15))
        #expect(config.formats == [.json, .sarif] && config.language == .fr && config.audience == .auditor)
        #expect(config.failOn == FailOn.none)
        let late = try #require(throws: FileFormatError.self) {
            try Configuration.parse(source: "as_of: 9999-01-01\n", path: "auditready.yml")
        }
        #expect(late.description.hasPrefix("auditready.yml:1:8: error: as_of 9999-01-01 is too far ahead"))
    }

    @Test func aLaterVersionOfAnySettingsFileIsRefusedAtItsVersion() throws {
        let waivers = try #require(throws: FileFormatError.self) {
            try WaiverFileReader.read(source: "version: 2\nwaivers: []\n", path: "waivers.yml")
        }
        #expect(
            waivers.description
                == "waivers.yml:1:10: error: version 2 of the waivers file is not supported; this auditready reads "
                + "version 1 (the file was written for a later auditready)")
        // Checked before the rest: a later file may not have the list this auditready expects.
        let noList = try #require(throws: FileFormatError.self) {
            try WaiverFileReader.read(source: "version: 2\nexemptions: []\n", path: "waivers.yml")
        }
        #expect(noList.message.hasPrefix("version 2 of the waivers file"))
        let mapping = try #require(throws: FileFormatError.self) {
            try MappingReader.read(source: "collections: {}\nversion: 3\n", path: "m.yml")
        }
        #expect(mapping.description.hasPrefix("m.yml:2:10: error: version 3 of the mapping file is not supported"))
        let config = try #require(throws: FileFormatError.self) {
            try Configuration.parse(source: "stage: initial\nversion: two\n", path: "auditready.yml")
        }
        #expect(
            config.description
                == "auditready.yml:2:10: error: 'version' is a whole number; this auditready reads version 1")
        let responses = try #require(throws: FileFormatError.self) {
            try ResponseFileReader.read(source: "version: 2\nresponses: []\n", path: "r.yml")
        }
        #expect(responses.description.hasPrefix("r.yml:1:10: error: version 2 of the responses file"))
    }

    @Test func filesWithoutAVersionStillWork() throws {
        let waivers = try WaiverFileReader.read(
            source: "waivers:\n  - rule: K07\n    justification: Strike.\n    approver: A\n    expires: 2027-01-31\n",
            path: "waivers.yml")
        #expect(waivers.map(\.rule) == ["K07"])
        let versioned = try WaiverFileReader.read(
            source: "version: 1\nwaivers:\n  - rule: K07\n    justification: Strike.\n", path: "waivers.yml")
        #expect(versioned.map(\.rule) == ["K07"])
        let mapping = try MappingReader.read(
            source: "collections:\n  complaints:\n    fields:\n      id: No\n", path: "m.yml")
        #expect(mapping.collections.map(\.target) == ["complaints"])
        #expect(try Configuration.parse(source: "stage: initial\n", path: "auditready.yml").version == 1)
    }

    @Test func theShippedSettingsFilesDeclareVersionOne() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        for path in [
            "Samples/french-register/mapping.yml", "Samples/acme-small/responses.yml",
            "Sources/AuditKit/Resources/mappings/erpnext.yml"
        ] {
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            #expect(text.split(separator: "\n").contains("version: 1"), "\(path)")
        }
        let template = ResponseTemplateWriter.template(
            for: try StageTwoReport.load(
                path: root.appendingPathComponent("Samples/acme-small/cycle/stage2.json").path),
            language: .en)
        #expect(template.split(separator: "\n").contains("version: 1"))
    }
}
