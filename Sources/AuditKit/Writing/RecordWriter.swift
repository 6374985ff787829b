/// Writes a whole record tree in the records contract's two spellings, JSON and XML, with the
/// one record writer, ``StreamingRecordWriter``.
///
/// Used by rule tests (every example is checked in both spellings) and by tools that produce
/// exports.
public enum RecordWriter {
    /// The export as a JSON object.
    public static func json(_ root: Record) -> String { text(of: root, xml: false) }

    /// The export as an XML document with root `<records>`.
    public static func xml(_ root: Record) -> String { text(of: root, xml: true) }

    /// The export as ``json(_:)`` writes it, byte for byte, handed over about a megabyte at a
    /// time (an item of a collection at a time), so writing a large export to a file never
    /// holds its whole text: `auditready map` of a 300,000-row register writes 100 MB of JSON.
    public static func streamedJSON(_ root: Record) -> RenderedReport {
        RenderedReport(streaming: { sink in
            try withoutActuallyEscaping(sink) { sink in
                let writer = StreamingRecordWriter(json: sink, xml: nil)
                try writer.write(fieldsOf: root)
                try writer.finish()
            }
        })
    }

    /// The whole export in one spelling.
    private static func text(of root: Record, xml: Bool) -> String {
        var bytes: [UInt8] = []
        let sink: StreamingRecordWriter.Sink = { bytes.append(contentsOf: $0) }
        let writer = StreamingRecordWriter(json: xml ? nil : sink, xml: xml ? sink : nil)
        // Writing to memory cannot fail.
        try? writer.write(fieldsOf: root)
        try? writer.finish()
        return String(decoding: bytes, as: UTF8.self)
    }
}
