internal import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// Reads the XML spelling of a records export into a ``Record`` tree, streaming with libxml2's
/// SAX2 parser. The only file that touches libxml2: nothing C-shaped leaves it.
///
/// Hardened for untrusted files: no network, no entity substitution, no DTD loading, an external
/// entity loader that refuses everything, and any DOCTYPE or entity reference is rejected.
enum XMLRecordLoader {
    /// The deepest nesting of elements accepted (the same limit libxml2 applies by default).
    static let maximumDepth = 256

    /// Parses the file open at `descriptor` (named `path` in messages; not closed here) into the
    /// top-level record (the `<records>` element).
    ///
    /// libxml2's SAX2 parser calls the builder for each start tag, piece of text and end tag; no
    /// document tree is built. It reads the descriptor with `read`, so another thread may hash the
    /// same file with `pread` meanwhile.
    static func load(descriptor: Int32, path: String, fileIndex: Int32) throws(RecordLoadError) -> Record {
        _ = libxmlSetUp
        // The builder lives at a fixed address the callbacks reach through their context pointer;
        // a struct behind a pointer has no run-time exclusivity checks, unlike a class's properties.
        let builder = UnsafeMutablePointer<XMLTreeBuilder>.allocate(capacity: 1)
        builder.initialize(to: XMLTreeBuilder(path: path, fileIndex: fileIndex))
        defer {
            builder.deinitialize(count: 1)
            builder.deallocate()
        }
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, localName, _, _, _, _, attributeCount, _, attributes in
            guard let context, let localName else { return }
            context.assumingMemoryBound(to: XMLTreeBuilder.self).pointee
                .startElement(localName, attributeCount: Int(attributeCount), attributes: attributes)
        }
        handler.endElementNs = { context, _, _, _ in
            guard let context else { return }
            context.assumingMemoryBound(to: XMLTreeBuilder.self).pointee.endElement()
        }
        let characters: charactersSAXFunc = { context, bytes, length in
            guard let context, let bytes, length > 0 else { return }
            context.assumingMemoryBound(to: XMLTreeBuilder.self).pointee.characters(bytes, Int(length))
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.internalSubset = { context, _, _, _ in
            guard let context else { return }
            context.assumingMemoryBound(to: XMLTreeBuilder.self).pointee.doctype()
        }
        handler.reference = { context, _ in
            guard let context else { return }
            context.assumingMemoryBound(to: XMLTreeBuilder.self).pointee.entityReference()
        }
        handler.serror = { context, error in
            guard let context, let error else { return }
            let details = error.pointee
            guard details.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            var text = details.message.map { String(cString: $0) } ?? "unknown XML error"
            while text.last?.isWhitespace == true { text.removeLast() }
            context.assumingMemoryBound(to: XMLTreeBuilder.self).pointee.libxmlError(
                line: Int(details.line), column: Int(details.int2), message: text)
        }
        do {
            let context = UnsafeMutableRawPointer(builder)
            let source = UnsafeMutableRawPointer(bitPattern: Int(descriptor) + 1)
            guard let parser = xmlCreateIOParserCtxt(&handler, context, { source, buffer, length in
                guard let source, let buffer else { return -1 }
                let descriptor = Int32(Int(bitPattern: source) - 1)
                while true {
                    let count = read(descriptor, buffer, Int(length))
                    if count >= 0 { return Int32(count) }
                    if errno != EINTR { return -1 }
                }
            }, nil, source, XML_CHAR_ENCODING_NONE) else {
                throw RecordLoadError(file: path, message: "the file could not be opened as XML")
            }
            defer { xmlFreeParserCtxt(parser) }
            xmlCtxtUseOptions(parser, hardenedOptions)
            builder.pointee.parser = parser
            xmlParseDocument(parser)
            builder.pointee.parser = nil
            if let failure = builder.pointee.failure { throw failure }
            guard parser.pointee.wellFormed == 1 else {
                throw RecordLoadError(file: path, line: Int(parser.pointee.input?.pointee.line ?? 0),
                                      column: Int(parser.pointee.input?.pointee.col ?? 0),
                                      message: "the file is not valid XML")
            }
            guard let root = builder.pointee.root else {
                throw RecordLoadError(file: path, message: "the file has no <records> element")
            }
            return root
        }
    }
}

extension XMLRecordLoader {
    /// The error for an export that declares a DOCTYPE.
    static func doctypeError(path: String, line: Int, column: Int = 0) -> RecordLoadError {
        RecordLoadError(
            file: path, line: line, column: column,
            message: "the export contains a DOCTYPE declaration; records exports must not declare a DTD or entities, which could read other files")
    }

    /// The line of a `<!DOCTYPE` in the prolog at the start of `bytes`, or nil when there is none.
    static func doctypeLine(in bytes: [UInt8]) -> Int? { doctypePosition(in: bytes)?.line }

    /// The line and column of a `<!DOCTYPE` in the prolog at the start of `bytes` (after any XML
    /// declaration, processing instructions, comments and whitespace), or nil when there is none.
    ///
    /// Checked before libxml2 sees the file, so a DOCTYPE is refused before its internal subset
    /// is parsed at all; the reader's DOCTYPE node check stays as a second line of defence.
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

private let hardenedOptions = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)

/// Process-wide libxml2 set-up, done once: initialise and refuse every external entity.
private let libxmlSetUp: Void = {
    xmlInitParser()
    xmlSetExternalEntityLoader { _, _, _ in nil }
}()

/// An element or attribute name, interned once.
private struct XMLName {
    var name: Name
    var text: String
    /// True when the records contract lists this name as a list field.
    var isListField: Bool
}

/// One element whose end has not been read yet.
private struct XMLFrame {
    var name: Int32
    var location: SourceLocation
    /// Which start tag on its line this element's is (1 for the first), to find its column.
    var ordinal: Int32
    /// Where this element's children start in the builder's shared child stack.
    var childStart: Int
    /// Where this element's attributes start in the builder's shared attribute stack, and how many
    /// there are (including attributes with blank values, which are not stored as fields).
    var attributeStart: Int
    var attributeCount: Int
}

private struct XMLChild {
    var name: Int32
    var value: Value?
    var line: Int32
    var ordinal: Int32
}

private struct XMLAttribute {
    var name: Int32
    var value: Value?
}

/// Names keyed by the address of libxml2's interned copy of them.
///
/// The parser interns every element and attribute name in its dictionary, which lives (and never
/// frees a string) until the parser is freed, so one address is one name for the whole parse. Only
/// addresses the dictionary owns are remembered; any other string is looked up by text.
private struct DictionaryNameCache {
    private var keys = [UInt](repeating: 0, count: 256)
    private var slots = [Int32](repeating: 0, count: 256)
    private var count = 0

    @inline(__always)
    private static func hash(_ key: UInt, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The name number cached at `key`, or nil.
    @inline(__always)
    func lookup(_ key: UInt) -> Int32? {
        let mask = keys.count - 1
        var index = DictionaryNameCache.hash(key, mask)
        while true {
            let found = keys[index]
            if found == key { return slots[index] }
            if found == 0 { return nil }
            index = (index + 1) & mask
        }
    }

    mutating func insert(_ key: UInt, _ slot: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        place(key, slot)
        count += 1
    }

    private mutating func place(_ key: UInt, _ slot: Int32) {
        let mask = keys.count - 1
        var index = DictionaryNameCache.hash(key, mask)
        while keys[index] != 0 { index = (index + 1) & mask }
        keys[index] = key
        slots[index] = slot
    }

    private mutating func grow() {
        let oldKeys = keys, oldSlots = slots
        keys = [UInt](repeating: 0, count: oldKeys.count * 2)
        slots = [Int32](repeating: 0, count: oldKeys.count * 2)
        for k in 0..<oldKeys.count where oldKeys[k] != 0 { place(oldKeys[k], oldSlots[k]) }
    }
}

/// Builds the record tree from libxml2's SAX2 events. Its methods are called from C callbacks,
/// which cannot throw: the first problem is kept in ``failure`` and the parser is stopped.
private struct XMLTreeBuilder {
    let path: String
    let fileIndex: Int32
    /// The parser, while it runs (for line numbers and to stop it).
    var parser: xmlParserCtxtPtr?
    /// The first error: libxml2's or the builder's, whichever came first.
    private(set) var failure: RecordLoadError?
    private(set) var root: Record?

    /// Every distinct name seen, by number; ``nameCache`` maps libxml2's addresses to these numbers.
    private var names: [XMLName] = []
    private var numbers: [String: Int32] = [:]
    private var nameCache = DictionaryNameCache()
    private var stack: [XMLFrame] = []
    /// The finished children of every open element, innermost last (one shared buffer, so an
    /// element does not allocate an array of its own).
    private var children: [XMLChild] = []
    private var attributes: [XMLAttribute] = []
    /// The text of the innermost open element since its start tag.
    private var text: [UInt8] = []
    /// The line of the last start tag and how many start tags that line has had so far.
    private var startLine: Int32 = 0
    private var startOrdinal: Int32 = 0

    init(path: String, fileIndex: Int32) {
        self.path = path
        self.fileIndex = fileIndex
        stack.reserveCapacity(32)
        children.reserveCapacity(256)
        attributes.reserveCapacity(16)
        text.reserveCapacity(256)
    }

    // MARK: Events

    mutating func startElement(_ localName: UnsafePointer<xmlChar>, attributeCount: Int,
                      attributes raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard failure == nil else { return }
        let number = nameNumber(localName)
        let line = currentLine()
        if line == startLine {
            startOrdinal += 1
        } else {
            startLine = line
            startOrdinal = 1
        }
        if stack.isEmpty, names[Int(number)].text != "records" {
            return fail(elementError(
                line: line, ordinal: startOrdinal,
                "the root element must be <records>, but this file's root element is <\(names[Int(number)].text)>"))
        }
        guard stack.count < XMLRecordLoader.maximumDepth else {
            return fail(elementError(line: line, ordinal: startOrdinal,
                                     "nesting is deeper than \(XMLRecordLoader.maximumDepth) levels"))
        }
        let attributeStart = attributes.count
        if attributeCount > 0, let raw {
            // Five pointers an attribute: local name, prefix, namespace, value start, value end.
            for k in 0..<attributeCount {
                guard let attributeName = raw[5 * k] else { continue }
                let attribute = nameNumber(attributeName)
                var index = attributeStart
                while index < attributes.count {
                    if attributes[index].name == attribute {
                        return fail(elementError(
                            line: line, ordinal: startOrdinal,
                            "the field \"\(names[Int(attribute)].text)\" appears twice in <\(names[Int(number)].text)>"))
                    }
                    index += 1
                }
                var value: Value?
                if let start = raw[5 * k + 3], let end = raw[5 * k + 4], end > start {
                    let scalar = attributeText(UnsafeBufferPointer(start: start, count: end - start))
                    if !scalar.isEmpty { value = .text(scalar) }
                }
                attributes.append(XMLAttribute(name: attribute, value: value))
            }
        }
        stack.append(XMLFrame(name: number, location: SourceLocation(file: fileIndex, line: Int(line), column: 0),
                              ordinal: startOrdinal, childStart: children.count,
                              attributeStart: attributeStart, attributeCount: attributes.count - attributeStart))
        if !text.isEmpty { text.removeLast(text.count) }
    }

    @inline(__always)
    mutating func characters(_ bytes: UnsafePointer<xmlChar>, _ length: Int) {
        // Text matters only in an element with no child elements so far.
        guard let last = stack.last, children.count == last.childStart, failure == nil else { return }
        // libxml2's tree builder refuses text nodes this long without XML_PARSE_HUGE; so do we.
        guard text.count + length <= XMLErrorMessage.maximumTextLength else {
            return fail(RecordLoadError(
                file: path, line: Int(currentLine()), column: Int(parser?.pointee.input?.pointee.col ?? 0),
                message: "a text value is longer than 10,000,000 characters, the most one field may hold"))
        }
        text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
    }

    mutating func endElement() {
        guard failure == nil, let frame = stack.popLast() else { return }
        // The slices are temporaries (never bound to a name), so removing the children afterwards
        // does not copy the shared buffers.
        if stack.isEmpty {
            if let record = record(frame, attributes[frame.attributeStart...], children[frame.childStart...]) {
                root = record
            } else if failure == nil {
                root = Record(fields: [], location: frame.location)
            }
        } else {
            let value = convert(frame, attributes[frame.attributeStart...], children[frame.childStart...])
            if failure != nil { return }
            children.removeLast(children.count - frame.childStart)
            children.append(XMLChild(name: frame.name, value: value, line: frame.location.line, ordinal: frame.ordinal))
        }
        if attributes.count > frame.attributeStart { attributes.removeLast(attributes.count - frame.attributeStart) }
        if !text.isEmpty { text.removeLast(text.count) }
    }

    mutating func doctype() {
        fail(XMLRecordLoader.doctypeError(path: path, line: Int(currentLine()),
                                          column: Int(parser?.pointee.input?.pointee.col ?? 0)))
    }

    mutating func entityReference() {
        fail(RecordLoadError(
            file: path, line: Int(currentLine()), column: Int(parser?.pointee.input?.pointee.col ?? 0),
            message: "the export uses an entity reference; records exports must not use entities other than &amp; &lt; &gt; &quot; &apos; and character references"))
    }

    mutating func libxmlError(line: Int, column: Int, message: String) {
        guard failure == nil else { return }
        if message.hasPrefix("Excessive depth in document") {
            return fail(RecordLoadError(file: path, line: line, column: column,
                                        message: "nesting is deeper than \(XMLRecordLoader.maximumDepth) levels"))
        }
        // A file that stops with elements still open.
        if message.hasPrefix("Premature end of data") || message.hasPrefix("Extra content at the end of the document"),
           let open = stack.last {
            return fail(RecordLoadError(
                file: path, line: line, column: column,
                message: "the file is not valid XML: it ends before <\(names[Int(open.name)].text)> (opened on line \(open.location.line)) is closed; it may have been cut short"))
        }
        fail(RecordLoadError(file: path, line: line, column: column, message: XMLErrorMessage.plain(message)))
    }

    // MARK: Building

    /// Keeps the first failure and stops the parser.
    private mutating func fail(_ error: RecordLoadError) {
        guard failure == nil else { return }
        failure = error
        if let parser { xmlStopParser(parser) }
    }

    /// The value of a finished element; nil when it is absent.
    private mutating func convert(_ frame: XMLFrame, _ ownAttributes: ArraySlice<XMLAttribute>,
                         _ kids: ArraySlice<XMLChild>) -> Value? {
        if kids.isEmpty {
            if ownAttributes.contains(where: { $0.value != nil }) {
                return record(frame, ownAttributes, kids).map(Value.record)
            }
            let scalar = elementText()
            return scalar.isEmpty ? nil : .text(scalar)
        }
        if !ownAttributes.contains(where: { $0.value != nil }), isListContainer(frame, kids) {
            var items: [Value] = []
            items.reserveCapacity(kids.count)
            for child in kids { if let value = child.value { items.append(value) } }
            return items.isEmpty ? nil : .list(items)
        }
        return record(frame, ownAttributes, kids).map(Value.record)
    }

    private func isListContainer(_ frame: XMLFrame, _ kids: ArraySlice<XMLChild>) -> Bool {
        // The contract's list fields are lists whatever their items are called.
        let container = names[Int(frame.name)]
        if container.isListField { return true }
        let first = kids[kids.startIndex]
        for child in kids where child.name != first.name { return false }
        let item = names[Int(first.name)].text
        return kids.count >= 2 || item == "item" || isSingular(item, of: container.text)
    }

    /// The element as a record of its attributes and children; nil when it has no fields.
    private mutating func record(_ frame: XMLFrame, _ ownAttributes: ArraySlice<XMLAttribute>,
                        _ kids: ArraySlice<XMLChild>) -> Record? {
        var fields: [Record.Field] = []
        fields.reserveCapacity(ownAttributes.count + kids.count)
        for attribute in ownAttributes {
            if let value = attribute.value { fields.append(Record.Field(name: names[Int(attribute.name)].name, value: value)) }
        }
        // Records have a few dozen fields at most: a linear scan beats hashing until they do not.
        var seenSet: Set<Int32>? = ownAttributes.count + kids.count > 24 ? Set(ownAttributes.map(\.name)) : nil
        var k = kids.startIndex
        while k < kids.endIndex {
            let child = kids[k]
            let isNew: Bool
            if seenSet != nil {
                isNew = seenSet!.insert(child.name).inserted
            } else {
                // Seen so far: the attributes, then the children before this one.
                var fresh = !ownAttributes.contains { $0.name == child.name }
                if fresh {
                    var j = kids.startIndex
                    while j < k {
                        if kids[j].name == child.name { fresh = false; break }
                        j += 1
                    }
                }
                isNew = fresh
            }
            guard isNew else {
                fail(elementError(
                    line: child.line, ordinal: child.ordinal,
                    "the field \"\(names[Int(child.name)].text)\" appears twice in <\(names[Int(frame.name)].text)> (as two elements, or as an attribute and an element)"))
                return nil
            }
            if let value = child.value { fields.append(Record.Field(name: names[Int(child.name)].name, value: value)) }
            k += 1
        }
        return fields.isEmpty ? nil : Record(fields: fields, location: frame.location)
    }

    /// The text collected for the element just closed, trimmed.
    private func elementText() -> String {
        text.withUnsafeBufferPointer { trimmedScalar(bytes: $0) }
    }

    /// An attribute value as libxml2 hands it to SAX2 handlers: the parser writes `&amp;` and
    /// `&#38;` as `&#38;` for the handler to decode (no other `&` can remain), so decode it here.
    private func attributeText(_ bytes: UnsafeBufferPointer<xmlChar>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return trimmedScalar(bytes: bytes) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        let entity: [UInt8] = Array("&#38;".utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), index + entity.count <= bytes.count,
               bytes[index..<index + entity.count].elementsEqual(entity) {
                decoded.append(UInt8(ascii: "&"))
                index += entity.count
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return decoded.withUnsafeBufferPointer { trimmedScalar(bytes: $0) }
    }

    /// The number of the name at `pointer` (a name libxml2 passed to a callback).
    @inline(__always)
    private mutating func nameNumber(_ pointer: UnsafePointer<xmlChar>) -> Int32 {
        let key = UInt(bitPattern: pointer)
        if let cached = nameCache.lookup(key) { return cached }
        let text = String(cString: pointer)
        let number: Int32
        if let known = numbers[text] {
            number = known
        } else {
            number = Int32(names.count)
            names.append(XMLName(name: Name(text), text: text, isListField: RecordsContract.listFields.contains(text)))
            numbers[text] = number
        }
        if let dictionary = parser?.pointee.dict, xmlDictOwns(dictionary, pointer) == 1 {
            nameCache.insert(key, number)
        }
        return number
    }

    /// The parser's current line: during a start tag callback, the line where the tag ends.
    private func currentLine() -> Int32 {
        Int32(clamping: parser?.pointee.input?.pointee.line ?? 0)
    }

    /// An error about the element whose start tag is the `ordinal`-th on `line`.
    private func elementError(line: Int32, ordinal: Int32, _ message: String) -> RecordLoadError {
        RecordLoadError(file: path, line: Int(line),
                        column: XMLElementColumn.find(path: path, line: Int(line), ordinal: Int(ordinal)),
                        message: message)
    }
}

/// True when `item` is a singular of the collection name `container` (`complaints`/`complaint`,
/// `analyses`/`analysis`, `people`/`person`…), or one of the generic item names.
func isSingular(_ item: String, of container: String) -> Bool {
    if item == "item" || item == "entry" { return true }
    if container == "people" { return item == "person" }
    if container.hasSuffix("s"), item == container.dropLast(1) { return true }
    if container.hasSuffix("es"), item == container.dropLast(2) { return true }
    if container.hasSuffix("ies"), item == container.dropLast(3) + "y" { return true }
    if container.hasSuffix("ses"), item == container.dropLast(3) + "sis" { return true }
    return false
}
