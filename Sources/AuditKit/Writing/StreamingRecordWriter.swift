import Foundation

/// Writes one export in both spellings, JSON and XML, a top-level field at a time, flushing to
/// two file handles in chunks so a large export is never held as one string.
///
/// The bytes are the same as ``RecordWriter/json(_:)`` and ``RecordWriter/xml(_:)`` would write
/// for the whole tree: collections can be streamed item by item with ``beginCollection(_:)``,
/// ``append(_:)`` and ``endCollection()``.
public final class StreamingRecordWriter {
    private let jsonHandle: FileHandle
    private let xmlHandle: FileHandle
    private var json = ""
    private var xml = ""
    private var fieldCount = 0
    private var itemCount = 0
    private var openCollection: String?
    /// The size at which a buffer is written out.
    private let chunkSize = 1 << 20

    /// Starts both documents.
    public init(json jsonHandle: FileHandle, xml xmlHandle: FileHandle) {
        self.jsonHandle = jsonHandle
        self.xmlHandle = xmlHandle
        json = "{\n"
        xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<records>\n"
    }

    /// Writes one whole top-level field (a group, a small collection or a scalar).
    public func write(_ name: Name, _ value: Value) throws {
        precondition(openCollection == nil, "a collection is still open")
        startField(name)
        RecordWriter.writeJSON(value, indent: 1, into: &json)
        RecordWriter.writeXML(value, name: name.string, indent: 1, into: &xml)
        try flushIfNeeded()
    }

    /// Starts a top-level collection whose items follow with ``append(_:)``.
    public func beginCollection(_ name: Name) {
        precondition(openCollection == nil, "a collection is still open")
        startField(name)
        openCollection = name.string
        itemCount = 0
        json += "[\n"
        xml += "  <\(name.string)>\n"
    }

    /// Appends one item to the open collection.
    public func append(_ item: Record) throws {
        if itemCount > 0 { json += ",\n" }
        itemCount += 1
        json += "    "
        RecordWriter.writeJSON(.record(item), indent: 2, into: &json)
        var idAttribute = ""
        if case .text(let id)? = item[Name.id] { idAttribute = " id=\"\(XMLEscaping.escape(id))\"" }
        RecordWriter.writeXML(.record(item), name: "item", indent: 2, attributes: idAttribute, into: &xml)
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

    /// Ends both documents and writes what is left.
    public func finish() throws {
        try endCollection()
        json += fieldCount > 0 ? "\n}\n" : "}\n"
        xml += "</records>\n"
        try flush()
    }

    private func startField(_ name: Name) {
        json += fieldCount > 0 ? ",\n  " : "  "
        json += RecordWriter.jsonString(name.string) + ": "
        fieldCount += 1
    }

    private func flushIfNeeded() throws {
        if json.utf8.count >= chunkSize || xml.utf8.count >= chunkSize { try flush() }
    }

    private func flush() throws {
        try jsonHandle.write(contentsOf: Data(json.utf8))
        try xmlHandle.write(contentsOf: Data(xml.utf8))
        json = ""
        xml = ""
        json.reserveCapacity(chunkSize + 4096)
        xml.reserveCapacity(chunkSize + 4096)
    }
}
