/// Writes records in the records contract's two spellings, JSON and XML, deterministically.
///
/// Used by rule tests (every example is checked in both spellings) and by tools that produce
/// exports. Scalars are written as JSON strings; in XML, each item of a collection carries its
/// `id` as an attribute and its other fields as child elements, and list items are `<item>`
/// elements — both allowed by the contract.
public enum RecordWriter {
    /// The export as a JSON object.
    public static func json(_ root: Record) -> String {
        var out = ""
        writeJSON(.record(root), indent: 0, into: &out)
        return out + "\n"
    }

    /// The export as ``json(_:)`` writes it, byte for byte, handed over about a megabyte at a
    /// time (an item of a collection at a time), so writing a large export to a file never
    /// holds its whole text: `auditready map` of a 300,000-row register writes 100 MB of JSON.
    public static func streamedJSON(_ root: Record) -> RenderedReport {
        RenderedReport(streaming: { sink in
            let chunkSize = 1 << 20
            var out = "{\n"
            out.reserveCapacity(chunkSize + 4096)
            /// Hands `out` over once it holds a chunk (or at the end), and starts it again.
            func flush(_ force: Bool, _ sink: (UnsafeRawBufferPointer) throws -> Void) throws {
                guard force || out.utf8.count >= chunkSize else { return }
                try out.withUTF8 { try sink(UnsafeRawBufferPointer($0)) }
                out.removeAll(keepingCapacity: true)
            }
            for (index, field) in root.fields.enumerated() {
                out += "  " + jsonString(field.name.string) + ": "
                if case .list(let items) = field.value, !items.isEmpty {
                    out += "[\n"
                    for (position, item) in items.enumerated() {
                        out += "    "
                        writeJSON(item, indent: 2, into: &out)
                        out += position == items.count - 1 ? "\n" : ",\n"
                        try flush(false, sink)
                    }
                    out += "  ]"
                } else {
                    writeJSON(field.value, indent: 1, into: &out)
                }
                out += index == root.fields.count - 1 ? "\n" : ",\n"
                try flush(false, sink)
            }
            out += "}\n"
            try flush(true, sink)
        })
    }

    /// The export as an XML document with root `<records>`.
    public static func xml(_ root: Record) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<records>\n"
        for field in root.fields { writeXML(field.value, name: field.name.string, indent: 1, into: &out) }
        return out + "</records>\n"
    }

    static func writeJSON(_ value: Value, indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent + 1), closing = String(repeating: "  ", count: indent)
        switch value {
        case .text(let text):
            out += jsonString(text)
        case .list(let items):
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += pad
                writeJSON(item, indent: indent + 1, into: &out)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += closing + "]"
        case .record(let record):
            out += "{\n"
            for (index, field) in record.fields.enumerated() {
                out += pad + jsonString(field.name.string) + ": "
                writeJSON(field.value, indent: indent + 1, into: &out)
                out += index == record.fields.count - 1 ? "\n" : ",\n"
            }
            out += closing + "}"
        }
    }

    /// A JSON string literal with every character JSON requires escaped.
    public static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func writeXML(_ value: Value, name: String, indent: Int, attributes: String = "", into out: inout String) {
        let pad = String(repeating: "  ", count: indent)
        switch value {
        case .text(let text):
            out += "\(pad)<\(name)\(attributes)>\(XMLEscaping.escape(text))</\(name)>\n"
        case .list(let items):
            out += "\(pad)<\(name)>\n"
            for item in items {
                var idAttribute = ""
                if case .record(let record) = item, case .text(let id)? = record[Name.id] {
                    idAttribute = " id=\"\(XMLEscaping.escape(id))\""
                }
                writeXML(item, name: "item", indent: indent + 1, attributes: idAttribute, into: &out)
            }
            out += "\(pad)</\(name)>\n"
        case .record(let record):
            let hasID = !attributes.isEmpty
            let fields = record.fields.filter { !(hasID && $0.name == Name.id) }
            guard !fields.isEmpty else {
                out += "\(pad)<\(name)\(attributes)/>\n"
                return
            }
            out += "\(pad)<\(name)\(attributes)>\n"
            for field in fields { writeXML(field.value, name: field.name.string, indent: indent + 1, into: &out) }
            out += "\(pad)</\(name)>\n"
        }
    }
}
