import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
@testable import AuditKit

/// The published schemas are generated from `RecordsContract` and cover every field the bundled
/// rules read.
@Suite struct ContractSchemaTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let resourceDirectory = repository.appendingPathComponent("Sources/AuditKit/Resources/schemas")

    static func read(_ relative: String) throws -> String {
        String(decoding: try Data(contentsOf: repository.appendingPathComponent(relative)), as: UTF8.self)
    }

    /// Set AUDITREADY_WRITE_SCHEMAS=1 to rewrite the files after changing the contract.
    @Test func schemaFilesAreGeneratedFromTheContract() throws {
        if ProcessInfo.processInfo.environment["AUDITREADY_WRITE_SCHEMAS"] == "1" {
            try Data(ContractSchemas.xmlSchema.utf8).write(
                to: Self.resourceDirectory.appendingPathComponent("records.xsd"))
            try Data(ContractSchemas.jsonSchema.utf8).write(
                to: Self.resourceDirectory.appendingPathComponent("records.schema.json"))
        }
        #expect(
            try Self.read("schemas/records.xsd") == ContractSchemas.xmlSchema,
            "run AUDITREADY_WRITE_SCHEMAS=1 swift test --filter ContractSchemaTests")
        #expect(try Self.read("schemas/records.schema.json") == ContractSchemas.jsonSchema)
        #expect(XMLSchemaValidator.schemaText == ContractSchemas.xmlSchema)
    }

    /// Element and attribute names declared in the XSD: (top-level children of <records>, all).
    static func xsdNames() throws -> (top: Set<String>, all: Set<String>) {
        final class Collector: NSObject, XMLParserDelegate {
            var all: Set<String> = []
            var top: Set<String> = []
            var depth = 0
            var insideRecords = false
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                depth += 1
                guard let declared = attributes["name"] else { return }
                if name == "xs:element" || name == "xs:attribute" { all.insert(declared) }
                if name == "xs:element", declared == "records" { insideRecords = true }
                // <xs:schema><xs:element records><xs:complexType><xs:all><xs:element …>
                if name == "xs:element", insideRecords, depth == 5 { top.insert(declared) }
            }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?)
            {
                depth -= 1
                if depth == 1 { insideRecords = false }
            }
        }
        let parser = XMLParser(data: Data(try read("schemas/records.xsd").utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse())
        return (collector.top, collector.all)
    }

    /// Property names declared in the JSON Schema: (top-level properties, all).
    static func jsonNames() throws -> (top: Set<String>, all: Set<String>) {
        let schema =
            try JSONSerialization.jsonObject(with: Data(try read("schemas/records.schema.json").utf8)) as? [String: Any]
        var all: Set<String> = []
        func visit(_ value: Any) {
            if let object = value as? [String: Any] {
                if let properties = object["properties"] as? [String: Any] { all.formUnion(properties.keys) }
                object.values.forEach(visit)
            } else if let array = value as? [Any] {
                array.forEach(visit)
            }
        }
        visit(schema ?? [:])
        let top = Set((schema?["properties"] as? [String: Any])?.keys.map { $0 } ?? [])
        return (top, all)
    }

    @Test func everyNameABundledRuleReadsIsInBothSchemas() throws {
        let rules = try RuleSet.load(paths: BundledRuleTests.ruleDirectories)
        let reads = ContractLint.namesRead(rules.files)
        #expect(reads.count > 100)
        let xsd = try Self.xsdNames(), json = try Self.jsonNames()
        #expect(xsd.top.count == RecordsContract.entries.count)
        #expect(json.top == Set(RecordsContract.entries.map(\.name)))
        var missing: [String] = []
        for read in reads {
            let inXSD = read.isField ? xsd.all.contains(read.name) : xsd.top.contains(read.name)
            let inJSON = read.isField ? json.all.contains(read.name) : json.top.contains(read.name)
            if !inXSD || !inJSON { missing.append("\(read.rule) reads \(read.name) (xsd: \(inXSD), json: \(inJSON))") }
        }
        #expect(missing == [])
    }

    @Test func contractFieldNamesMatchTheFlatList() {
        #expect(RecordsContract.collections["complaints"]?.contains("received_on") == true)
        #expect(RecordsContract.collections["organisation"]?.contains("justification") == true)
        #expect(RecordsContract.entry("complaints")?.field("safety_related")?.type == .boolean)
        #expect(ContractSchemas.itemNames(of: "people") == ["person", "item", "entry"])
        #expect(ContractSchemas.itemNames(of: "analyses").contains("analysis"))
    }
}
