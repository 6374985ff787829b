import Foundation

/// Writes records in the records contract's two spellings, JSON and XML, deterministically, a
/// top-level field at a time, handing each spelling to its sink in chunks of about a megabyte so
/// a large export is never held as one string. The one record writer: ``RecordWriter`` uses it
/// for whole trees.
///
/// Scalars are written as JSON strings; in XML, each item of a collection carries its `id` as an
/// attribute and its other fields as child elements, and list items are `<item>` elements —
/// both allowed by the contract. A collection written item by item with ``beginCollection(_:)``,
/// ``append(_:)`` and ``endCollection()`` has the same bytes as one written whole.
public final class StreamingRecordWriter {
    /// Where the bytes of one spelling go, a piece at a time.
    public typealias Sink = (UnsafeRawBufferPointer) throws -> Void

    private let jsonSink: Sink?
    private let xmlSink: Sink?
    private var json = ""
    private var xml = ""
    private var fieldCount = 0
    private var itemCount = 0
    private var openCollection: String?
    /// The size at which a buffer is written out.
    private let chunkSize = 1 << 20

    /// Starts the documents of the spellings that have a sink (nil: that spelling is not written).
    public init(json jsonSink: Sink?, xml xmlSink: Sink?) {
        self.jsonSink = jsonSink
        self.xmlSink = xmlSink
        json.reserveCapacity(chunkSize + 4096)
        xml.reserveCapacity(xmlSink == nil ? 0 : chunkSize + 4096)
        json = "{\n"
        xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<records>\n"
    }

    /// Starts both documents, written to two file handles.
    public convenience init(json jsonHandle: FileHandle, xml xmlHandle: FileHandle) {
        self.init(
            json: { try jsonHandle.write(contentsOf: Data($0)) },
            xml: { try xmlHandle.write(contentsOf: Data($0)) })
    }

    /// Writes every field of `root`, each collection of records item by item.
    public func write(fieldsOf root: Record) throws {
        for position in 0..<root.fieldCount {
            let name = root.fieldName(at: position), value = root.value(at: position)
            if case .list(let items) = value, !items.isEmpty {
                beginCollection(name)
                for item in items { try append(item) }
                try endCollection()
            } else {
                try write(name, value)
            }
        }
    }

    /// Writes one whole top-level field (a group, a small collection or a scalar).
    public func write(_ name: String, _ value: Value) throws {
        precondition(openCollection == nil, "a collection is still open")
        startField(name)
        if jsonSink != nil { Self.writeJSON(value, indent: 1, into: &json) }
        if xmlSink != nil { Self.writeXML(value, name: name, indent: 1, into: &xml) }
        try flushIfNeeded()
    }

    /// Starts a top-level collection whose items follow with ``append(_:)``.
    public func beginCollection(_ name: String) {
        precondition(openCollection == nil, "a collection is still open")
        startField(name)
        openCollection = name
        itemCount = 0
        json += "[\n"
        xml += "  <\(name)>\n"
    }

    /// Appends one item to the open collection.
    public func append(_ item: Record) throws {
        try append(.record(item))
    }

    /// Appends one item, a record or not, to the open collection.
    func append(_ item: Value) throws {
        if jsonSink != nil {
            if itemCount > 0 { json += ",\n" }
            json += "    "
            Self.writeJSON(item, indent: 2, into: &json)
        }
        itemCount += 1
        if xmlSink != nil {
            Self.writeXML(item, name: "item", indent: 2, attributes: Self.idAttribute(item), into: &xml)
        }
        try flushIfNeeded()
    }

    /// Ends the open collection.
    public func endCollection() throws {
        guard let name = openCollection else { return }
        json += itemCount > 0 ? "\n  ]" : "  ]"
        xml += "  </\(name)>\n"
        openCollection = nil
        try flushIfNeeded()
    }

    /// Ends the documents and writes what is left.
    public func finish() throws {
        try endCollection()
        json += fieldCount > 0 ? "\n}\n" : "}\n"
        xml += "</records>\n"
        try flush()
    }

    private func startField(_ name: String) {
        json += fieldCount > 0 ? ",\n  " : "  "
        json += JSONEscaping.quoted(name) + ": "
        fieldCount += 1
    }

    private func flushIfNeeded() throws {
        if json.utf8.count >= chunkSize || xml.utf8.count >= chunkSize { try flush() }
    }

    private func flush() throws {
        if let jsonSink { try json.withUTF8 { try jsonSink(UnsafeRawBufferPointer($0)) } }
        if let xmlSink { try xml.withUTF8 { try xmlSink(UnsafeRawBufferPointer($0)) } }
        json.removeAll(keepingCapacity: true)
        xml.removeAll(keepingCapacity: true)
    }

    private static func writeJSON(_ value: Value, indent: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: indent + 1), closing = String(repeating: "  ", count: indent)
        switch value {
        case .text(let text):
            out += JSONEscaping.quoted(text)
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
            for position in 0..<record.fieldCount {
                out += pad + JSONEscaping.quoted(record.fieldName(at: position)) + ": "
                writeJSON(record.value(at: position), indent: indent + 1, into: &out)
                out += position == record.fieldCount - 1 ? "\n" : ",\n"
            }
            out += closing + "}"
        }
    }

    /// ` id="…"` for a record with a text `id`, nothing otherwise.
    private static func idAttribute(_ item: Value) -> String {
        guard case .record(let record) = item, case .text(let id)? = record[Name.id] else { return "" }
        return " id=\"\(XMLEscaping.escape(id))\""
    }

    private static func writeXML(
        _ value: Value, name: String, indent: Int, attributes: String = "", into out: inout String
    ) {
        let pad = String(repeating: "  ", count: indent)
        switch value {
        case .text(let text):
            out += "\(pad)<\(name)\(attributes)>\(XMLEscaping.escape(text))</\(name)>\n"
        case .list(let items):
            out += "\(pad)<\(name)>\n"
            for item in items {
                writeXML(item, name: "item", indent: indent + 1, attributes: idAttribute(item), into: &out)
            }
            out += "\(pad)</\(name)>\n"
        case .record(let record):
            let hasID = !attributes.isEmpty
            let positions = (0..<record.fieldCount).filter { !(hasID && record.name(at: $0) == Name.id) }
            guard !positions.isEmpty else {
                out += "\(pad)<\(name)\(attributes)/>\n"
                return
            }
            out += "\(pad)<\(name)\(attributes)>\n"
            for position in positions {
                writeXML(
                    record.value(at: position), name: record.fieldName(at: position), indent: indent + 1, into: &out)
            }
            out += "\(pad)</\(name)>\n"
        }
    }
}
