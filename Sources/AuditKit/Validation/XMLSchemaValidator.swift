import Foundation
internal import CLibXML2

/// Validates the XML spelling of an export against the bundled XML Schema (`schemas/records.xsd`)
/// with libxml2's own schema validator. The only file of the validation code that touches
/// libxml2: nothing C-shaped leaves it.
///
/// The document is streamed through libxml2's SAX2 parser set up by ``LibXMLParsing`` (no
/// network, no entity substitution, no DTD loading, external entities refused), any DOCTYPE
/// rejected, and the validator plugged into it; no tree is built. The schema is always the bundled
/// resource, never a location named in the input (`xsi:schemaLocation` is ignored).
///
/// The SAX callbacks keep the path of open elements, so each error is tied to the element being
/// validated when libxml2 reports it: its parent, and the record it belongs to, come from that
/// path, never from another element on the same line.
public enum XMLSchemaValidator {
    /// The violations of the XML export at `path`, in plain English, sorted by line.
    ///
    /// - Throws: ``RecordLoadError`` when the file cannot be read, is not well-formed XML or
    ///   declares a DOCTYPE.
    public static func validate(path: String) throws(RecordLoadError) -> [StructuralViolation] {
        guard let schema = BundledSchema.shared.schema else {
            throw RecordLoadError(
                file: path, message: "the bundled XML Schema could not be read: \(BundledSchema.shared.problem)")
        }
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            throw RecordLoadError(file: path, message: "libxml2 could not create a schema validation context")
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let file = try InputReader(path: path)
        let descriptor = try file.rewound()
        let state = SchemaValidationState()
        let errors: [SchemaValidationState.Entry] = try withExtendedLifetime((file, state)) {
            () throws(RecordLoadError) in
            try parse(descriptor: descriptor, path: path, context: context, state: state)
        }
        var translator = SchemaMessageTranslator(path: path)
        translator.resolveColumns(for: errors)
        var seen: Set<String> = []
        var violations: [StructuralViolation] = []
        var unknownFields = RepeatedUnknownFields<SchemaMessageTranslator.UnknownField>()
        for entry in errors {
            let unknown = translator.unknownField(entry)
            if let unknown, unknownFields.isRepeat(unknown.key) { continue }
            guard let violation = translator.translate(entry), seen.insert(violation.description).inserted
            else { continue }
            if let unknown {
                unknownFields.keepFirst(
                    unknown.key, at: violations.count, message: violation.message, place: unknown.place)
            }
            violations.append(violation)
        }
        unknownFields.sayHowOften(in: &violations)
        return RepeatedValues.gathered(violations).sorted()
    }

    /// Parses the file open at `descriptor` with the schema validator plugged in; the schema
    /// errors in the order libxml2 reported them.
    private static func parse(
        descriptor: Int32, path: String, context: xmlSchemaValidCtxtPtr,
        state: SchemaValidationState
    ) throws(RecordLoadError) -> [SchemaValidationState.Entry] {
        let pointer = Unmanaged.passUnretained(state).toOpaque()
        var handler = xmlSAXHandler()
        handler.startElementNs = { context, localName, _, _, _, _, attributeCount, _, attributes in
            guard let context, let localName else { return }
            Unmanaged<SchemaValidationState>.fromOpaque(context).takeUnretainedValue()
                .start(localName, attributeCount: Int(attributeCount), attributes: attributes)
        }
        handler.endElementNs = { context, _, _, _ in
            guard let context else { return }
            Unmanaged<SchemaValidationState>.fromOpaque(context).takeUnretainedValue().end()
        }
        let characters: charactersSAXFunc = { context, bytes, length in
            guard let context, let bytes, length > 0 else { return }
            Unmanaged<SchemaValidationState>.fromOpaque(context).takeUnretainedValue().characters(bytes, Int(length))
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.internalSubset = { context, _, _, _ in
            guard let context else { return }
            Unmanaged<SchemaValidationState>.fromOpaque(context).takeUnretainedValue().doctype()
        }
        handler.reference = { context, _ in
            guard let context else { return }
            Unmanaged<SchemaValidationState>.fromOpaque(context).takeUnretainedValue().entityReference()
        }
        let source = XMLDescriptorSource(descriptor: descriptor)
        guard let parser = LibXMLParsing.descriptorParser(handler: &handler, context: pointer, source: source)
        else {
            throw RecordLoadError(file: path, message: "the file could not be opened as XML")
        }
        defer { LibXMLParsing.free(parser) }
        state.parser = parser
        defer { state.parser = nil }
        xmlSchemaSetValidStructuredErrors(
            context,
            { context, error in
                guard let context, let error else { return }
                Unmanaged<SchemaValidationState>.fromOpaque(context).takeUnretainedValue().schemaError(error.pointee)
            }, pointer)
        // Well-formedness errors are read from the parser afterwards; this keeps libxml2 from
        // printing them meanwhile (the handler is per thread).
        xmlSetStructuredErrorFunc(nil, { _, _ in })
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let raw = UnsafeMutableRawPointer(parser)
        let saxSlot = (raw + MemoryLayout<xmlParserCtxt>.offset(of: \xmlParserCtxt.sax)!)
            .assumingMemoryBound(to: xmlSAXHandlerPtr?.self)
        let userSlot = (raw + MemoryLayout<xmlParserCtxt>.offset(of: \xmlParserCtxt.userData)!)
            .assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
        guard let plug = xmlSchemaSAXPlug(context, saxSlot, userSlot) else {
            throw RecordLoadError(file: path, message: "libxml2 could not attach the schema validator")
        }
        xmlParseDocument(parser)
        xmlSchemaSAXUnplug(plug)
        if let place = source.attributeLimitReached {
            throw LibXMLParsing.attributeLimitError(path: path, line: place.line, column: place.column)
        }
        if let line = state.doctypeLine { throw XMLRecordLoader.doctypeError(path: path, line: line) }
        if let line = state.entityLine {
            throw RecordLoadError(
                file: path, line: line,
                message: "the export uses an entity reference, which records exports must not use")
        }
        if parser.pointee.wellFormed == 0 {
            if let error = xmlCtxtGetLastError(parser)?.pointee, error.code != 0 {
                let text = LibXMLParsing.errorText(error) ?? "unknown XML error"
                throw RecordLoadError(
                    file: path, line: Int(error.line), column: Int(error.int2),
                    message: "the file is not valid XML: \(text)")
            }
            throw RecordLoadError(
                file: path, line: LibXMLParsing.position(parser).line,
                message: "the file is not valid XML")
        }
        return state.entries
    }

    /// The bundled XML Schema's text.
    public static var schemaText: String? { BundledSchema.resourceText(named: "records.xsd") }
}

/// The parsed bundled schema, shared read-only by every validation (libxml2 allows one
/// `xmlSchema` to serve several validation contexts).
private final class BundledSchema: @unchecked Sendable {
    static let shared = BundledSchema()
    let schema: xmlSchemaPtr?
    private(set) var problem = ""

    private init() {
        _ = LibXMLParsing.setUp
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
        let sink = SchemaParseErrors()
        schema = withExtendedLifetime((sink, bytes)) {
            xmlSchemaSetParserStructuredErrors(
                parser,
                { context, error in
                    guard let context, let error else { return }
                    let sink = Unmanaged<SchemaParseErrors>.fromOpaque(context).takeUnretainedValue()
                    if sink.first == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue {
                        sink.first = error.pointee.message.map { String(cString: $0) }
                    }
                }, Unmanaged.passUnretained(sink).toOpaque())
            return xmlSchemaParse(parser)
        }
        if schema == nil { problem = sink.first ?? "libxml2 rejected it" }
    }

    static func resourceText(named name: String) -> String? {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2,
            let url = Bundle.module.url(forResource: parts[0], withExtension: parts[1], subdirectory: "schemas"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The first error of the schema's own parse.
private final class SchemaParseErrors {
    var first: String?
}

/// What the SAX callbacks of one validation keep: the open elements, the record each belongs
/// to, and the schema errors with the element each concerns.
final class SchemaValidationState {
    /// The record an element belongs to: a top-level collection's item, or a group.
    final class Owner {
        let collection: String
        /// The record's `id`, from its attribute or, once read, its `<id>` child; nil for a group.
        var record: String?
        let isGroup: Bool
        init(collection: String, isGroup: Bool) {
            self.collection = collection
            self.isGroup = isGroup
        }
    }

    /// Where a start tag is: the line where it ends (libxml2's line for it) and which of the
    /// start tags ending on that line it is (1-based).
    struct TagKey: Hashable {
        var line: Int
        var ordinal: Int
    }

    /// One schema error, with the element being validated when libxml2 reported it.
    struct Entry {
        var line: Int
        var message: String
        /// The element's name and its start tag; nil when no element was open.
        var element: String?
        var tag: TagKey?
        /// The element's parent's name ("" for the root).
        var parent: String?
        /// The record the element belongs to, if any.
        var owner: Owner?
    }

    private struct Frame {
        var name: UnsafePointer<xmlChar>
        var tag: TagKey
        var owner: Owner?
    }

    var parser: xmlParserCtxtPtr?
    private(set) var entries: [Entry] = []
    private(set) var doctypeLine: Int?
    private(set) var entityLine: Int?
    private var stack: [Frame] = []
    /// An element whose end was seen: it stays on top of the stack until the next callback, so
    /// the validator's errors about its end (a bad value, a duplicate id) still find it.
    private var endPending = false
    private var tagLine = 0
    private var tagOrdinal = 0
    /// The text of an `<id>` child of a record, while it is read.
    private var idText: [UInt8]?

    private var line: Int { Int(parser?.pointee.input?.pointee.line ?? 0) }

    /// Takes off the stack an element whose end was seen before this callback.
    private func settle() {
        if endPending {
            endPending = false
            stack.removeLast()
        }
    }

    func start(
        _ name: UnsafePointer<xmlChar>, attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        settle()
        let line = self.line
        if line == tagLine { tagOrdinal += 1 } else { tagLine = line; tagOrdinal = 1 }
        var owner = stack.last?.owner
        switch stack.count {
        case 1:
            // A collection or group under <records>.
            let text = String(cString: name)
            if let entry = RecordsContract.entry(text) {
                owner = Owner(collection: text, isGroup: entry.isGroup)
            }
        case 2:
            // An item of a collection: a record of its own.
            if let collection = owner, !collection.isGroup {
                let record = Owner(collection: collection.collection, isGroup: false)
                record.record = Self.idAttribute(attributeCount: attributeCount, attributes: attributes)
                owner = record
            }
        case 3:
            if let record = owner, !record.isGroup, record.record == nil, Self.isID(name) { idText = [] }
        default:
            break
        }
        stack.append(Frame(name: name, tag: TagKey(line: line, ordinal: tagOrdinal), owner: owner))
    }

    func end() {
        settle()
        if let text = idText, stack.count == 4, let owner = stack.last?.owner {
            let id = text.withUnsafeBufferPointer { trimmedScalar(bytes: $0) }
            if owner.record == nil, !id.isEmpty { owner.record = id }
            idText = nil
        }
        endPending = true
    }

    func characters(_ bytes: UnsafePointer<xmlChar>, _ count: Int) {
        settle()
        if idText != nil { idText!.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count)) }
    }

    func doctype() {
        if doctypeLine == nil { doctypeLine = line }
        if let parser { xmlStopParser(parser) }
    }

    func entityReference() {
        if entityLine == nil { entityLine = line }
        if let parser { xmlStopParser(parser) }
    }

    func schemaError(_ error: xmlError) {
        guard let text = LibXMLParsing.errorText(error) else { return }
        // In a streamed validation libxml2 gives no line for attribute errors: the parser's is theirs.
        var entry = Entry(line: error.line > 0 ? Int(error.line) : line, message: text)
        if let top = stack.last {
            entry.element = String(cString: top.name)
            entry.tag = top.tag
            entry.parent = stack.count >= 2 ? String(cString: stack[stack.count - 2].name) : ""
            entry.owner = top.owner
        }
        entries.append(entry)
    }

    private static func isID(_ name: UnsafePointer<xmlChar>) -> Bool {
        name[0] == UInt8(ascii: "i") && name[1] == UInt8(ascii: "d") && name[2] == 0
    }

    /// The value of the `id` attribute among libxml2's attribute array (five pointers each:
    /// local name, prefix, URI, value start, value end).
    private static func idAttribute(attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?)
        -> String?
    {
        guard let attributes else { return nil }
        for index in 0..<attributeCount {
            guard let name = attributes[5 * index], isID(name), attributes[5 * index + 1] == nil,
                let start = attributes[5 * index + 3], let end = attributes[5 * index + 4]
            else { continue }
            let id = trimmedScalar(bytes: UnsafeBufferPointer(start: start, count: end - start))
            return id.isEmpty ? nil : id
        }
        return nil
    }
}
