internal import CLibXML2
#if canImport(Glibc)
    import Glibc
#endif

/// Reads the XML spelling of a records export into a ``Record`` tree, streaming with libxml2's
/// SAX2 parser on one core while the tree is built on another (``XMLEventWriter`` hands parse
/// events to ``XMLTreeBuilderTask``), set up by ``LibXMLParsing``.
///
/// Hardened for untrusted files by ``LibXMLParsing`` (its options and refusal of external
/// entities); any DOCTYPE or entity reference is rejected here.
enum XMLRecordLoader {
    /// The deepest nesting of elements accepted (the same limit libxml2 applies by default).
    static let maximumDepth = 256

    /// Parses the file open at `descriptor` (named `path` in messages; not closed here) into the
    /// top-level record (the `<records>` element).
    ///
    /// libxml2's SAX2 parser calls the event writer for each start tag, piece of text and end tag;
    /// no libxml2 document tree is built. It reads the descriptor with `read`, so another thread
    /// may hash the same file with `pread` meanwhile.
    static func load(descriptor: Int32, path: String, fileIndex: Int32, names: NameTable) throws(RecordLoadError)
        -> Record
    {
        let queue = XMLEventQueue()
        var status = stat()
        // A pipe has no size: size the table of shared texts for a large file.
        let inputBytes = fstat(descriptor, &status) == 0 && status.st_size > 0 ? Int(status.st_size) : Int.max
        let builder = XMLTreeBuilderTask(
            path: path, fileIndex: fileIndex, names: names, queue: queue, inputBytes: inputBytes)
        // The record tree is built on a second core from the events this thread's parse hands over.
        queue.startBuilding { builder.run() }
        // The writer lives at a fixed address the callbacks reach through their context pointer;
        // a struct behind a pointer has no run-time exclusivity checks, unlike a class's properties.
        let writer = UnsafeMutablePointer<XMLEventWriter>.allocate(capacity: 1)
        writer.initialize(to: XMLEventWriter(path: path, fileIndex: fileIndex, names: names, queue: queue))
        defer {
            writer.deinitialize(count: 1)
            writer.deallocate()
        }
        var handler = xmlSAXHandler()
        handler.startElementNs = { context, localName, _, _, _, _, attributeCount, _, attributes in
            guard let context, let localName else { return }
            context.assumingMemoryBound(to: XMLEventWriter.self).pointee
                .startElement(localName, attributeCount: Int(attributeCount), attributes: attributes)
        }
        handler.endElementNs = { context, _, _, _ in
            guard let context else { return }
            context.assumingMemoryBound(to: XMLEventWriter.self).pointee.endElement()
        }
        let characters: charactersSAXFunc = { context, bytes, length in
            guard let context, let bytes, length > 0 else { return }
            context.assumingMemoryBound(to: XMLEventWriter.self).pointee.characters(bytes, Int(length))
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.internalSubset = { context, _, _, _ in
            guard let context else { return }
            context.assumingMemoryBound(to: XMLEventWriter.self).pointee.doctype()
        }
        handler.reference = { context, _ in
            guard let context else { return }
            context.assumingMemoryBound(to: XMLEventWriter.self).pointee.entityReference()
        }
        handler.serror = { context, error in
            guard let context, let error, let text = LibXMLParsing.errorText(error.pointee) else { return }
            context.assumingMemoryBound(to: XMLEventWriter.self).pointee.libxmlError(
                line: Int(error.pointee.line), column: Int(error.pointee.int2), message: text)
        }
        let source = XMLDescriptorSource(descriptor: descriptor)
        let parser = LibXMLParsing.descriptorParser(
            handler: &handler, context: UnsafeMutableRawPointer(writer), source: source)
        var wellFormed = false
        var endLine = 0, endColumn = 0
        if let parser {
            writer.pointee.parser = parser
            xmlParseDocument(parser)
            writer.pointee.parser = nil
            wellFormed = parser.pointee.wellFormed == 1
            (endLine, endColumn) = LibXMLParsing.position(parser)
            LibXMLParsing.free(parser)
        }
        writer.pointee.finish()
        queue.waitForBuilder()
        if let place = source.attributeLimitReached {
            throw LibXMLParsing.attributeLimitError(path: path, line: place.line, column: place.column)
        }
        // The builder only sees events before any parse error, so its own error comes first in the file.
        if let failure = builder.failure ?? writer.pointee.failure { throw failure }
        guard parser != nil else {
            throw RecordLoadError(file: path, message: "the file could not be opened as XML")
        }
        guard wellFormed else {
            throw RecordLoadError(file: path, line: endLine, column: endColumn, message: "the file is not valid XML")
        }
        guard let root = builder.root else {
            throw RecordLoadError(file: path, message: "the file has no <records> element")
        }
        return root
    }
}

extension XMLRecordLoader {
    /// The error for an export that declares a DOCTYPE.
    static func doctypeError(path: String, line: Int, column: Int = 0) -> RecordLoadError {
        RecordLoadError(
            file: path, line: line, column: column,
            message:
                "the export contains a DOCTYPE declaration; records exports must not declare a DTD or entities, which could read other files"
        )
    }

    /// The line of a `<!DOCTYPE` in the prolog at the start of `bytes`, or nil when there is none.
    static func doctypeLine(in bytes: [UInt8]) -> Int? { doctypePosition(in: bytes)?.line }

    /// The line and column of a `<!DOCTYPE` in the prolog at the start of `bytes` (after any XML
    /// declaration, processing instructions, comments and whitespace), or nil when there is none.
    ///
    /// Checked before libxml2 sees the file, so a DOCTYPE is refused before its internal subset
    /// is parsed at all; the SAX2 `internalSubset` callback stays as a second line of defence.
    /// UTF-16 files (which libxml2 reads) are transcoded first, so they cannot slip past.
    static func doctypePosition(in raw: [UInt8]) -> (line: Int, column: Int)? {
        let bytes = utf16Transcoded(raw) ?? raw
        var index = 0
        var line = 1
        var lineStart = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
            lineStart = 3
        }
        func starts(_ text: String, at position: Int) -> Bool {
            let pattern = Array(text.utf8)
            guard position + pattern.count <= bytes.count else { return false }
            for offset in 0..<pattern.count where bytes[position + offset] != pattern[offset] { return false }
            return true
        }
        /// Moves past `terminator`, counting lines; false when it never comes.
        func skip(past terminator: String) -> Bool {
            while index < bytes.count {
                if starts(terminator, at: index) {
                    index += terminator.utf8.count
                    return true
                }
                if bytes[index] == 0x0A {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
            return false
        }
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A:
                line += 1
                index += 1
                lineStart = index
            case 0x20, 0x09, 0x0D:
                index += 1
            case UInt8(ascii: "<"):
                if starts("<?", at: index) {
                    guard skip(past: "?>") else { return nil }
                } else if starts("<!--", at: index) {
                    guard skip(past: "-->") else { return nil }
                } else if starts("<!DOCTYPE", at: index) {
                    return (line, index - lineStart + 1)
                } else {
                    return nil
                }
            default:
                return nil
            }
        }
        return nil
    }

    /// `bytes` as UTF-8 when they start as UTF-16 (with a byte order mark, or `<` as a 16-bit
    /// unit); nil otherwise. A trailing odd byte is dropped.
    static func utf16Transcoded(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 2 else { return nil }
        let littleEndian: Bool
        var start = 0
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE): littleEndian = true; start = 2
        case (0xFE, 0xFF): littleEndian = false; start = 2
        case (0x3C, 0x00): littleEndian = true
        case (0x00, 0x3C): littleEndian = false
        default: return nil
        }
        var units: [UInt16] = []
        units.reserveCapacity((bytes.count - start) / 2)
        var k = start
        while k + 1 < bytes.count {
            let a = UInt16(bytes[k]), b = UInt16(bytes[k + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            k += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}

/// True when `item` is the singular of the collection name `container` (`complaints`/`complaint`,
/// `analyses`/`analysis`, `people`/`person`…, ``ContractSchemas/singular(of:)``), or one of the
/// generic item names.
func isSingular(_ item: String, of container: String) -> Bool {
    item == "item" || item == "entry" || item == ContractSchemas.singular(of: container)
}
