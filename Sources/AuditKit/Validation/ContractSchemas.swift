/// The records contract (``RecordsContract``) written as an XML Schema and a JSON Schema.
///
/// The published files `schemas/records.xsd` and `schemas/records.schema.json` are these texts;
/// a test fails when they differ, so the schemas cannot drift from the Swift contract.
public enum ContractSchemas {
    /// The names an item of the list `container` may have in XML: its singular forms, the item
    /// name of the collection a list of references points to (`<top_management><person>`,
    /// `<findings><nonconformity>`), `item` and `entry`. The XML loader reads exactly these as
    /// items of a contract list (``acceptsItem(_:of:)``), and the XML Schema accepts exactly these.
    public static func itemNames(of container: String) -> [String] {
        var unique = singularNames(of: container)
        for name in referencedItemNames[container] ?? [] where !unique.contains(name) { unique.append(name) }
        for name in ["item", "entry"] where !unique.contains(name) { unique.append(name) }
        return unique
    }

    /// The singular of `container` the loader accepts (``isSingular(_:of:)``), as a list of at
    /// most one name.
    private static func singularNames(of container: String) -> [String] {
        singular(of: container).map { [$0] } ?? []
    }

    /// The one singular of a plural list or collection name: `people` → `person`, `analyses` →
    /// `analysis`, `nonconformities` → `nonconformity`, `processes` → `process`, `clauses` →
    /// `clause`; nil for a name that is not a plural. Only the real singular: stripping letters
    /// one way or another also gave `nonconformitie`, `processe` or `claus`, which no export
    /// writes and which the loader accepted as items.
    public static func singular(of container: String) -> String? {
        if container == "people" { return "person" }
        if container.hasSuffix("yses") { return String(container.dropLast(2)) + "is" }
        if container.hasSuffix("ies") { return String(container.dropLast(3)) + "y" }
        if container.hasSuffix("es"),
            ["sses", "xes", "zes", "ches", "shes"].contains(where: container.hasSuffix)
        {
            return String(container.dropLast(2))
        }
        if container.hasSuffix("s"), !container.hasSuffix("ss"), container.count > 1 {
            return String(container.dropLast())
        }
        return nil
    }

    /// True when an element called `item` is an item of the contract list `container` in XML
    /// (one of ``itemNames(of:)``).
    public static func acceptsItem(_ item: String, of container: String) -> Bool {
        if let names = listItemNames[container] { return names.contains(item) }
        return itemNames(of: container).contains(item)
    }

    /// ``itemNames(of:)`` of every list the contract defines, looked up by the loader.
    private static let listItemNames: [String: Set<String>] = Dictionary(
        uniqueKeysWithValues: RecordsContract.listFields.map { ($0, Set(itemNames(of: $0))) })

    /// List-of-references field name → the item names of the collections such fields point to
    /// (`top_management` → `person`), over the whole contract.
    static let referencedItemNames: [String: [String]] = {
        var names: [String: [String]] = [:]
        func visit(_ fields: [ContractField]) {
            for field in fields {
                if case .references(let collection) = field.type {
                    for item in singularNames(of: collection) where !(names[field.name] ?? []).contains(item) {
                        names[field.name, default: []].append(item)
                    }
                }
                visit(field.nestedFields)
            }
        }
        for entry in RecordsContract.entries { visit(entry.fields) }
        return names
    }()

    // MARK: XML Schema

    /// The XML Schema (XSD 1.0) of the XML spelling.
    public static let xmlSchema: String = {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!--
              The auditready records export contract, XML spelling (docs/records-contract.md).
              Generated from RecordsContract in Sources/AuditKit/Standards; edit that file, then rewrite
              this one as docs/records-contract.md says (AUDITREADY_WRITE_SCHEMAS=1, ContractSchemaTests).

              A field may be written as a child element or as an attribute (not both). The items of a
              list are named in the singular, "item" or "entry"; the items of a list of references may
              also take the item name of the collection referred to (<top_management><person>). Every
              field is optional; an empty element is an absent value.
            -->
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="unqualified">

              <xs:element name="records">
                <xs:complexType>
                  <xs:all>

            """
        for entry in RecordsContract.entries {
            if entry.isGroup {
                out += "        <xs:element name=\"\(entry.name)\" type=\"\(entry.name).record\" minOccurs=\"0\"/>\n"
            } else {
                out += listElement(name: entry.name, path: entry.name, hasID: entry.field("id") != nil, indent: 8)
            }
        }
        out += """
                  </xs:all>
                </xs:complexType>
              </xs:element>

              <!-- Scalar types. Each accepts the empty text, which stands for an absent value. -->
              <xs:simpleType name="absent">
                <xs:restriction base="xs:string"><xs:pattern value="\\s*"/></xs:restriction>
              </xs:simpleType>
              <xs:simpleType name="text">
                <xs:restriction base="xs:string"/>
              </xs:simpleType>
              <xs:simpleType name="date-time-short">
                <xs:restriction base="xs:token">
                  <xs:pattern value="\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])[Tt]([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d([.,]\\d+)?)?([Zz]|[+\\-]\\d{2}:?\\d{2})?"/>
                </xs:restriction>
              </xs:simpleType>
              <xs:simpleType name="date">
                <xs:union memberTypes="xs:date xs:dateTime date-time-short absent"/>
              </xs:simpleType>
              <xs:simpleType name="boolean">
                <xs:restriction base="xs:token">
                  <xs:pattern value="([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])?"/>
                </xs:restriction>
              </xs:simpleType>
              <xs:simpleType name="number">
                <xs:restriction base="xs:token">
                  <xs:pattern value="(-?\\d+(\\.\\d*)?([eE][+\\-]?\\d+)?)?"/>
                </xs:restriction>
              </xs:simpleType>


            """
        var emitted: Set<String> = []
        for entry in RecordsContract.entries {
            out += recordTypes(path: entry.name, fields: entry.fields, emitted: &emitted)
        }
        return out + "</xs:schema>\n"
    }()

    private static func listElement(name: String, path: String, hasID: Bool, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        guard hasID else { return "\(pad)<xs:element name=\"\(name)\" type=\"\(path).list\" minOccurs=\"0\"/>\n" }
        return """
            \(pad)<xs:element name="\(name)" type="\(path).list" minOccurs="0">
            \(pad)  <xs:unique name="\(path).unique-id">
            \(pad)    <xs:selector xpath="*"/>
            \(pad)    <xs:field xpath="@id|id"/>
            \(pad)  </xs:unique>
            \(pad)</xs:element>

            """
    }

    private static func scalarTypeName(_ type: ContractType, path: String) -> String {
        switch type {
        case .date: return "date"
        case .boolean: return "boolean"
        case .number: return "number"
        case .code: return "\(path).code"
        default: return "text"
        }
    }

    /// The complex types of the records at `path` (`complaints`), their lists and code types.
    private static func recordTypes(path: String, fields: [ContractField], emitted: inout Set<String>) -> String {
        var out = ""
        var nested = ""
        if RecordsContract.entry(path)?.isGroup != true {
            out += "  <xs:complexType name=\"\(path).list\">\n    <xs:choice minOccurs=\"0\" maxOccurs=\"unbounded\">\n"
            for item in itemNames(of: path.split(separator: ".").last.map(String.init) ?? path) {
                out += "      <xs:element name=\"\(item)\" type=\"\(path).record\"/>\n"
            }
            out += "    </xs:choice>\n  </xs:complexType>\n"
        }
        out += "  <xs:complexType name=\"\(path).record\">\n    <xs:all>\n"
        var attributes = ""
        for field in fields {
            let fieldPath = "\(path).\(field.name)"
            switch field.type {
            case .records(let inner):
                out += listElement(
                    name: field.name, path: fieldPath, hasID: inner.contains { $0.name == "id" }, indent: 6)
                nested += recordTypes(path: fieldPath, fields: inner, emitted: &emitted)
            case .codes(let allowed):
                out += "      <xs:element name=\"\(field.name)\" type=\"\(fieldPath).list\" minOccurs=\"0\"/>\n"
                attributes += "    <xs:attribute name=\"\(field.name)\" type=\"text\"/>\n"
                nested += codeList(path: fieldPath, name: field.name, codes: allowed)
            case .references:
                out += "      <xs:element name=\"\(field.name)\" type=\"\(fieldPath).list\" minOccurs=\"0\"/>\n"
                attributes += "    <xs:attribute name=\"\(field.name)\" type=\"text\"/>\n"
                nested += codeList(path: fieldPath, name: field.name, codes: nil)
            case .code(let codes):
                out += "      <xs:element name=\"\(field.name)\" type=\"\(fieldPath).code\" minOccurs=\"0\"/>\n"
                attributes += "    <xs:attribute name=\"\(field.name)\" type=\"\(fieldPath).code\"/>\n"
                nested += codeType(name: "\(fieldPath).code", codes: codes)
            case .text, .date, .boolean, .number, .reference:
                let type = scalarTypeName(field.type, path: fieldPath)
                out += "      <xs:element name=\"\(field.name)\" type=\"\(type)\" minOccurs=\"0\"/>\n"
                attributes += "    <xs:attribute name=\"\(field.name)\" type=\"\(type)\"/>\n"
            }
        }
        out += "    </xs:all>\n" + attributes + "  </xs:complexType>\n"
        return out + nested + "\n"
    }

    private static func codeType(name: String, codes: [String]) -> String {
        var out = "  <xs:simpleType name=\"\(name)\">\n    <xs:restriction base=\"xs:token\">\n"
        for code in [""] + codes { out += "      <xs:enumeration value=\"\(XMLEscaping.escape(code))\"/>\n" }
        return out + "    </xs:restriction>\n  </xs:simpleType>\n"
    }

    /// A list of codes: items named in the singular, or a single value as text.
    private static func codeList(path: String, name: String, codes: [String]?) -> String {
        var out =
            "  <xs:complexType name=\"\(path).list\" mixed=\"true\">\n    <xs:choice minOccurs=\"0\" maxOccurs=\"unbounded\">\n"
        let itemType = codes == nil ? "text" : "\(path).code"
        for item in itemNames(of: name) {
            out += "      <xs:element name=\"\(item)\" type=\"\(itemType)\"/>\n"
        }
        out += "    </xs:choice>\n  </xs:complexType>\n"
        if let codes { out += codeType(name: "\(path).code", codes: codes) }
        return out
    }

    // MARK: JSON Schema

    /// The JSON Schema (draft 2020-12) of the JSON spelling.
    public static let jsonSchema: String = {
        var properties: [(String, JSONNode)] = []
        var definitions: [(String, JSONNode)] = [
            (
                "text",
                .object([("type", .array([.string("string"), .string("number"), .string("boolean"), .string("null")]))])
            ),
            (
                "date",
                .object([
                    (
                        "anyOf",
                        .array([
                            .object([
                                ("type", .string("string")),
                                (
                                    "pattern",
                                    .string(
                                        "^\\s*\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])([Tt]([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d([.,]\\d+)?)?([Zz]|[+\\-]\\d{2}:?\\d{2})?)?\\s*$"
                                    )
                                )
                            ]),
                            .object([("type", .string("string")), ("pattern", .string("^\\s*$"))]),
                            .object([("type", .string("null"))])
                        ])
                    )
                ])
            ),
            (
                "boolean",
                .object([
                    (
                        "anyOf",
                        .array([
                            .object([("type", .array([.string("boolean"), .string("null")]))]),
                            .object([
                                ("type", .string("string")),
                                ("pattern", .string("^\\s*([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])?\\s*$"))
                            ])
                        ])
                    )
                ])
            ),
            (
                "number",
                .object([
                    (
                        "anyOf",
                        .array([
                            .object([("type", .array([.string("number"), .string("null")]))]),
                            .object([
                                ("type", .string("string")),
                                ("pattern", .string("^\\s*(-?\\d+(\\.\\d*)?([eE][+\\-]?\\d+)?)?\\s*$"))
                            ])
                        ])
                    )
                ])
            )
        ]
        for entry in RecordsContract.entries {
            let record = jsonRecord(path: entry.name, fields: entry.fields, definitions: &definitions)
            definitions.append(("\(entry.name).record", record))
            let reference = JSONNode.object([("$ref", .string("#/$defs/\(entry.name).record"))])
            if entry.isGroup {
                properties.append(
                    (entry.name, .object([("anyOf", .array([reference, .object([("type", .string("null"))])]))])))
            } else {
                properties.append(
                    (entry.name, .object([("type", .array([.string("array"), .string("null")])), ("items", reference)]))
                )
            }
        }
        let schema = JSONNode.object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("title", .string("auditready records export")),
            (
                "description",
                .string(
                    "The records export contract, JSON spelling (docs/records-contract.md). Generated from RecordsContract in Sources/AuditKit/Standards; do not edit by hand. Ids must also be unique within each collection, which JSON Schema cannot express; auditready validate checks it."
                )
            ),
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("properties", .object(properties)),
            ("$defs", .object(definitions))
        ])
        return schema.render(indent: 0) + "\n"
    }()

    private static func jsonRecord(path: String, fields: [ContractField], definitions: inout [(String, JSONNode)])
        -> JSONNode
    {
        var properties: [(String, JSONNode)] = []
        for field in fields {
            let fieldPath = "\(path).\(field.name)"
            let node: JSONNode
            switch field.type {
            case .text, .reference: node = ref("text")
            case .date: node = ref("date")
            case .boolean: node = ref("boolean")
            case .number: node = ref("number")
            case .code(let codes):
                node = .object([("enum", .array(codes.map(JSONNode.string) + [.null]))])
            case .codes(let codes):
                let item: JSONNode =
                    codes.map { .object([("enum", .array($0.map(JSONNode.string) + [.null]))]) } ?? ref("text")
                node = .object([
                    (
                        "anyOf",
                        .array([
                            .object([("type", .string("array")), ("items", item)]), item
                        ])
                    )
                ])
            case .references:
                node = .object([
                    ("anyOf", .array([.object([("type", .string("array")), ("items", ref("text"))]), ref("text")]))
                ])
            case .records(let inner):
                definitions.append(
                    ("\(fieldPath).record", jsonRecord(path: fieldPath, fields: inner, definitions: &definitions)))
                node = .object([
                    ("type", .array([.string("array"), .string("null")])), ("items", ref("\(fieldPath).record"))
                ])
            }
            properties.append((field.name, node))
        }
        return .object([
            ("type", .string("object")), ("additionalProperties", .bool(false)), ("properties", .object(properties))
        ])
    }

    private static func ref(_ name: String) -> JSONNode { .object([("$ref", .string("#/$defs/\(name)"))]) }
}

/// A JSON value with ordered keys, rendered deterministically.
private indirect enum JSONNode {
    case object([(String, JSONNode)])
    case array([JSONNode])
    case string(String)
    case bool(Bool)
    case null

    func render(indent: Int) -> String {
        let pad = String(repeating: "  ", count: indent + 1), closing = String(repeating: "  ", count: indent)
        switch self {
        case .string(let text): return JSONEscaping.quoted(text)
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.allSatisfy({ if case .object = $0 { return false } else { return true } }) {
                return "[" + items.map { $0.render(indent: indent) }.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { pad + $0.render(indent: indent + 1) }.joined(separator: ",\n") + "\n" + closing
                + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n"
                + members.map { pad + JSONEscaping.quoted($0.0) + ": " + $0.1.render(indent: indent + 1) }
                .joined(separator: ",\n") + "\n" + closing + "}"
        }
    }
}
