internal import CLibXML2

/// The parsing side of the XML loader: turns libxml2's SAX2 callbacks into ``XMLEvent``s for the
/// tree builder on the other core, and makes the checks that need only the parse (the root
/// element, nesting depth, repeated attributes, text length, DOCTYPE and entities). Callbacks
/// cannot throw: the first problem is kept in ``failure`` and the parser is stopped.
struct XMLEventWriter {
    let path: String
    let fileIndex: Int32
    let queue: XMLEventQueue
    /// The parser, while it runs (for line numbers and to stop it).
    var parser: xmlParserCtxtPtr?
    /// The first problem found while parsing.
    private(set) var failure: RecordLoadError?

    private var chunk: XMLEventChunk
    /// Every distinct name seen, by number; ``nameCache`` maps libxml2's addresses to these numbers.
    private var names: [XMLName] = []
    /// The run's names, where new element and attribute names are interned.
    private let nameTable: NameTable
    private var numbers: [String: Int32] = [:]
    private var nameCache = DictionaryNameCache()
    /// The open elements: name number and start line.
    private var open: [(name: Int32, line: Int32)] = []
    /// True while the innermost open element has had no child element: only then does its text count.
    private var collecting = false
    /// Bytes of text collected for the innermost element so far.
    private var collected = 0
    /// The line of the last start tag and how many start tags that line has had so far.
    private var startLine: Int32 = 0
    private var startOrdinal: Int32 = 0

    init(path: String, fileIndex: Int32, names: NameTable, queue: XMLEventQueue) {
        self.path = path
        self.fileIndex = fileIndex
        self.nameTable = names
        self.queue = queue
        chunk = queue.freshChunk()
        open.reserveCapacity(32)
    }

    // MARK: Callbacks

    mutating func startElement(
        _ localName: UnsafePointer<xmlChar>, attributeCount: Int,
        attributes raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard failure == nil else { return }
        let number = nameNumber(localName)
        let line = currentLine()
        if line == startLine {
            startOrdinal += 1
        } else {
            startLine = line
            startOrdinal = 1
        }
        if open.isEmpty, names[Int(number)].text != "records" {
            return fail(
                elementError(
                    line: line, ordinal: startOrdinal,
                    "the root element must be <records>, but this file's root element is <\(names[Int(number)].text)>"))
        }
        guard open.count < XMLRecordLoader.maximumDepth else {
            return fail(
                elementError(
                    line: line, ordinal: startOrdinal,
                    "nesting is deeper than \(XMLRecordLoader.maximumDepth) levels"))
        }
        chunk.events.append(.start(name: number, line: line, ordinal: startOrdinal))
        if attributeCount > 0, let raw {
            let first = chunk.events.count
            // A tag's attributes are few: compared with each other, but through a set when there
            // are many (a hostile tag of 100,000 attributes would be quadratic).
            var seenNames: Set<Int32>? = attributeCount > 16 ? Set(minimumCapacity: attributeCount) : nil
            // Five pointers an attribute: local name, prefix, namespace, value start, value end.
            for k in 0..<attributeCount {
                guard let attributeName = raw[5 * k] else { continue }
                let attribute = nameNumber(attributeName)
                var twice = false
                if seenNames != nil {
                    twice = !seenNames!.insert(attribute).inserted
                } else {
                    for event in chunk.events[first...] {
                        if case .attribute(let seen, _, _) = event, seen == attribute { twice = true; break }
                    }
                }
                if twice {
                    return fail(
                        elementError(
                            line: line, ordinal: startOrdinal,
                            "the field \"\(names[Int(attribute)].text)\" appears twice in <\(names[Int(number)].text)>")
                    )
                }
                // The value's bytes are copied for the builder, which reads them.
                let start = Int32(chunk.bytes.count)
                if let first = raw[5 * k + 3], let end = raw[5 * k + 4], end > first {
                    chunk.bytes.append(contentsOf: UnsafeBufferPointer(start: first, count: end - first))
                }
                chunk.events.append(.attribute(name: attribute, start: start, count: Int32(chunk.bytes.count) - start))
            }
        }
        open.append((number, line))
        collecting = true
        collected = 0
    }

    @inline(__always)
    mutating func characters(_ bytes: UnsafePointer<xmlChar>, _ length: Int) {
        guard collecting, failure == nil else { return }
        collected += length
        // libxml2's tree builder refuses text nodes this long without XML_PARSE_HUGE; so do we.
        guard collected <= XMLErrorMessage.maximumTextLength else {
            return fail(
                RecordLoadError(
                    file: path, line: Int(currentLine()), column: currentColumn(),
                    message: "a text value is longer than 10,000,000 characters, the most one field may hold"))
        }
        chunk.events.append(.text(start: Int32(chunk.bytes.count), count: Int32(length)))
        chunk.bytes.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
    }

    mutating func endElement() {
        guard failure == nil else { return }
        if !open.isEmpty { open.removeLast() }
        collecting = false
        chunk.events.append(.end)
        if chunk.events.count >= XMLEventChunk.capacity { handOver() }
    }

    mutating func doctype() {
        fail(XMLRecordLoader.doctypeError(path: path, line: Int(currentLine()), column: currentColumn()))
    }

    mutating func entityReference() {
        fail(
            RecordLoadError(
                file: path, line: Int(currentLine()), column: currentColumn(),
                message:
                    "the export uses an entity reference; records exports must not use entities other than &amp; &lt; &gt; &quot; &apos; and character references"
            ))
    }

    mutating func libxmlError(line: Int, column: Int, message: String) {
        guard failure == nil else { return }
        if message.hasPrefix("Excessive depth in document") {
            return fail(
                RecordLoadError(
                    file: path, line: line, column: column,
                    message: "nesting is deeper than \(XMLRecordLoader.maximumDepth) levels"))
        }
        // A file that stops with elements still open.
        if message.hasPrefix("Premature end of data") || message.hasPrefix("Extra content at the end of the document"),
            let innermost = open.last
        {
            return fail(
                RecordLoadError(
                    file: path, line: line, column: column,
                    message:
                        "the file is not valid XML: it ends before <\(names[Int(innermost.name)].text)> (opened on line \(innermost.line)) is closed; it may have been cut short"
                ))
        }
        fail(RecordLoadError(file: path, line: line, column: column, message: XMLErrorMessage.plain(message)))
    }

    /// Hands the last events over; the parse is over.
    mutating func finish() {
        handOver()
        queue.finish()
    }

    // MARK: Helpers

    /// Queues the chunk; stops the parser when the builder has failed (its error comes first).
    private mutating func handOver() {
        guard !chunk.events.isEmpty || !chunk.names.isEmpty else { return }
        if !queue.put(chunk) { stop() }
        chunk = queue.freshChunk()
    }

    /// Keeps the first failure and stops the parser.
    private mutating func fail(_ error: RecordLoadError) {
        guard failure == nil else { return }
        failure = error
        stop()
    }

    private func stop() {
        if let parser { xmlStopParser(parser) }
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
            let entry = XMLName(
                name: nameTable.name(text), text: text, isListField: RecordsContract.listFields.contains(text))
            names.append(entry)
            chunk.names.append(entry)
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

    private func currentColumn() -> Int {
        Int(parser?.pointee.input?.pointee.col ?? 0)
    }

    /// An error about the element whose start tag is the `ordinal`-th on `line`.
    private func elementError(line: Int32, ordinal: Int32, _ message: String) -> RecordLoadError {
        RecordLoadError(
            file: path, line: Int(line),
            column: XMLElementColumn.find(path: path, line: Int(line), ordinal: Int(ordinal)),
            message: message)
    }
}

/// Names keyed by the address of libxml2's interned copy of them.
///
/// The parser interns every element and attribute name in its dictionary, which lives (and never
/// frees a string) until the parser is freed, so one address is one name for the whole parse. Only
/// addresses the dictionary owns are remembered; any other string is looked up by text.
struct DictionaryNameCache {
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
