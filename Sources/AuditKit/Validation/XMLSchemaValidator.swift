import Foundation
internal import CLibXML2

/// Validates the XML spelling of an export against the bundled XML Schema (`schemas/records.xsd`)
/// with libxml2's own schema validator. The only file of the validation code that touches
/// libxml2: nothing C-shaped leaves it.
///
/// The document is streamed through libxml2's reader with the loader's safety options (no
/// network, no entity substitution, no DTD loading, external entities refused, any DOCTYPE
/// rejected). The schema is always the bundled resource, never a location named in the input
/// (`xsi:schemaLocation` is ignored).
public enum XMLSchemaValidator {
    /// Why the bundled schema could not be used (a broken installation).
    public struct SchemaError: Error, Sendable, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// The violations of the XML export at `path`, in plain English.
    ///
    /// - Parameters:
    ///   - path: The export.
    ///   - records: The same export as loaded by ``RecordLoader``, used to say which record a
    ///     violation is in.
    /// - Throws: ``RecordLoadError`` when the file is not well-formed XML or declares a DOCTYPE.
    public static func validate(path: String, records: RecordSet? = nil) throws(RecordLoadError) -> [StructuralViolation] {
        _ = libxmlSetUp
        guard let schema = BundledSchema.shared.schema else {
            throw RecordLoadError(file: path, message: "the bundled XML Schema could not be read: \(BundledSchema.shared.problem)")
        }
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            throw RecordLoadError(file: path, message: "libxml2 could not create a schema validation context")
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        guard let reader = xmlReaderForFile(path, nil, validationOptions) else {
            throw RecordLoadError(file: path, message: "the file could not be opened as XML")
        }
        defer { xmlFreeTextReader(reader) }
        let sink = SchemaErrorSink()
        let raw: [SchemaErrorSink.Entry] = try withExtendedLifetime(sink) { () throws(RecordLoadError) -> [SchemaErrorSink.Entry] in
            let pointer = Unmanaged.passUnretained(sink).toOpaque()
            xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
                guard let context, let error else { return }
                Unmanaged<SchemaErrorSink>.fromOpaque(context).takeUnretainedValue().add(error.pointee)
            }, pointer)
            guard xmlTextReaderSchemaValidateCtxt(reader, context, 0) == 0 else {
                throw RecordLoadError(file: path, message: "libxml2 could not attach the schema validator")
            }
            xmlSchemaSetValidStructuredErrors(context, { context, error in
                guard let context, let error else { return }
                Unmanaged<SchemaErrorSink>.fromOpaque(context).takeUnretainedValue().add(error.pointee)
            }, pointer)
            var stack: [String] = []
            while true {
                let status = xmlTextReaderRead(reader)
                if let parseError = sink.firstParseError {
                    throw RecordLoadError(file: path, line: parseError.line, column: parseError.column,
                                          message: "the file is not valid XML: \(parseError.message)")
                }
                if status == 0 { break }
                if status < 0 {
                    if sink.entries.isEmpty {
                        throw RecordLoadError(file: path, line: Int(xmlTextReaderGetParserLineNumber(reader)),
                                              message: "the file is not valid XML")
                    }
                    break
                }
                switch xmlTextReaderNodeType(reader) {
                case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                    // The parser runs ahead of the reader, so an element's errors are known when
                    // the reader reaches it: keep the parent of elements with errors.
                    let depth = Int(xmlTextReaderDepth(reader))
                    let name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
                    if stack.count > depth { stack.removeLast(stack.count - depth) }
                    if let node = xmlTextReaderCurrentNode(reader), sink.lines.contains(Int(xmlGetLineNo(node))) {
                        sink.parents[Int(xmlGetLineNo(node)), default: [:]][name] = stack.last ?? ""
                    }
                    if xmlTextReaderIsEmptyElement(reader) != 1 { stack.append(name) }
                case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                    throw XMLRecordLoader.doctypeError(path: path, line: Int(xmlTextReaderGetParserLineNumber(reader)))
                case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue), Int32(XML_READER_TYPE_ENTITY.rawValue):
                    throw RecordLoadError(file: path, line: Int(xmlTextReaderGetParserLineNumber(reader)),
                                          message: "the export uses an entity reference, which records exports must not use")
                default:
                    continue
                }
            }
            return sink.entries
        }
        var translator = SchemaMessageTranslator(path: path, records: records, parents: sink.parents)
        translator.wantedLines = Set(raw.map(\.line))
        var seen: Set<String> = []
        var violations: [StructuralViolation] = []
        for entry in raw {
            guard let violation = translator.translate(line: entry.line, column: entry.column, message: entry.message)
            else { continue }
            if seen.insert(violation.description).inserted { violations.append(violation) }
        }
        return violations.sorted()
    }

    /// The bundled XML Schema's text.
    public static var schemaText: String? { BundledSchema.resourceText(named: "records.xsd") }
}

private let validationOptions = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)

/// Process-wide libxml2 set-up, done once: initialise and refuse every external entity.
private let libxmlSetUp: Void = {
    xmlInitParser()
    xmlSetExternalEntityLoader { _, _, _ in nil }
}()

/// The parsed bundled schema, shared read-only by every validation (libxml2 allows one
/// `xmlSchema` to serve several validation contexts).
private final class BundledSchema: @unchecked Sendable {
    static let shared = BundledSchema()
    let schema: xmlSchemaPtr?
    private(set) var problem = ""

    private init() {
        _ = libxmlSetUp
        // Parsed from memory: the external entity loader refuses every file, the schema's too.
        guard let text = BundledSchema.resourceText(named: "records.xsd") else {
            schema = nil
            problem = "schemas/records.xsd is missing from the AuditKit resources"
            return
        }
        let bytes = Array(text.utf8)
        let made = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlSchemaNewMemParserCtxt($0, Int32(buffer.count))
            }
        }
        guard let parser = made else {
            schema = nil
            problem = "libxml2 could not read the schema"
            return
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        let sink = SchemaErrorSink()
        schema = withExtendedLifetime((sink, bytes)) {
            xmlSchemaSetParserStructuredErrors(parser, { context, error in
                guard let context, let error else { return }
                Unmanaged<SchemaErrorSink>.fromOpaque(context).takeUnretainedValue().add(error.pointee)
            }, Unmanaged.passUnretained(sink).toOpaque())
            return xmlSchemaParse(parser)
        }
        if schema == nil { problem = sink.entries.first?.message ?? "libxml2 rejected it" }
    }

    static func resourceText(named name: String) -> String? {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2,
              let url = Bundle.module.url(forResource: parts[0], withExtension: parts[1], subdirectory: "schemas"),
              let data = try? Data(contentsOf: url) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Collects libxml2's error-level diagnostics for one validation.
private final class SchemaErrorSink {
    struct Entry {
        var line: Int
        var column: Int
        var message: String
        /// True for schema validity errors, false for well-formedness errors.
        var isSchema: Bool
    }
    var entries: [Entry] = []
    /// Lines with errors.
    var lines: Set<Int> = []
    /// For elements on lines with errors: line → element name → parent element name.
    var parents: [Int: [String: String]] = [:]
    /// The first well-formedness error (the first entry that is not a schema error), if any;
    /// kept so the read loop need not scan every entry after each node.
    private(set) var firstParseError: Entry?

    func add(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var text = error.message.map { String(cString: $0) } ?? "unknown XML error"
        while text.last?.isWhitespace == true { text.removeLast() }
        let isSchema = error.domain == Int32(XML_FROM_SCHEMASV.rawValue) || error.domain == Int32(XML_FROM_SCHEMASP.rawValue)
        let entry = Entry(line: Int(error.line), column: Int(error.int2), message: text, isSchema: isSchema)
        entries.append(entry)
        if !isSchema, firstParseError == nil { firstParseError = entry }
        lines.insert(Int(error.line))
    }
}
