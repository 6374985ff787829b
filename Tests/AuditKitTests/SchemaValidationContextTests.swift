import Foundation
import Testing
@testable import AuditKit

/// `validate` (the XML Schema) and `check` (the loaded records) agree on the names of list
/// items, and each schema error names the record of the element it is about; many unknown
/// attributes on one line are reported in one pass.
@Suite struct SchemaValidationContextTests {
    /// `validate`'s and `check`'s messages for `text` (check's through the loaded records).
    func both(_ text: String) throws -> (validate: [String], check: [String]) {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let path = try fixture.write("r.xml", text)
        let validated = try RecordValidation.validate(path: path).violations.map(\.message)
        let checked = try RecordValidation.load(path: path).violations.map(\.message)
        return (validated, checked)
    }

    static let people = "<people><person id=\"P-1\"/><person id=\"P-2\"/></people>"

    @Test(arguments: ["person", "item", "entry"])
    func anAcceptedItemNameOfAListOfReferencesLoadsAndValidates(_ item: String) throws {
        for count in [1, 2] {
            let items = (1...count).map { "<\(item)>P-\($0)</\(item)>" }.joined()
            let found = try both(
                "<records><organisation><top_management>\(items)</top_management></organisation>\(Self.people)</records>"
            )
            #expect(found.validate == [], "\(item) ×\(count)")
            #expect(found.check == [], "\(item) ×\(count)")
        }
        let review =
            "<management_reviews><management_review id=\"MR-1\"><attendees><\(item)>P-1</\(item)></attendees></management_review></management_reviews>"
        let found = try both("<records>\(Self.people)\(review)</records>")
        #expect(found.validate == [] && found.check == [], "\(found)")
    }

    @Test func theSingularAndTheReferencedItemNameBothWork() throws {
        let review =
            "<management_reviews><management_review id=\"MR-1\"><attendees><attendee>P-1</attendee><person>P-2</person></attendees></management_review></management_reviews>"
        let found = try both("<records>\(Self.people)\(review)</records>")
        #expect(found.validate == [] && found.check == [], "\(found)")
    }

    @Test func aRejectedItemNameIsReportedTheSameWayByBoth() throws {
        for count in [1, 2] {
            let items = (1...count).map { "<member>P-\($0)</member>" }.joined()
            // On one line with a complaints record before it: the message names the group.
            let found = try both(
                "<records><complaints><complaint id=\"CMP-9\"/></complaints><organisation><top_management>\(items)</top_management></organisation>\(Self.people)</records>"
            )
            let expected =
                "<member> cannot be an item of 'top_management' (organisation); name its items <person>, <item>, <entry>"
            #expect(found.validate.first == expected, "\(found)")
            #expect(Set(found.validate) == [expected])
            #expect(found.check == [expected], "\(found)")
        }
        let review =
            "<management_reviews><management_review id=\"MR-7\"><attendees><member>P-1</member></attendees></management_review></management_reviews>"
        let found = try both("<records><complaints><complaint id=\"CMP-9\"/></complaints>\(review)</records>")
        let expected =
            "<member> cannot be an item of 'attendees' (management_reviews record MR-7); name its items <attendee>, <person>, <item>, <entry>"
        #expect(found.validate == [expected], "\(found)")
        #expect(found.check == [expected], "\(found)")
    }

    /// Item names were made by stripping letters several ways, so `<nonconformitie>`,
    /// `<processe>` or `<claus>` were accepted as items; only the real singular is now.
    @Test func onlyTheRealSingularNamesAnItem() throws {
        let accepted = try both(
            "<records><nonconformities><nonconformity id=\"NC-1\"/></nonconformities><processes><process id=\"PR-1\"/></processes></records>"
        )
        #expect(accepted.validate == [] && accepted.check == [], "\(accepted)")
        for (container, wrong, right) in [
            ("nonconformities", "nonconformitie", "nonconformity"), ("processes", "processe", "process")
        ] {
            let found = try both("<records><\(container)><\(wrong) id=\"X-1\"/></\(container)></records>")
            let expected = "<\(wrong)> cannot be an item of '\(container)'"
            #expect(found.validate.count == 1 && found.validate.first?.hasPrefix(expected) == true, "\(found)")
            #expect(found.validate.first?.contains("<\(right)>, <item>, <entry>") == true, "\(found)")
            // Both report it; for an item of a top-level collection, validate also names the
            // item's own id as its record, check names the collection only.
            #expect(found.check.count == 1 && found.check.first?.hasPrefix(expected) == true, "\(found)")
            #expect(found.check.first?.hasSuffix("name its items <\(right)>, <item>, <entry>") == true, "\(found)")
        }
        // A list of references takes the referenced collection's real singular too, and no other.
        let audit = { (item: String) in
            "<records><internal_audits><internal_audit id=\"IA-1\"><findings><\(item)>NC-1</\(item)></findings></internal_audit></internal_audits></records>"
        }
        let referenced = try both(audit("nonconformity"))
        #expect(referenced.validate == [] && referenced.check == [], "\(referenced)")
        let misnamed = try both(audit("nonconformitie"))
        #expect(
            misnamed.validate.count == 1
                && misnamed.validate.first?.hasPrefix("<nonconformitie> cannot be an item of 'findings'") == true,
            "\(misnamed)")
        #expect(misnamed.check == misnamed.validate, "\(misnamed)")
    }

    @Test func everyContractListHasOneRealSingular() {
        let expected = [
            "nonconformities": "nonconformity", "processes": "process", "clauses": "clause", "analyses": "analysis",
            "people": "person", "attendees": "attendee", "changes": "change", "qms_duties": "qms_duty",
            "policies": "policy", "responses": "response", "kpis": "kpi", "not_applicable": nil
        ]
        for (plural, singular) in expected {
            #expect(ContractSchemas.singular(of: plural) == singular, "\(plural)")
        }
    }

    /// Before, the record was the last one starting on the error's line or before it: on a
    /// one-line file, always the last record of the line.
    @Test func anErrorNamesTheRecordOfItsOwnElementOnAOneLineFile() throws {
        let found = try both(
            "<records><complaints><complaint id=\"C-1\" recieved_on=\"2026-01-01\"/><complaint><id>C-2</id><safety_related>maybe</safety_related></complaint><complaint id=\"C-3\"/></complaints><people><person id=\"P-1\" nmae=\"Ann\"/></people></records>"
        )
        #expect(
            Set(found.validate) == [
                "unknown field 'recieved_on' in complaints record C-1; did you mean 'received_on'?",
                "'safety_related' should be true or false, not 'maybe' (complaints record C-2)",
                "unknown field 'nmae' in people record P-1; did you mean 'name'?"
            ], "\(found.validate)")
        #expect(Set(found.check) == Set(found.validate))
    }

    /// A field the export system adds to every record of a register is one gap, said once
    /// with how often it comes, whether written as an attribute or as an element; a different
    /// field, or the same name in another register, is said on its own.
    @Test func anUnknownFieldOnEveryRecordIsSaidOnceWithHowOften() throws {
        let found = try both(
            """
            <records>
              <complaints>
                <complaint id="C-1" modified_by="erp"/>
                <complaint id="C-2"><modified_by>erp</modified_by></complaint>
                <complaint id="C-3" modified_by="erp" recieved_on="2026-01-01"/>
              </complaints>
              <people><person id="P-1" modified_by="erp"/></people>
            </records>
            """)
        #expect(
            found.validate == [
                "unknown field 'modified_by' in complaints record C-1 (and 2 more times in this file)",
                "unknown field 'recieved_on' in complaints record C-3; did you mean 'received_on'?",
                "unknown field 'modified_by' in people record P-1"
            ], "\(found.validate)")
        #expect(Set(found.check) == Set(found.validate), "\(found.check)")
    }

    /// A wrong value the export writes in the same field of every record is one gap, said once
    /// with how often it comes; another value, or the same value in another field, is its own.
    @Test func aWrongValueRepeatedIsSaidOnceWithHowOften() throws {
        let found = try both(
            """
            <records>
              <complaints>
                <complaint id="C-1" safety_related="yes" priority="urgent"/>
                <complaint id="C-2"><safety_related>yes</safety_related></complaint>
                <complaint id="C-3" safety_related="yes" priority="low"/>
                <complaint id="C-4" safety_related="no"/>
              </complaints>
            </records>
            """)
        #expect(
            found.validate == [
                "'safety_related' should be true or false, not 'yes' (complaints record C-1, and 2 more times in this file)",
                "'priority' should be one of low, medium, high, critical, not 'urgent' (complaints record C-1)",
                "'safety_related' should be true or false, not 'no' (complaints record C-4)"
            ], "\(found.validate)")
        #expect(Set(found.check) == Set(found.validate), "\(found.check)")
    }

    /// Columns point at each attribute, found in one pass over the file: the old lookup searched
    /// the line from its start for every error (quadratic: 667 s for 100,000 attributes).
    @Test func manyUnknownAttributesOnOneLineGetTheirOwnColumns() throws {
        let count = LibXMLParsing.attributeLimit
        let prefix = "<records><complaints><complaint id=\"C-1\""
        var line = prefix
        var columns: [String: Int] = [:]
        for k in 0..<count {
            line += " "
            columns["a\(k)"] = line.utf8.count + 1
            line += "a\(k)=\"1\""
        }
        line += "/></complaints></records>"
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let found = try RecordValidation.validate(
            path: fixture.write("a.xml", "<?xml version=\"1.0\"?>\n" + line + "\n")
        ).violations
        #expect(found.count == count)
        for violation in found {
            let name = String(violation.message.dropFirst("unknown field '".count).prefix { $0 != "'" })
            #expect(violation.line == 2 && violation.column == columns[name], "\(violation)")
            #expect(violation.record == "C-1")
        }
    }

    /// A start tag with tens of thousands of attributes is refused, in `check` and in
    /// `validate`, before libxml2's duplicate-attribute check (each attribute against every
    /// earlier one) takes minutes: 200,000 attributes took 153 s in `validate`.
    @Test func aStartTagWithTooManyAttributesIsRefusedWithItsLine() throws {
        let attributes = (0..<20_000).map { " a\($0)=\"1\"" }.joined()
        let text =
            "<?xml version=\"1.0\"?>\n<records>\n<complaints><complaint id=\"C-1\"\(attributes)/></complaints></records>\n"
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let path = try fixture.write("a.xml", text)
        let expected =
            "an element has more than 1,000 attributes; a record has a few dozen fields at most, so the file was not read further"
        #expect {
            _ = try RecordLoader.load(path: path)
        } throws: { error in
            (error as? RecordLoadError)?.message == expected && (error as? RecordLoadError)?.line == 3
        }
        #expect {
            _ = try RecordValidation.validate(path: path)
        } throws: { error in
            (error as? RecordLoadError)?.message == expected && (error as? RecordLoadError)?.line == 3
        }
    }

    @Test func theTagScannerVisitsEachByteOnce() {
        var text = "<?xml version=\"1.0\"?>\n<!-- <a x=\"1\"> -->\n<r><a"
        for k in 0..<500 { text += " x\(k)='>'" }
        text += "/><b\n y=\"2\"/><a z=\"3\"/></r>\n"
        let bytes = Array(text.utf8)
        var wanted: [SchemaValidationState.TagKey: Set<String>] = [:]
        wanted[.init(line: 3, ordinal: 2)] = ["x499"]
        wanted[.init(line: 4, ordinal: 1)] = ["y"]
        wanted[.init(line: 4, ordinal: 2)] = ["z"]
        let found = XMLTagScanner.columns(in: bytes, wanted: wanted)
        #expect(found.steps <= bytes.count)
        #expect(found.elements[.init(line: 3, ordinal: 2)] == 4)
        #expect(found.attributes[.init(line: 3, ordinal: 2)]?["x499"] == text.split(separator: "\n")[2].utf8.count - 11)
        // <b starts on line 3 and ends on line 4: no column for the tag, one for y.
        #expect(found.elements[.init(line: 4, ordinal: 1)] == 0)
        #expect(found.attributes[.init(line: 4, ordinal: 1)]?["y"] == 2)
        #expect(found.elements[.init(line: 4, ordinal: 2)] == 9)
        #expect(found.attributes[.init(line: 4, ordinal: 2)]?["z"] == 12)
    }
}
