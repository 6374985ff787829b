import Foundation
import Testing

/// Excel workbooks through the binary: `template` writes one that `check` reads without a
/// mapping, findings point at the workbook's sheet and cell, a filled template gives the same findings as
/// the same records in JSON, and an unreadable workbook is one line on standard error and exit 2.
@Suite struct WorkbookCLITests {
    static let fixtures = "Tests/AuditKitTests/Fixtures/Workbooks/"

    /// The findings of a JSON report, without their locations (which differ between spellings).
    static func findings(_ json: String) throws -> [String] {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        return findings.map { "\($0["rule"] ?? "") \($0["record"] ?? "-") \($0["grade"] ?? "") \($0["message"] ?? "")" }
            .sorted()
    }

    @Test(arguments: ["en", "fr"])
    func aTemplateIsWrittenAndCheckedWithoutAMapping(_ language: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let book = directory.appendingPathComponent("registers.xlsx").path
        let written = try CommandRunner.run(["template", "--output", book, "--lang", language])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout == "" && written.stderr == "")
        let checked = try CommandRunner.run([
            "check", book, "--as-of", "2026-11-15", "--format", "json", "--fail-on", "none"
        ])
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout.contains("\"sheet\" : \"complaints\""))
        let validated = try CommandRunner.run(["validate", book])
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
    }

    /// The round trip: template → filled by openpyxl (scripts/fill-xlsx-template.py) → check.
    @Test func aFilledTemplateGivesTheFindingsOfTheSameRecordsInJSON() throws {
        var outcomes: [String: [String]] = [:]
        for file in ["filled-template.xlsx", "filled-records.json"] {
            let outcome = try CommandRunner.run([
                "check", CommandRunner.path(Self.fixtures + file), "--as-of", "2026-11-15",
                "--format", "json", "--fail-on", "none"
            ])
            #expect(outcome.status == 0, "\(file): \(outcome.stderr)")
            outcomes[file] = try Self.findings(outcome.stdout)
        }
        #expect(outcomes["filled-template.xlsx"]?.isEmpty == false)
        #expect(outcomes["filled-template.xlsx"] == outcomes["filled-records.json"])
    }

    @Test func findingsAndNotesPointAtTheSheetAndCell() throws {
        let path = CommandRunner.path(Self.fixtures + "contract-layout.xlsx")
        let outcome = try CommandRunner.run([
            "check", path, "--as-of", "2026-11-15", "--format", "json", "--fail-on", "none"
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // A finding's file is the workbook itself; the sheet and the cell are fields of their own.
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let gap = try #require(findings.first { $0["record"] as? String == "CMP-1" })
        let location = try #require(gap["location"] as? [String: Any])
        #expect(location["file"] as? String == path)
        #expect(location["sheet"] as? String == "complaints")
        #expect(location["cell"] as? String == "A2")
        #expect(location["line"] is NSNull)
        let files = findings.compactMap { ($0["location"] as? [String: Any])?["file"] as? String }
        #expect(!files.isEmpty && files.allSatisfy { $0 == path }, "\(files)")
        // So do the export notes: a cell that gives no value, a sheet that was not read.
        let notes = try #require(report["export_notes"] as? [[String: Any]]).compactMap {
            $0["location"] as? [String: Any]
        }
        #expect(
            notes.contains {
                $0["file"] as? String == path && $0["sheet"] as? String == "nonconformities"
                    && $0["cell"] as? String == "E4"
            })
        #expect(notes.contains { $0["sheet"] as? String == "risks" && $0["cell"] == nil })

        let text = try CommandRunner.run(["check", path, "--as-of", "2026-11-15", "--fail-on", "none"])
        #expect(text.stdout.contains("\(path), sheet risks)"), "\(text.stdout)")
        #expect(text.stdout.contains("(record CMP-1, \(path), sheet complaints, cell A2)"), "\(text.stdout)")
        let french = try CommandRunner.run(
            ["check", path, "--as-of", "2026-11-15", "--lang", "fr", "--format", "markdown", "--fail-on", "none"])
        #expect(french.stdout.contains(", feuille complaints, cellule A2"), "\(french.stdout)")
    }

    @Test func anUnreadableWorkbookExitsTwoWithOneLine() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let encrypted = directory.appendingPathComponent("protected.xlsx")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)).write(
            to: encrypted)
        for command in [["check", encrypted.path, "--as-of", "2026-11-15"], ["validate", encrypted.path]] {
            let outcome = try CommandRunner.run(command)
            #expect(outcome.status == 2, "\(command[0]): \(outcome.stdout)\(outcome.stderr)")
            let lines = outcome.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(outcome.stderr)")
            #expect(
                lines.first?.contains("protected.xlsx: error: this is a password-protected workbook") == true,
                "\(outcome.stderr)")
        }
    }

    @Test func aMappingReadsANamedSheetWithRenamedColumns() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let book = directory.appendingPathComponent("registres.xlsx")
        try FileManager.default.copyItem(
            atPath: CommandRunner.path(Self.fixtures + "contract-layout.xlsx"), toPath: book.path)
        let mapping = directory.appendingPathComponent("m.yml")
        try Data(
            """
            collections:
              complaints:
                file: registres.xlsx
                sheet: complaints
                fields:
                  id: id
                  received_on: received_on
                  priority: {column: priority, values: {high: critical}}
                  category: {constant: "from the workbook"}
              nonconformities:
                file: registres.xlsx
                sheet: Nonconformities
                fields: {id: id, owner: owner}

            """.utf8
        ).write(to: mapping)
        let output = directory.appendingPathComponent("o.json")
        let outcome = try CommandRunner.run(["map", "--mapping", mapping.path, "--output", output.path, book.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try String(contentsOf: output, encoding: .utf8)
        #expect(json.contains("2026-01-05"), "\(json)")
        #expect(json.contains("critical"))
        #expect(json.contains("from the workbook"))
        // NC-2's owner comes from the merged range.
        #expect(json.components(separatedBy: "\"owner\": \"P-1\"").count == 3, "\(json)")

        try Data(
            "collections:\n  complaints:\n    file: registres.xlsx\n    sheet: Complaints register\n    fields: {id: id}\n"
                .utf8
        ).write(to: mapping)
        let missing = try CommandRunner.run(["map", "--mapping", mapping.path, "--output", output.path, book.path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("m.yml:2:3: error:"), "\(missing.stderr)")  // the collection
        #expect(
            missing.stderr.contains("the sheet 'Complaints register' is not in registres.xlsx"), "\(missing.stderr)")
    }

    /// SARIF readers open the artifact's URI: a workbook finding names the workbook itself, with
    /// the sheet and the cell (`A2`) as properties of the location, and the workbook is one artifact.
    @Test func sarifPointsAtTheWorkbookWithTheCellAsAProperty() throws {
        let path = CommandRunner.path(Self.fixtures + "contract-layout.xlsx")
        let outcome = try CommandRunner.run([
            "check", path, "--as-of", "2026-11-15", "--format", "sarif", "--fail-on", "none"
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let artifacts = try #require(run["artifacts"] as? [[String: Any]])
        #expect(artifacts.count == 1)
        let places = try #require(run["results"] as? [[String: Any]]).compactMap { result -> [String: Any]? in
            ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any]
        }
        #expect(!places.isEmpty)
        for place in places {
            let uri = (place["artifactLocation"] as? [String: Any])?["uri"] as? String
            #expect(uri?.hasSuffix("contract-layout.xlsx") == true, "\(place)")
            #expect(place["region"] == nil, "a workbook has no lines")
            let properties = place["properties"] as? [String: String]
            #expect(["complaints", "nonconformities", "organisation"].contains(properties?["sheet"]), "\(place)")
            let cell = properties?["cell"] ?? ""
            #expect(cell.first?.isLetter == true && cell.last?.isNumber == true && !cell.contains("!"), "\(place)")
        }
    }

    /// A workbook's notes sheet or pivot table is not a defect of the export: `validate` says it
    /// was not read, as a note, and the workbook stays valid.
    @Test func aSheetThatIsNotARegisterIsANoteForValidate() throws {
        let outcome = try CommandRunner.run(["validate", CommandRunner.path(Self.fixtures + "contract-layout.xlsx")])
        #expect(
            outcome.stdout.contains("contract-layout.xlsx:Notes: note: the sheet 'Notes' is not a register"),
            "\(outcome.stdout)")
        #expect(!outcome.stdout.contains("Notes: error:"), "\(outcome.stdout)")
    }
}
