internal import CLibXML2
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one place where the project's libxml2 parsers are set up: the hardened parse options,
/// the process-wide refusal of external entities, the creation of SAX2 parser contexts (fed from
/// a file descriptor or pushed in chunks) and the copying of libxml2's errors into Swift text.
///
/// Every parse of untrusted XML (records exports, their schema validation, workbook parts) goes
/// through here, so the hardening cannot differ between them:
/// - `XML_PARSE_NONET`: no network access; `XML_PARSE_NOCDATA`: CDATA arrives as text.
/// - Never `XML_PARSE_NOENT` (entity substitution reads local files even with NONET), never
///   `XML_PARSE_DTDLOAD`/`DTDATTR`/`DTDVALID`/`XINCLUDE` (they load external resources), never
///   `XML_PARSE_HUGE` (it lifts the entity-amplification and 10 MB text-node limits), never
///   `XML_PARSE_RECOVER` (a checker reports malformed input instead of guessing).
/// - An external entity loader that refuses everything, installed once per process.
/// Callers also reject any DOCTYPE (the SAX2 `internalSubset` callback) and entity reference
/// (the `reference` callback): records and workbook parts never need one.
enum LibXMLParsing {
    /// The options every parse uses (see the type's documentation).
    static let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)

    /// Initialises libxml2 and refuses every external entity; done once per process, on first use.
    static let setUp: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    /// A SAX2 parser context that reads `source` (its descriptor is not closed; another thread
    /// may `pread` the same file meanwhile), with ``options`` set. `handler` must stay valid
    /// while the context lives, and `source` until it is freed; `context` is passed to the
    /// handler's callbacks. Free the result with ``free(_:)``, then read
    /// ``XMLDescriptorSource/attributeLimitReached``.
    static func descriptorParser(
        handler: inout xmlSAXHandler, context: UnsafeMutableRawPointer,
        source: XMLDescriptorSource
    ) -> xmlParserCtxtPtr? {
        _ = setUp
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        let parser = xmlCreateIOParserCtxt(
            &handler, context,
            { source, buffer, length in
                guard let source, let buffer else { return -1 }
                return Unmanaged<XMLDescriptorSource>.fromOpaque(source).takeUnretainedValue().fill(
                    buffer, length: Int(length))
            }, nil, Unmanaged.passUnretained(source).toOpaque(), XML_CHAR_ENCODING_NONE)
        if let parser { xmlCtxtUseOptions(parser, options) }
        source.parser = parser
        return parser
    }

    /// A SAX2 push parser context, fed with ``push(_:_:final:)``, with ``options`` set.
    /// `handler` must stay valid while the context lives; `context` is passed to its callbacks.
    /// Free the result with ``free(_:)``.
    static func pushParser(handler: inout xmlSAXHandler, context: UnsafeMutableRawPointer) -> xmlParserCtxtPtr? {
        _ = setUp
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        let parser = xmlCreatePushParserCtxt(&handler, context, nil, 0, nil)
        if let parser { xmlCtxtUseOptions(parser, options) }
        return parser
    }

    /// Feeds `bytes` to a push parser (call with no bytes and `final` at the end). Feed pieces
    /// of at most about 64 KiB: libxml2 refuses one chunk past 10 MB without `XML_PARSE_HUGE`.
    /// - Returns: False when the parser stopped (an error, or a callback stopped it).
    static func push(_ parser: xmlParserCtxtPtr, _ bytes: UnsafeRawBufferPointer, final: Bool) -> Bool {
        let status = bytes.withMemoryRebound(to: CChar.self) { chars in
            xmlParseChunk(parser, chars.baseAddress, Int32(chars.count), final ? 1 : 0)
        }
        return status == 0 && parser.pointee.disableSAX == 0
    }

    /// How many attributes a start tag must pass to be refused. libxml2 (2.9) compares each
    /// attribute of a tag with every earlier one, so a hostile tag of 200,000 attributes took
    /// minutes; a record has a few dozen fields. Checked as the parser asks for more input (at
    /// most one more read of 4 KB, or one pushed piece, is parsed past it).
    static let attributeLimit = 1_000  // written "1,000" in attributeLimitError

    /// True once the parser has met a start tag with more than ``attributeLimit`` attributes.
    /// It reads libxml2's attribute table, which holds five slots an attribute and doubles when
    /// a tag fills it (to twice the slots in use plus five): a size above ten slots per allowed
    /// attribute was reached by a tag with more. The table grows in steps, so a tag is refused
    /// only once it passes the step above the limit (1,662 attributes for a limit of 1,000).
    static func attributeLimitReached(_ parser: xmlParserCtxtPtr) -> Bool {
        Int(parser.pointee.maxatts) > 10 * (attributeLimit + 1)
    }

    /// The error for a start tag past ``attributeLimit``, at the parser's place in the file.
    static func attributeLimitError(path: String, line: Int, column: Int) -> RecordLoadError {
        RecordLoadError(
            file: path, line: line, column: column,
            message:
                "an element has more than 1,000 attributes; a record has a few dozen fields at most, so the file was not read further"
        )
    }

    /// Frees a parser context made here.
    static func free(_ parser: xmlParserCtxtPtr) { xmlFreeParserCtxt(parser) }

    /// The message of a libxml2 error of level error or fatal, on one line without the trailing
    /// line break; nil for warnings.
    static func errorText(_ error: xmlError) -> String? {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return nil }
        var text = error.message.map { String(cString: $0) } ?? "unknown XML error"
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }

    /// Where the parser is: its current line and column.
    static func position(_ parser: xmlParserCtxtPtr) -> (line: Int, column: Int) {
        (Int(parser.pointee.input?.pointee.line ?? 0), Int(parser.pointee.input?.pointee.col ?? 0))
    }

    /// An attribute value as libxml2 hands it to SAX2 handlers: the parser writes `&amp;` and
    /// `&#38;` as `&#38;` for the handler to decode (no other `&` can remain), so decode it here.
    static func attributeText(_ bytes: UnsafeBufferPointer<xmlChar>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return trimmedScalar(bytes: bytes) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        let entity: [UInt8] = Array("&#38;".utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), index + entity.count <= bytes.count,
                bytes[index..<index + entity.count].elementsEqual(entity)
            {
                decoded.append(UInt8(ascii: "&"))
                index += entity.count
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return decoded.withUnsafeBufferPointer { trimmedScalar(bytes: $0) }
    }
}
