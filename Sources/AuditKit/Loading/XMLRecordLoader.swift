internal import CLibXML2

/// Reads the XML spelling of a records export into a ``Record`` tree, streaming with libxml2's
/// reader. The only file that touches libxml2: nothing C-shaped leaves it.
///
/// Hardened for untrusted files: no network, no entity substitution, no DTD loading, an external
/// entity loader that refuses everything, and any DOCTYPE or entity reference is rejected.
enum XMLRecordLoader {
    /// The deepest nesting of elements accepted (the same limit libxml2 applies by default).
    static let maximumDepth = 256

    /// Parses the file open at `descriptor` (named `path` in messages; not closed here) into the
    /// top-level record (the `<records>` element).
    static func load(descriptor: Int32, path: String, fileIndex: Int32) throws(RecordLoadError) -> Record {
        _ = libxmlSetUp
        guard let reader = xmlReaderForFd(descriptor, nil, nil, hardenedOptions) else {
            throw RecordLoadError(file: path, message: "the file could not be opened as XML")
        }
        defer { xmlFreeTextReader(reader) }
        let sink = XMLErrorSink()
        return try withExtendedLifetime(sink) { () throws(RecordLoadError) -> Record in
            xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
                guard let context, let error else { return }
                let sink = Unmanaged<XMLErrorSink>.fromOpaque(context).takeUnretainedValue()
                let details = error.pointee
                guard details.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
                var text = details.message.map { String(cString: $0) } ?? "unknown XML error"
                while text.last?.isWhitespace == true { text.removeLast() }
                sink.errors.append(XMLErrorSink.Entry(
                    line: Int(details.line), column: Int(details.int2), code: Int(details.code), message: text))
            }, Unmanaged.passUnretained(sink).toOpaque())
            var builder = XMLTreeBuilder(reader: reader, sink: sink, path: path, fileIndex: fileIndex)
            return try builder.run()
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

/// Collects libxml2's error-level diagnostics for one parse.
private final class XMLErrorSink {
    struct Entry {
        var line: Int
        var column: Int
        var code: Int
        var message: String
    }
    var errors: [Entry] = []
}

/// One element whose end has not been read yet.
private struct XMLFrame {
    var name: Name
    var nameText: String
    var location: SourceLocation
    /// Which start tag on its line this element's is (1 for the first), to find its column.
    var ordinal: Int
    /// Where this element's children start in the builder's shared child stack.
    var childStart: Int
    /// Attribute names, including attributes with blank values.
    var attributeNames: [Name] = []
    /// Attributes with a value, as fields.
    var attributes: [Record.Field] = []
    var text = ""
}

private struct XMLChild {
    var name: Name
    var nameText: String
    var value: Value?
    var line: Int
    var ordinal: Int
}

/// An element or attribute name, interned once.
private struct XMLName {
    var name: Name
    var text: String
}

/// Names keyed by the address of libxml2's interned copy of them.
///
/// The reader's parser interns every element and attribute name in its dictionary, which lives
/// (and never frees a string) until the reader is freed, so one address is one name for the whole
/// parse. Only addresses the dictionary owns are remembered; any other string is looked up by text.
private struct DictionaryNameCache {
    private var keys = [UInt](repeating: 0, count: 256)
    private var slots = [Int32](repeating: 0, count: 256)
    private(set) var entries: [XMLName] = []

    @inline(__always)
    private static func hash(_ key: UInt, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The cached name at `key`, or nil.
    @inline(__always)
    func lookup(_ key: UInt) -> XMLName? {
        let mask = keys.count - 1
        var index = DictionaryNameCache.hash(key, mask)
        while true {
            let found = keys[index]
            if found == key { return entries[Int(slots[index])] }
            if found == 0 { return nil }
            index = (index + 1) & mask
        }
    }

    mutating func insert(_ key: UInt, _ entry: XMLName) {
        if (entries.count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var index = DictionaryNameCache.hash(key, mask)
        while keys[index] != 0 { index = (index + 1) & mask }
        keys[index] = key
        slots[index] = Int32(entries.count)
        entries.append(entry)
    }

    private mutating func grow() {
        let oldKeys = keys, oldSlots = slots
        keys = [UInt](repeating: 0, count: oldKeys.count * 2)
        slots = [Int32](repeating: 0, count: oldKeys.count * 2)
        let mask = keys.count - 1
        for k in 0..<oldKeys.count where oldKeys[k] != 0 {
            var index = DictionaryNameCache.hash(oldKeys[k], mask)
            while keys[index] != 0 { index = (index + 1) & mask }
            keys[index] = oldKeys[k]
            slots[index] = oldSlots[k]
        }
    }
}

private struct XMLTreeBuilder {
    let reader: xmlTextReaderPtr
    let sink: XMLErrorSink
    let path: String
    let fileIndex: Int32
    var names: [String: Name] = [:]
    var nameCache = DictionaryNameCache()
    /// The parser's name dictionary, once known.
    var dictionary: xmlDictPtr?
    var stack: [XMLFrame] = []
    /// The finished children of every open element, innermost last (one shared buffer, so an
    /// element does not allocate an array of its own).
    var children: [XMLChild] = []
    var root: Record?
    /// The line of the last start tag and how many start tags that line has had so far.
    var startLine = 0
    var startOrdinal = 0

    init(reader: xmlTextReaderPtr, sink: XMLErrorSink, path: String, fileIndex: Int32) {
        self.reader = reader
        self.sink = sink
        self.path = path
        self.fileIndex = fileIndex
    }

    mutating func run() throws(RecordLoadError) -> Record {
        stack.reserveCapacity(32)
        children.reserveCapacity(256)
        while true {
            let status = xmlTextReaderRead(reader)
            if let first = sink.errors.first { throw libxmlError(first) }
            if status == 0 { break }
            guard status == 1 else {
                throw RecordLoadError(file: path, line: parserLine(), column: parserColumn(),
                                      message: "the file is not valid XML")
            }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                try startElement()
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                try endElement()
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue):
                let last = stack.count - 1
                if last >= 0, children.count == stack[last].childStart, let value = xmlTextReaderConstValue(reader) {
                    appendText(value, to: last)
                }
            case Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue), Int32(XML_READER_TYPE_WHITESPACE.rawValue):
                // Whitespace only matters between pieces of text; leading whitespace is trimmed.
                let last = stack.count - 1
                if last >= 0, children.count == stack[last].childStart, !stack[last].text.isEmpty,
                   let value = xmlTextReaderConstValue(reader) {
                    appendText(value, to: last)
                }
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                throw XMLRecordLoader.doctypeError(path: path, line: parserLine(), column: parserColumn())
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue), Int32(XML_READER_TYPE_ENTITY.rawValue):
                throw RecordLoadError(
                    file: path, line: parserLine(), column: parserColumn(),
                    message: "the export uses an entity reference; records exports must not use entities other than &amp; &lt; &gt; &quot; &apos; and character references")
            default:
                continue  // comments, processing instructions, the XML declaration
            }
        }
        guard let root else {
            throw RecordLoadError(file: path, message: "the file has no <records> element")
        }
        return root
    }

    @inline(__always)
    private mutating func appendText(_ value: UnsafePointer<xmlChar>, to index: Int) {
        let text = String(cString: value)
        if stack[index].text.isEmpty {
            stack[index].text = text
        } else {
            stack[index].text += text
        }
    }

    /// The name at `pointer` (a name libxml2 returned for the current node).
    private mutating func xmlName(_ pointer: UnsafePointer<xmlChar>) -> XMLName {
        let key = UInt(bitPattern: pointer)
        if let cached = nameCache.lookup(key) { return cached }
        let text = String(cString: pointer)
        let entry = XMLName(name: intern(text), text: text)
        if dictionary == nil {
            dictionary = xmlTextReaderCurrentNode(reader)?.pointee.doc?.pointee.dict
        }
        if let dictionary, xmlDictOwns(dictionary, pointer) == 1 {
            nameCache.insert(key, entry)
        }
        return entry
    }

    private mutating func startElement() throws(RecordLoadError) {
        guard let namePointer = xmlTextReaderConstLocalName(reader) else { return }
        let elementName = xmlName(namePointer)
        let nameText = elementName.text
        let line = nodeLine()
        if line == startLine {
            startOrdinal += 1
        } else {
            startLine = line
            startOrdinal = 1
        }
        let ordinal = startOrdinal
        if stack.isEmpty, nameText != "records" {
            throw elementError(
                line: line, ordinal: ordinal,
                "the root element must be <records>, but this file's root element is <\(nameText)>")
        }
        guard stack.count < XMLRecordLoader.maximumDepth else {
            throw elementError(line: line, ordinal: ordinal,
                               "nesting is deeper than \(XMLRecordLoader.maximumDepth) levels")
        }
        var frame = XMLFrame(name: elementName.name, nameText: nameText,
                             location: SourceLocation(file: fileIndex, line: line, column: 0), ordinal: ordinal,
                             childStart: children.count)
        if xmlTextReaderHasAttributes(reader) == 1 {
            while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
                guard let attributePointer = xmlTextReaderConstLocalName(reader) else { continue }
                let attribute = xmlName(attributePointer).name
                if frame.attributeNames.contains(attribute) {
                    throw elementError(
                        line: line, ordinal: ordinal,
                        "the field \"\(attribute.string)\" appears twice in <\(nameText)>")
                }
                frame.attributeNames.append(attribute)
                if let raw = xmlTextReaderConstValue(reader) {
                    let value = trimmedScalar(String(cString: raw))
                    if !value.isEmpty { frame.attributes.append(Record.Field(name: attribute, value: .text(value))) }
                }
            }
            xmlTextReaderMoveToElement(reader)
        }
        let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
        stack.append(frame)
        if isEmpty { try endElement() }
    }

    private mutating func endElement() throws(RecordLoadError) {
        guard let frame = stack.popLast() else { return }
        // The slices are temporaries, so removing the children afterwards does not copy the buffer.
        if stack.isEmpty {
            root = try record(frame, children[frame.childStart...]) ?? Record(fields: [], location: frame.location)
            children.removeSubrange(frame.childStart...)
            return
        }
        let value = try convert(frame, children[frame.childStart...])
        children.removeSubrange(frame.childStart...)
        children.append(
            XMLChild(name: frame.name, nameText: frame.nameText, value: value, line: Int(frame.location.line),
                     ordinal: frame.ordinal))
    }

    /// The value of a finished element; nil when it is absent.
    private func convert(_ frame: XMLFrame, _ kids: ArraySlice<XMLChild>) throws(RecordLoadError) -> Value? {
        if kids.isEmpty {
            if !frame.attributes.isEmpty {
                return .record(Record(fields: frame.attributes, location: frame.location))
            }
            let text = trimmedScalar(frame.text)
            return text.isEmpty ? nil : .text(text)
        }
        if frame.attributes.isEmpty, isListContainer(frame, kids) {
            var items: [Value] = []
            items.reserveCapacity(kids.count)
            for child in kids { if let value = child.value { items.append(value) } }
            return items.isEmpty ? nil : .list(items)
        }
        return try record(frame, kids).map(Value.record)
    }

    private func isListContainer(_ frame: XMLFrame, _ kids: ArraySlice<XMLChild>) -> Bool {
        // The contract's list fields are lists whatever their items are called.
        if RecordsContract.listFields.contains(frame.nameText) { return true }
        let first = kids[kids.startIndex]
        for child in kids where child.name != first.name { return false }
        return kids.count >= 2 || first.nameText == "item"
            || isSingular(first.nameText, of: frame.nameText)
    }

    /// The element as a record of its attributes and children; nil when it has no fields.
    private func record(_ frame: XMLFrame, _ kids: ArraySlice<XMLChild>) throws(RecordLoadError) -> Record? {
        var fields = frame.attributes
        fields.reserveCapacity(fields.count + kids.count)
        // Records have a few dozen fields at most: a linear scan beats hashing until they do not.
        let attributeCount = frame.attributeNames.count
        var seenSet: Set<Name>? = attributeCount + kids.count > 24 ? Set(frame.attributeNames) : nil
        var k = kids.startIndex
        while k < kids.endIndex {
            let child = kids[k]
            let isNew: Bool
            if seenSet != nil {
                isNew = seenSet!.insert(child.name).inserted
            } else {
                // Seen so far: the attributes, then the children before this one.
                var fresh = !frame.attributeNames.contains(child.name)
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
                throw elementError(
                    line: child.line, ordinal: child.ordinal,
                    "the field \"\(child.nameText)\" appears twice in <\(frame.nameText)> (as two elements, or as an attribute and an element)")
            }
            if let value = child.value { fields.append(Record.Field(name: child.name, value: value)) }
            k += 1
        }
        return fields.isEmpty ? nil : Record(fields: fields, location: frame.location)
    }

    private mutating func intern(_ text: String) -> Name {
        if let name = names[text] { return name }
        let name = Name(text)
        names[text] = name
        return name
    }

    /// The line of the current node's start tag.
    private func nodeLine() -> Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let line = Int(xmlGetLineNo(node))
            // libxml2 stores element lines in 16 bits; past 65534 fall back to the parser's line.
            if line > 0, line < 65535 { return line }
        }
        return parserLine()
    }

    private func parserLine() -> Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    private func parserColumn() -> Int { max(Int(xmlTextReaderGetParserColumnNumber(reader)), 0) }

    /// An error about the element whose start tag is the `ordinal`-th on `line`.
    private func elementError(line: Int, ordinal: Int, _ message: String) -> RecordLoadError {
        RecordLoadError(file: path, line: line, column: XMLElementColumn.find(path: path, line: line, ordinal: ordinal),
                        message: message)
    }

    private func libxmlError(_ entry: XMLErrorSink.Entry) -> RecordLoadError {
        if entry.message.hasPrefix("Excessive depth in document") {
            return RecordLoadError(file: path, line: entry.line, column: entry.column,
                                   message: "nesting is deeper than \(XMLRecordLoader.maximumDepth) levels")
        }
        // libxml2's reader says "Extra content" when a file stops with elements still open.
        if entry.message.hasPrefix("Extra content at the end of the document"), let open = stack.last {
            return RecordLoadError(
                file: path, line: entry.line, column: entry.column,
                message: "the file is not valid XML: it ends before <\(open.nameText)> (opened on line \(open.location.line)) is closed; it may have been cut short")
        }
        return RecordLoadError(file: path, line: entry.line, column: entry.column,
                               message: XMLErrorMessage.plain(entry.message))
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
