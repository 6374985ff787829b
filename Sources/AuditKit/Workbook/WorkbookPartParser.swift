internal import CLibXML2

/// Streams one XML part of a workbook through libxml2's SAX2 push parser, set up by
/// ``LibXMLParsing`` (no network, no entities, no DTD), a chunk at a time as the ZIP entry is
/// inflated: no part is ever held whole, and no tree is built. Any DOCTYPE or entity reference
/// is refused.
final class WorkbookPartParser {
    /// The workbook's path and the part's name, for messages (`registers.xlsx (xl/workbook.xml)`).
    private let place: String
    private let handler: WorkbookPartHandler
    private var parser: xmlParserCtxtPtr?
    private var sax = xmlSAXHandler()
    /// The first problem met: a libxml2 error, a refused construct or the handler's own error.
    private(set) var failure: RecordLoadError?

    /// A parser for the part named in `place`, reporting to `handler`.
    init(place: String, handler: WorkbookPartHandler) {
        self.place = place
        self.handler = handler
        sax.startElementNs = { context, localName, _, _, _, _, attributeCount, _, attributes in
            guard let context, let localName else { return }
            let parser = Unmanaged<WorkbookPartParser>.fromOpaque(context).takeUnretainedValue()
            var values: [String: String] = [:]
            if let attributes {
                for index in 0..<Int(attributeCount) {
                    guard let name = attributes[5 * index], let start = attributes[5 * index + 3],
                        let end = attributes[5 * index + 4]
                    else { continue }
                    values[String(cString: name)] = LibXMLParsing.attributeText(
                        UnsafeBufferPointer(start: start, count: end - start))
                }
            }
            parser.deliver { () throws(RecordLoadError) in
                try parser.handler.start(String(cString: localName), attributes: values)
            }
        }
        sax.endElementNs = { context, localName, _, _ in
            guard let context, let localName else { return }
            let parser = Unmanaged<WorkbookPartParser>.fromOpaque(context).takeUnretainedValue()
            parser.deliver { () throws(RecordLoadError) in try parser.handler.end(String(cString: localName)) }
        }
        let characters: charactersSAXFunc = { context, bytes, length in
            guard let context, let bytes, length > 0 else { return }
            let parser = Unmanaged<WorkbookPartParser>.fromOpaque(context).takeUnretainedValue()
            guard parser.failure == nil else { return }
            parser.handler.text(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        sax.characters = characters
        sax.ignorableWhitespace = characters
        sax.internalSubset = { context, _, _, _ in
            guard let context else { return }
            Unmanaged<WorkbookPartParser>.fromOpaque(context).takeUnretainedValue().refuse(
                "declares a DOCTYPE; workbook parts never need one, and it could make the reader fetch other files")
        }
        sax.reference = { context, _ in
            guard let context else { return }
            Unmanaged<WorkbookPartParser>.fromOpaque(context).takeUnretainedValue().refuse(
                "uses an entity reference, which workbook parts never need")
        }
        sax.serror = { context, error in
            guard let context, let error, let text = LibXMLParsing.errorText(error.pointee) else { return }
            let parser = Unmanaged<WorkbookPartParser>.fromOpaque(context).takeUnretainedValue()
            if parser.failure == nil {
                parser.failure = RecordLoadError(
                    file: parser.place, line: Int(error.pointee.line), column: Int(error.pointee.int2),
                    message: XMLErrorMessage.plain(text))
            }
        }
        parser = LibXMLParsing.pushParser(handler: &sax, context: Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        if let parser { LibXMLParsing.free(parser) }
    }

    /// Parses the next piece of the part.
    func feed(_ bytes: UnsafeRawBufferPointer) throws(RecordLoadError) {
        guard let parser else { throw RecordLoadError(file: place, message: "libxml2 could not create a parser") }
        let going = LibXMLParsing.push(parser, bytes, final: false)
        if let failure { throw failure }
        if LibXMLParsing.attributeLimitReached(parser) {
            let (line, column) = LibXMLParsing.position(parser)
            throw LibXMLParsing.attributeLimitError(path: place, line: line, column: column)
        }
        if !going { throw RecordLoadError(file: place, message: "the part is not valid XML") }
    }

    /// Ends the part: anything left open is an error.
    func finish() throws(RecordLoadError) {
        guard let parser else { throw RecordLoadError(file: place, message: "libxml2 could not create a parser") }
        let going = LibXMLParsing.push(parser, UnsafeRawBufferPointer(start: nil, count: 0), final: true)
        if let failure { throw failure }
        if !going || parser.pointee.wellFormed == 0 {
            let (line, column) = LibXMLParsing.position(parser)
            throw RecordLoadError(file: place, line: line, column: column, message: "the part is not valid XML")
        }
    }

    /// Runs a handler call, keeping its error and stopping the parse on the first one.
    private func deliver(_ call: () throws(RecordLoadError) -> Void) {
        guard failure == nil else { return }
        do {
            try call()
        } catch {
            failure = error
            if let parser { xmlStopParser(parser) }
        }
    }

    private func refuse(_ what: String) {
        let line = parser.map { LibXMLParsing.position($0).line } ?? 0
        if failure == nil { failure = RecordLoadError(file: place, line: line, message: "the part " + what) }
        if let parser { xmlStopParser(parser) }
    }
}
