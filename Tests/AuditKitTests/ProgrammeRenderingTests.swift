import Foundation
import Testing
@testable import AuditKit

/// The audit programme as a reader, a spreadsheet and a calendar program receive it.
@Suite struct ProgrammeRenderingTests {
    static func programme(
        personnel: Int = 45, rules: RuleSet? = nil,
        standards: [Standard] = [.iso9001]
    ) throws -> AuditProgramme {
        let request = ProgrammeRequest(
            certifiedOn: CalendarDate.parse("2026-03-15")!, personnel: personnel,
            standards: standards)
        return try AuditProgrammePlanner.plan(request, rules: rules ?? AuditProgrammeTests.rules.get())
    }

    /// A rule set whose clause titles try to break every format.
    static func hostileRules() throws -> RuleSet {
        let text = """
            clause iso9001 4.1 "<script>alert(1)</script> & | *bold* =HYPERLINK(\\"x\\")" fr "Titre ; avec, virgules \\\\ et <b>"
            clause iso9001 9.2.1 "Internal audits" fr "Audits internes"
            """
        return try RuleSet.parse(sources: [(path: "h.rules", name: "h.rules", text: text)])
    }

    @Test func frenchProgrammeIsWrittenInFrench() throws {
        let programme = try Self.programme()
        let markdown = ProgrammeMarkdownRenderer.render(programme, language: .fr)
        #expect(markdown.hasPrefix("# Programme d'audit du cycle de certification\n"))
        #expect(
            markdown.contains(
                "| Audit de surveillance 1 | au plus tard 12 mois après la décision de certification (17021-1 9.6.2.2) | 2026-12-15 | 2027-03-15 | 2027-02-15 | 1,5 | 1 |"
            ))
        #expect(
            markdown.contains(
                "| Audit de renouvellement de la certification | terminé 3 mois avant l'expiration du certificat"))
        #expect(
            markdown.contains(
                "IAF MD 5:2019 (édition 4), tableau QMS 1\u{00A0}: 45 personnes → 4 jours-auditeur pour l'étape 1 et l'étape 2."
            ))
        #expect(markdown.contains("Étape 1\u{00A0}: 30\u{00A0}% de la durée initiale"))
        #expect(markdown.contains("Audits internes à intervalles planifiés"))
        #expect(markdown.contains("réalisé avant la décision"))
        // No English heading left, and no colon without its no-break space.
        for english in ["Schedule", "Audit time", "Clauses by audit", "Surveillance audit"] {
            #expect(!markdown.contains(english))
        }
        #expect(!markdown.contains(" : ") && !markdown.contains(" %"))
        let html = ProgrammeHTMLRenderer.render(programme, language: .fr)
        #expect(html.contains("<html lang=\"fr\">") && html.contains("<h2>Calendrier</h2>"))
    }

    @Test func everyFormatEscapesTheRuleFilesTexts() throws {
        let programme = try Self.programme(rules: try Self.hostileRules())
        let html = ProgrammeHTMLRenderer.render(programme, language: .en)
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"))
        #expect(!ProgrammeHTMLRenderer.render(programme, language: .fr).contains("<b>"))
        let markdown = ProgrammeMarkdownRenderer.render(programme, language: .en)
        #expect(markdown.contains("\\<script\\>alert(1)\\</script\\> & \\| \\*bold\\*"))
        let json = ProgrammeJSONRenderer.render(programme, language: .en)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let clauses = try #require(object["applicable_clauses"] as? [[String: Any]])
        #expect(clauses.first?["title"] as? String == "<script>alert(1)</script> & | *bold* =HYPERLINK(\"x\")")
    }

    @Test func jsonIsMachineReadableWithSortedKeys() throws {
        let json = ProgrammeJSONRenderer.render(try Self.programme(), language: .en)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["certified_on"] as? String == "2026-03-15" && object["expires_on"] as? String == "2029-03-15")
        let audits = try #require(object["audits"] as? [[String: Any]])
        #expect(
            audits.map { $0["kind"] as? String } == [
                "stage1", "stage2", "surveillance1", "surveillance2", "recertification"
            ])
        #expect(audits.map { $0["auditor_days"] as? Double } == [1, 3, 1.5, 1.5, 2.5])
        #expect(audits[0]["planned"] is NSNull)
        let keys = json.split(separator: "\n").prefix(12).compactMap { line -> String? in
            line.hasPrefix("  \"") ? String(line.dropFirst(3).prefix { $0 != "\"" }) : nil
        }
        #expect(keys == keys.sorted())
    }

    @Test func csvHasOneRowPerAuditForPlanningTools() throws {
        let csv = ProgrammeCSVRenderer.render(try Self.programme(), language: .en)
        let rows = csv.components(separatedBy: "\r\n").dropLast()
        #expect(
            rows.count == 6 && csv.hasSuffix("\r\n") && !csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(rows[0] == "audit,title,earliest,latest,planned,auditor_days,sites_visited,clause_count,clauses,topics")
        #expect(rows[3].hasPrefix("surveillance1,Surveillance audit 1,2026-12-15,2027-03-15,2027-02-15,1.5,1,"))
        #expect(rows[1].hasPrefix("stage1,Stage 1 (initial audit),,2026-03-15,,1,1,"))
    }

    // MARK: iCalendar

    @Test func icsFollowsRFC5545() throws {
        let ics = ProgrammeICSRenderer.render(try Self.programme(standards: [.iso9001, .iso10002]), language: .fr)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:") && ics.hasSuffix("END:VCALENDAR\r\n"))
        let lines = ics.components(separatedBy: "\r\n").dropLast()
        #expect(!lines.contains { $0.contains("\n") || $0.contains("\r") }, "bare line feeds")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "a line longer than 75 octets")
        #expect(lines.contains { $0.hasPrefix(" ") }, "the long descriptions are folded")
        // One event per audit with a planned date (the undated initial audit has none).
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 3)
        #expect(lines.contains("DTSTART;VALUE=DATE:20270215") && lines.contains("DTEND;VALUE=DATE:20270216"))
        #expect(lines.filter { $0 == "DTSTAMP:20260315T000000Z" }.count == 3)
        let uids = lines.filter { $0.hasPrefix("UID:") }
        #expect(Set(uids).count == 3 && uids[0].hasPrefix("UID:surveillance1-"))
        // Unfolded, the French description keeps its accents across fold points.
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(
            unfolded.contains("SUMMARY:Audit de renouvellement de la certification — ISO 9001:2015\\, ISO 10002:2018"))
        #expect(unfolded.contains("\\nJours-auditeur\u{00A0}: 1\\,5\\nSites audités\u{00A0}: 1\\n"))
        #expect(unfolded.contains("Traitement des réclamations\\; Efficacité du système"))
    }

    @Test func icsIsByteIdenticalAndItsUIDsFollowTheCycle() throws {
        let first = ProgrammeICSRenderer.render(try Self.programme(), language: .en)
        #expect(first == ProgrammeICSRenderer.render(try Self.programme(), language: .en))
        // Re-planned for another headcount, the same cycle keeps its UIDs, so calendars update in place.
        let uids = { (text: String) in text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } }
        let replanned = ProgrammeICSRenderer.render(try Self.programme(personnel: 700), language: .en)
        #expect(first != replanned && uids(first) == uids(replanned))
    }

    @Test func foldingNeverSplitsACharacter() {
        let line = "DESCRIPTION:" + String(repeating: "é", count: 100)
        let folded = ProgrammeICSRenderer.fold(line)
        let pieces = folded.components(separatedBy: "\r\n")
        #expect(pieces.allSatisfy { $0.utf8.count <= 75 } && pieces.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(
            pieces.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == line)
        #expect(ProgrammeICSRenderer.text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
    }

    static let icalendarAvailable: Bool = (try? SARIFSchemaTests.run(["-c", "import icalendar"]).status) == 0

    /// Python's `icalendar` (a parser we did not write) reads the file and finds the events.
    @Test(.enabled(if: icalendarAvailable, "skipped: python3 with the icalendar module is missing"))
    func icalendarParsesTheProgramme() throws {
        let ics = ProgrammeICSRenderer.render(try Self.programme(standards: [.iso9001, .iso10002]), language: .fr)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("programme-\(UUID().uuidString).ics")
        try Data(ics.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import sys, icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            events = cal.walk('VEVENT')
            for e in events:
                assert e.decoded('dtstart').isoformat() < e.decoded('dtend').isoformat()
                assert 'ISO 9001:2015 9.2.1' in str(e.get('description'))
            print(len(events), events[0].decoded('dtstart').isoformat(), str(events[2].get('summary')))
            """
        let outcome = try SARIFSchemaTests.run(["-c", script, file.path])
        #expect(outcome.status == 0, "icalendar could not read the programme:\n\(outcome.output)")
        #expect(
            outcome.output
                == "3 2027-02-15 Audit de renouvellement de la certification — ISO 9001:2015, ISO 10002:2018\n")
    }
}
