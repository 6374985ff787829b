import Foundation
import Testing
@testable import AuditKit

@Suite struct XMLRecordLoaderTests {
    @Test func textAttributesEntitiesAndCDATA() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let root = try fixture.load(
            "t.xml",
            """
            <?xml version="1.0"?>
            <!-- a comment -->
            <records>
              <organisation name=" Acme &amp; Co ">
                <scope><![CDATA[ <widgets> ]]></scope>
                <note>caf&#233; &lt;x&gt;</note>
              </organisation>
            </records>
            """
        ).root
        let organisation = try #require(root["organisation"]?.record)
        #expect(organisation["name"] == .text("Acme & Co"))
        #expect(organisation["scope"] == .text("<widgets>"))
        #expect(organisation["note"] == .text("café <x>"))
        #expect(organisation.fieldNames == ["name", "scope", "note"])
    }

    @Test func recordsCarryTheLineOfTheirStartTag() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let set = try fixture.load(
            "l.xml",
            """
            <?xml version="1.0"?>
            <records>
              <complaints>
                <complaint id="C1"/>

                <complaint>
                  <id>C2</id>
                </complaint>
              </complaints>
            </records>
            """, fileIndex: 4)
        #expect(set.root.location.line == 2)
        #expect(set.root.location.file == 4)
        let items = try #require(set.root["complaints"]?.items)
        #expect(items.count == 2)
        #expect(items[0].record?.location.line == 4)
        #expect(items[1].record?.location.line == 6)
        #expect(items[1].record?.location.file == 4)
    }

    @Test func rootWithoutChildrenIsAnEmptyRecord() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let set = try fixture.load("e.xml", "<records>\n</records>")
        #expect(set.root.fields.isEmpty)
        #expect(set.root.location.line == 1)
        #expect(set.inputs.first?.records == 0)
    }

    @Test func aRecordCollectionWithOneItemIsStillAList() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let root = try fixture.load(
            "o.xml",
            """
            <records><people><person><name>Ann</name></person></people><processes><process id="P1"/></processes></records>
            """
        ).root
        #expect(root["people"]?.items.first?.record?["name"] == .text("Ann"))
        if case .list(let items)? = root["processes"] {
            #expect(items.count == 1)
        } else {
            Issue.record("processes should be a list")
        }
    }

    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var line: Int
        var message: String
        var description: String { message }
    }

    @Test(arguments: [
        Case(
            text: "<records>\n<complaints>\n<complaint>\n</complaints>\n</records>", line: 4,
            message: "the file is not valid XML: Opening and ending tag mismatch: complaint line 3 and complaints"),
        Case(
            text: "<?xml version=\"1.0\"?>\n<export>\n</export>", line: 2,
            message: "the root element must be <records>, but this file's root element is <export>"),
        Case(
            text: "<records>\n<a id=\"1\"><id>2</id></a>\n</records>", line: 2,
            message: "the field \"id\" appears twice in <a>"),
        Case(
            text: "<records>\n<a><b>1</b>\n<c>2</c>\n<b>3</b></a>\n</records>", line: 4,
            message: "the field \"b\" appears twice in <a>"),
        Case(
            text: "<records>\n<x>&nbsp;</x>\n</records>", line: 2,
            message: "the file is not valid XML: Entity 'nbsp' not defined"),
        Case(
            text: "<records>\n<x>1</x>\n</records>\n<more/>", line: 4,
            message: "the file is not valid XML: Extra content at the end of the document"),
        Case(
            text: "<records>\n<x a=\"1\" a=\"2\"/>\n</records>", line: 2,
            message: "the file is not valid XML: Attribute a redefined"),
        Case(text: "<records><complaints>", line: 1, message: "the file is not valid XML")
    ])
    func errorsNameTheProblemAndTheLine(_ test: Case) throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let error = try #require(try fixture.failure("bad.xml", test.text))
        #expect(error.message.hasPrefix(test.message), "\(error)")
        #expect(error.line == test.line, "\(error)")
    }

    @Test func doctypeIsRejected() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let error = try #require(
            try fixture.failure(
                "d.xml",
                """
                <?xml version="1.0"?>
                <!DOCTYPE records>
                <records/>
                """))
        #expect(
            error.message
                == "the export contains a DOCTYPE declaration; records exports must not declare a DTD or entities, which could read other files"
        )
        #expect(error.line == 2)
    }

    @Test func externalEntityDoesNotLeakAnotherFile() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let secret = try fixture.write("secret.txt", "TOP-SECRET-CONTENT-4711")
        let variants = [
            """
            <?xml version="1.0"?>
            <!DOCTYPE records [ <!ENTITY xxe SYSTEM "file://\(secret)"> ]>
            <records><name>&xxe;</name></records>
            """,
            """
            <?xml version="1.0"?>
            <!DOCTYPE records [ <!ENTITY % p SYSTEM "file://\(secret)"> %p; ]>
            <records><name>x</name></records>
            """,
            """
            <?xml version="1.0"?>
            <!DOCTYPE records SYSTEM "file://\(secret)">
            <records><name>x</name></records>
            """
        ]
        for (index, text) in variants.enumerated() {
            let error = try #require(try fixture.failure("xxe\(index).xml", text))
            #expect(!error.description.contains("TOP-SECRET"), "\(error)")
            #expect(error.message.contains("DOCTYPE") || error.message.contains("entity"), "\(error)")
        }
    }

    @Test func billionLaughsIsRejectedQuickly() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        var declarations = "<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            declarations += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE records [\n\(declarations)]>\n<records><a>&lol9;</a></records>"
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(try fixture.failure("laughs.xml", text))
        #expect(clock.now - start < .seconds(2))
        #expect(error.message.contains("DOCTYPE"), "\(error)")
    }

    @Test func deepNestingStopsQuicklyWithAClearError() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        let text =
            "<records>" + String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
            + "</records>"
        let clock = ContinuousClock()
        let start = clock.now
        let error = try #require(try fixture.failure("deep.xml", text))
        #expect(clock.now - start < .seconds(2))
        #expect(error.message == "nesting is deeper than 256 levels", "\(error)")
        #expect(error.line == 1)
        let ok =
            "<records>" + String(repeating: "<a>", count: 254) + "<b>1</b>" + String(repeating: "</a>", count: 254)
            + "</records>"
        let set = try fixture.load("ok.xml", ok)
        #expect(set.root["a"] != nil)
    }

    @Test func singularForms() {
        #expect(isSingular("complaint", of: "complaints"))
        #expect(isSingular("box", of: "boxes"))
        #expect(isSingular("category", of: "categories"))
        #expect(isSingular("analysis", of: "analyses"))
        #expect(isSingular("person", of: "people"))
        #expect(isSingular("entry", of: "log"))
        #expect(isSingular("item", of: "stuff"))
        #expect(!isSingular("name", of: "organisation"))
        #expect(!isSingular("complaint", of: "complaint"))
    }
}

@Suite struct XMLDoctypeScanTests {
    @Test func findsTheDoctypeLineAfterTheProlog() {
        #expect(
            XMLRecordLoader.doctypeLine(in: Array("<?xml version=\"1.0\"?>\n<!-- x\n y -->\n<!DOCTYPE r>".utf8)) == 4)
        #expect(XMLRecordLoader.doctypeLine(in: Array("<records><!DOCTYPE r>".utf8)) == nil)
        #expect(XMLRecordLoader.doctypeLine(in: Array("<!-- <!DOCTYPE r> -->\n<records/>".utf8)) == nil)
    }
}
