/// The building side of the XML loader: turns the events of ``XMLEventWriter`` into the record
/// tree, on its own thread. Its one check is for a field given twice in a record.
final class XMLTreeBuilderTask: @unchecked Sendable {
    private let path: String
    private let fileIndex: Int32
    private let names: NameTable
    private let queue: XMLEventQueue
    private let inputBytes: Int
    /// Set once ``run()`` has returned: the `<records>` record, unless there was a failure.
    private(set) var root: Record?
    private(set) var failure: RecordLoadError?

    /// `inputBytes` is the file's size, which sizes the table of shared texts.
    init(path: String, fileIndex: Int32, names: NameTable, queue: XMLEventQueue, inputBytes: Int) {
        self.path = path
        self.fileIndex = fileIndex
        self.names = names
        self.queue = queue
        self.inputBytes = inputBytes
    }

    /// Builds from every chunk until the parse is over (after a failure, only drains the queue).
    func run() {
        var builder = XMLTreeBuilder(path: path, fileIndex: fileIndex, names: names, inputBytes: inputBytes)
        while let chunk = queue.take() {
            if builder.failure == nil {
                builder.consume(chunk)
                if builder.failure != nil { queue.stop() }
            }
            queue.recycle(consume chunk)
        }
        root = builder.root
        failure = builder.failure
    }
}

/// One element whose end has not been read yet.
private struct XMLFrame {
    var name: Int32
    var location: SourceLocation
    /// Which start tag on its line this element's is, to find its column.
    var ordinal: Int32
    /// Where this element's children start in the builder's shared child stack.
    var childStart: Int
    /// Where this element's attributes start in the builder's shared attribute stack.
    var attributeStart: Int
}

private struct XMLChild {
    var name: Int32
    /// The value; nil when it is absent, or when it is a text already in the load's arena.
    var value: Value?
    /// The text's word in the arena, with ``FieldStack/hasWord`` set; otherwise 0.
    var word: UInt64
    var line: Int32
    var ordinal: Int32
}

private struct XMLAttribute {
    var name: Int32
    var value: Value?
}

private struct XMLTreeBuilder {
    let path: String
    let fileIndex: Int32
    private(set) var failure: RecordLoadError?
    private(set) var root: Record?
    private var names: [XMLName] = []
    /// Shares field names between records written alike.
    private var shapes: RecordShapeTable?
    /// The run's names.
    private let nameTable: NameTable
    /// The fields of the record being made, moved into it when it is finished.
    private let fields = FieldStack()
    private var stack: [XMLFrame] = []
    /// The finished children of every open element, innermost last (one shared buffer, so an
    /// element does not allocate an array of its own).
    private var children: [XMLChild] = []
    private var attributes: [XMLAttribute] = []
    /// The text of the innermost open element since its start tag.
    private var text: [UInt8] = []
    /// Shares repeated long texts between records.
    private var interner: ScalarInterner

    init(path: String, fileIndex: Int32, names: NameTable, inputBytes: Int) {
        self.path = path
        self.fileIndex = fileIndex
        nameTable = names
        shapes = RecordShapeTable(names: names)
        interner = ScalarInterner(inputBytes: inputBytes)
        stack.reserveCapacity(32)
        children.reserveCapacity(256)
        attributes.reserveCapacity(16)
        text.reserveCapacity(256)
    }

    mutating func consume(_ chunk: XMLEventChunk) {
        names.append(contentsOf: chunk.names)
        chunk.bytes.withUnsafeBufferPointer { bytes in
            for event in chunk.events {
                switch event {
                case .start(let name, let line, let ordinal):
                    stack.append(
                        XMLFrame(
                            name: name, location: SourceLocation(file: fileIndex, line: Int(line), column: 0),
                            ordinal: ordinal, childStart: children.count, attributeStart: attributes.count))
                    if !text.isEmpty { text.removeLast(text.count) }
                case .attribute(let name, let start, let count):
                    // A blank value is no value.
                    let value = LibXMLParsing.attributeText(
                        UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(start + count)]))
                    attributes.append(XMLAttribute(name: name, value: value.isEmpty ? nil : .text(value)))
                case .text(let start, let count):
                    text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(start + count)]))
                case .end:
                    endElement()
                    if failure != nil { return }
                }
            }
        }
    }

    private mutating func endElement() {
        guard let frame = stack.popLast() else { return }
        // The slices are temporaries (never bound to a name), so removing the children afterwards
        // does not copy the shared buffers.
        if stack.isEmpty {
            if let record = record(frame, attributes[frame.attributeStart...], children[frame.childStart...]) {
                root = record
            } else if failure == nil {
                root = Record(fields: [], names: nameTable, location: frame.location)
            }
        } else {
            var word: UInt64 = 0
            let value = convert(frame, attributes[frame.attributeStart...], children[frame.childStart...], word: &word)
            if failure != nil { return }
            children.removeLast(children.count - frame.childStart)
            children.append(
                XMLChild(name: frame.name, value: value, word: word, line: frame.location.line, ordinal: frame.ordinal))
        }
        if attributes.count > frame.attributeStart { attributes.removeLast(attributes.count - frame.attributeStart) }
        if !text.isEmpty { text.removeLast(text.count) }
    }

    /// The value of a finished element; nil when it is absent.
    /// The value of a finished element; nil when it is absent, or when it is a text that went
    /// straight from the file's bytes to the arena, in which case `word` is set to its word with
    /// ``FieldStack/hasWord``.
    private mutating func convert(
        _ frame: XMLFrame, _ ownAttributes: ArraySlice<XMLAttribute>,
        _ kids: ArraySlice<XMLChild>, word: inout UInt64
    ) -> Value? {
        if kids.isEmpty {
            if ownAttributes.contains(where: { $0.value != nil }) {
                return record(frame, ownAttributes, kids).map(Value.record)
            }
            if let arena = shapes?.arena {
                let found = text.withUnsafeBufferPointer { bytes -> UInt64? in
                    let (inner, plain) = trimmedScalarBytes(bytes)
                    guard !inner.isEmpty else { return 0 }
                    guard plain else { return nil }
                    let word = arena.word(UnsafeRawBufferPointer(inner), field: names[Int(frame.name)].name)
                    return FieldStack.hasWord | UInt64(word)
                }
                if let found {
                    word = found
                    return nil
                }
            }
            let scalar = text.withUnsafeBufferPointer { trimmedScalar(bytes: $0, interner: &interner) }
            return scalar.isEmpty ? nil : .text(scalar)
        }
        if !ownAttributes.contains(where: { $0.value != nil }) {
            switch listShape(frame, kids) {
            case .list:
                var items: [Value] = []
                items.reserveCapacity(kids.count)
                for child in kids { if let value = itemValue(child) { items.append(value) } }
                return items.isEmpty ? nil : .list(items)
            case .misnamedList(let wrong):
                // A contract list with an item whose name it does not accept: kept as a group
                // holding the items under that name, which validation reports as the XML Schema
                // does ("<member> cannot be an item of 'top_management'").
                var items: [Value] = []
                items.reserveCapacity(kids.count)
                for child in kids { if let value = itemValue(child) { items.append(value) } }
                guard !items.isEmpty else { return nil }
                let start = fields.count
                fields.append(Record.Field(name: names[Int(wrong)].name, value: .list(items)))
                return fields.takeRecord(from: start, location: frame.location, shapes: &shapes).map(Value.record)
            case .record:
                break
            }
        }
        return record(frame, ownAttributes, kids).map(Value.record)
    }

    /// A child as an item of a list: its value, or its text read back from the arena.
    private func itemValue(_ child: XMLChild) -> Value? {
        guard child.word != 0, let arena = shapes?.arena else { return child.value }
        return .text(arena.text(UInt32(truncatingIfNeeded: child.word)))
    }

    private enum ListShape {
        case list
        /// A contract list with an item name it does not accept (the first such name).
        case misnamedList(Int32)
        case record
    }

    /// Whether an element with children (and no attributes) is a list. A list the contract
    /// defines is one when its items have the names the XML Schema accepts
    /// (``ContractSchemas/itemNames(of:)``); another element when its children all have one name
    /// and there are several, or the name is a singular of the element's.
    private func listShape(_ frame: XMLFrame, _ kids: ArraySlice<XMLChild>) -> ListShape {
        let container = names[Int(frame.name)]
        if container.isListField {
            var previous = Int32(-1)
            for child in kids where child.name != previous {
                previous = child.name
                if !ContractSchemas.acceptsItem(names[Int(child.name)].text, of: container.text) {
                    return .misnamedList(child.name)
                }
            }
            return .list
        }
        let first = kids[kids.startIndex]
        guard !kids.contains(where: { $0.name != first.name }) else { return .record }
        let item = names[Int(first.name)].text
        return kids.count >= 2 || item == "item" || isSingular(item, of: container.text) ? .list : .record
    }

    /// The element as a record of its attributes and children; nil when it has no fields.
    private mutating func record(
        _ frame: XMLFrame, _ ownAttributes: ArraySlice<XMLAttribute>,
        _ kids: ArraySlice<XMLChild>
    ) -> Record? {
        let start = fields.count
        for attribute in ownAttributes {
            if let value = attribute.value {
                fields.append(Record.Field(name: names[Int(attribute.name)].name, value: value))
            }
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
                fields.remove(from: start)
                failure = RecordLoadError(
                    file: path, line: Int(child.line),
                    column: XMLElementColumn.find(path: path, line: Int(child.line), ordinal: Int(child.ordinal)),
                    message:
                        "the field \"\(names[Int(child.name)].text)\" appears twice in <\(names[Int(frame.name)].text)> (as two elements, or as an attribute and an element)"
                )
                return nil
            }
            if child.word != 0 {
                fields.appendWord(UInt32(truncatingIfNeeded: child.word), name: names[Int(child.name)].name)
            } else if let value = child.value {
                fields.append(Record.Field(name: names[Int(child.name)].name, value: value))
            }
            k += 1
        }
        return fields.takeRecord(from: start, location: frame.location, shapes: &shapes)
    }
}
