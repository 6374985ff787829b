/// Reads the JSON spelling of a records export (RFC 8259, strictly) into a ``Record`` tree.
///
/// A hand-written reader over the file's bytes: it tracks lines and columns (byte-based) for
/// every record and every error, works without recursion (an explicit stack, at most
/// ``maximumDepth`` levels) and interns each distinct key once.
enum JSONRecordLoader {
    /// The deepest nesting of objects and arrays accepted.
    static let maximumDepth = 256

    /// Parses `bytes` (the whole file) into the top-level record.
    static func load(bytes: [UInt8], path: String, fileIndex: Int32, names: NameTable) throws(RecordLoadError) -> Record
    {
        guard !bytes.isEmpty else {
            throw RecordLoadError(file: path, message: "the file is empty; a records export must be a JSON object")
        }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(RecordLoadError) -> Record in
            var parser = JSONParser(
                base: buffer.baseAddress!, count: buffer.count, path: path, fileIndex: fileIndex, names: names)
            return try parser.parse()
        }
    }

    /// Parses the file as `stream` reads it, handing its pages back to the system as parsing
    /// moves past them.
    static func load(
        stream: StreamedFileBuffer, size: Int, path: String, fileIndex: Int32, names: NameTable
    ) throws(RecordLoadError) -> Record {
        var parser = JSONParser(
            base: UnsafePointer(stream.base), count: stream.waitForByte(at: 0), path: path,
            fileIndex: fileIndex, names: names, expectedSize: size)
        guard parser.end > 0 else {
            throw RecordLoadError(file: path, message: "the file is empty; a records export must be a JSON object")
        }
        parser.stream = stream
        return try parser.parse()
    }
}

/// One open object or array. Its fields, items and keys are kept at the end of the parser's
/// shared stacks (from the recorded starts on), so a container allocates only its final array.
private struct JSONFrame {
    var isObject: Bool
    var location: SourceLocation
    var fieldStart: Int
    var itemStart: Int
    var keyStart: Int
    /// Every key seen, once there are too many to scan (then they are no longer on the key stack).
    var keySet: Set<Name>?
    var pendingKey: Name
    /// How deep the container is (the top-level object is 0).
    var depth: Int
    /// True while every key so far was found among those kept for its depth (``KeyTemplates``),
    /// in their order: such keys are not on the key stack, and cannot be repeated.
    var followsTemplate = true
    /// Where the next key is looked for among those kept, and the places of those found.
    var templateCursor = 0
    var matched: UInt64 = 0
}

/// The keys of an object read earlier at each depth, in order, with their bytes: the records of
/// a collection are written with the same keys in the same order (some perhaps left out), so the
/// next object's keys are recognised by comparing their bytes, without hashing them or checking
/// them for duplicates.
///
/// The keys kept for a depth are those of one object, so they are all different. An object whose
/// keys are each found among them, in their order (``find(depth:from:_:_:)`` looks a few places
/// ahead, past fields left out), cannot repeat a key. An object with a key not found there is
/// checked as any other from that key on, and its keys are kept in place of the others once it
/// ends. Kept in memory of its own, read through pointers.
private final class KeyTemplates {
    /// How far past the place after the last key found a key is looked for.
    private static let lookahead = 8
    /// Only the first keys kept are looked for (an object records those it matched in 64 bits),
    /// so only those are kept.
    private static let limit = 64

    private struct Entry {
        var name: Name
        /// Where the key's bytes are in its list's bytes.
        var start: Int
        var length: Int
        /// True for a key that had escapes: never matched.
        var escaped: Bool
    }

    /// Keys and a copy of their bytes (the file's pages may be released while parsing).
    private struct KeyList {
        var entries: UnsafeMutablePointer<Entry>?
        var count = 0
        var capacity = 0
        var bytes: UnsafeMutablePointer<UInt8>?
        var byteCount = 0
        var byteCapacity = 0

        mutating func append(_ name: Name, key: UnsafeBufferPointer<UInt8>?) {
            if count == capacity {
                capacity = max(32, 2 * capacity)
                let larger = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
                if let entries {
                    larger.moveInitialize(from: entries, count: count)
                    entries.deallocate()
                }
                entries = larger
            }
            let length = key?.count ?? 0
            if bytes == nil || byteCount + length > byteCapacity {
                byteCapacity = max(1_024, 2 * (byteCount + length))
                let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: byteCapacity)
                if let bytes {
                    larger.update(from: bytes, count: byteCount)
                    bytes.deallocate()
                }
                bytes = larger
            }
            if let start = key?.baseAddress { (bytes! + byteCount).update(from: start, count: length) }
            (entries! + count).initialize(to: Entry(name: name, start: byteCount, length: length, escaped: key == nil))
            count += 1
            byteCount += length
        }

        func deallocate() {
            entries?.deallocate()
            bytes?.deallocate()
        }
    }

    /// For each depth, the keys kept, and those of the object being read when it has a key not
    /// found among them.
    private let kept: UnsafeMutablePointer<KeyList>
    private let pending: UnsafeMutablePointer<KeyList>
    private let levelCount: Int

    /// Room for objects up to `depth` deep.
    init(depth: Int) {
        levelCount = depth + 1
        kept = .allocate(capacity: levelCount)
        kept.initialize(repeating: KeyList(), count: levelCount)
        pending = .allocate(capacity: levelCount)
        pending.initialize(repeating: KeyList(), count: levelCount)
    }

    deinit {
        for depth in 0..<levelCount {
            kept[depth].deallocate()
            pending[depth].deallocate()
        }
        kept.deinitialize(count: levelCount)
        kept.deallocate()
        pending.deinitialize(count: levelCount)
        pending.deallocate()
    }

    /// Where the key `key` of `length` bytes is among those kept for `depth`, looking from place
    /// `cursor` a few places on; nil when it is not there.
    @inline(__always)
    func find(depth: Int, from cursor: Int, _ key: UnsafePointer<UInt8>, _ length: Int) -> Int? {
        let list = kept + depth
        let stop = min(list.pointee.count, cursor &+ Self.lookahead &+ 1, Self.limit)
        var index = cursor
        while index < stop {
            let entry = list.pointee.entries![index]
            if entry.length == length, !entry.escaped, sameBytes(list.pointee.bytes! + entry.start, key, length) {
                return index
            }
            index &+= 1
        }
        return nil
    }

    /// The name of the key kept at `index` for `depth`.
    func name(depth: Int, index: Int) -> Name { kept[depth].entries![index].name }

    /// Starts the keys of an object at `depth` that has a key not found: those kept at the places
    /// set in `matched`, which it had.
    func startPending(depth: Int, matched: UInt64) {
        let list = pending + depth
        list.pointee.count = 0
        list.pointee.byteCount = 0
        let source = kept[depth]
        var rest = matched
        while rest != 0 {
            let entry = source.entries![rest.trailingZeroBitCount]
            rest &= rest &- 1
            list.pointee.append(
                entry.name,
                key: entry.escaped ? nil : UnsafeBufferPointer(start: source.bytes! + entry.start, count: entry.length))
        }
    }

    /// Adds a key (`key` its bytes, nil when it had escapes) to those of the object at `depth`.
    func appendPending(_ name: Name, depth: Int, key: UnsafeBufferPointer<UInt8>?) {
        guard pending[depth].count < Self.limit else { return }
        pending[depth].append(name, key: key)
    }

    /// The object at `depth` whose keys were pending has ended: its keys are kept.
    func commit(depth: Int) {
        swap(&kept[depth], &pending[depth])
    }
}

/// Interns keys by their raw bytes in the file, so each distinct key costs one ``Name`` lookup.
private struct KeyCache {
    /// The run's names, where new keys are interned.
    let names: NameTable

    init(names: NameTable) { self.names = names }
    private struct Slot {
        /// Where the key's bytes start in `keyBytes` (-1: empty slot).
        var start = -1
        var length = 0
        var hash: UInt64 = 0
        var name: Name?
    }
    private var slots = [Slot](repeating: Slot(), count: 256)
    /// The bytes of every cached key (a copy: the file's pages may be released while parsing).
    private var keyBytes: [UInt8] = []
    private var used = 0
    private var escaped: [String: Name] = [:]

    mutating func name(base: UnsafePointer<UInt8>, start: Int, length: Int) -> Name {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in start..<(start + length) {
            hash = (hash ^ UInt64(base[k])) &* 0x0000_0100_0000_01B3
        }
        var mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].start >= 0 {
            let slot = slots[index]
            if slot.hash == hash, slot.length == length,
                length == 0
                    || keyBytes.withUnsafeBufferPointer({
                        sameBytes($0.baseAddress! + slot.start, base + start, length)
                    })
            {
                return slot.name!
            }
            index = (index + 1) & mask
        }
        let name = names.name(String(decoding: UnsafeBufferPointer(start: base + start, count: length), as: UTF8.self))
        if (used + 1) * 2 > slots.count {
            grow()
            mask = slots.count - 1
            index = Int(truncatingIfNeeded: hash) & mask
            while slots[index].start >= 0 { index = (index + 1) & mask }
        }
        slots[index] = Slot(start: keyBytes.count, length: length, hash: hash, name: name)
        keyBytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: length))
        used += 1
        return name
    }

    /// Keys that contained escapes are interned by their decoded text.
    mutating func name(decoded text: String) -> Name {
        if let name = escaped[text] { return name }
        let name = names.name(text)
        escaped[text] = name
        return name
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.start >= 0 {
            var index = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[index].start >= 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}

/// True when the `count` bytes at `a` and `b` are the same; eight at a time.
@inline(__always)
private func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    @inline(__always) func word(_ pointer: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UnsafeRawPointer(pointer + offset).loadUnaligned(as: UInt64.self)
    }
    guard count >= 8 else {
        for k in 0..<count where a[k] != b[k] { return false }
        return true
    }
    var k = 0
    while k &+ 8 < count {
        if word(a, k) != word(b, k) { return false }
        k &+= 8
    }
    // The last eight bytes, which may overlap those already compared.
    return word(a, count &- 8) == word(b, count &- 8)
}

private enum Byte {
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
    static let dot = UInt8(ascii: ".")
}

private struct JSONParser {
    let base: UnsafePointer<UInt8>
    /// How many bytes can be read; the file's end once ``stream`` has read it all.
    var end: Int
    let path: String
    let fileIndex: Int32
    var i = 0
    var line = 1
    var lineStart = 0
    var keys: KeyCache
    /// Shares field names between records written alike.
    var shapes: RecordShapeTable?
    /// The arena of ``shapes``, where the texts of object fields go.
    let arena: TextArena
    /// Shares repeated long texts between records.
    var interner: ScalarInterner
    var scratch: [UInt8] = []
    let placeholder = Name.id
    /// The fields, items and keys of the open containers, innermost last.
    let fieldStack = FieldStack()
    var itemStack: [Value] = []
    var keyStack: [Name] = []
    let keyTemplates = KeyTemplates(depth: JSONRecordLoader.maximumDepth)
    /// The file being read while it is parsed, if it is; its parsed pages are released.
    var stream: StreamedFileBuffer?
    /// The position of the last release check.
    var lastReleaseCheck = 0
    /// A line start known to be before every byte still needed, and its line number: errors
    /// count lines from here (the bytes before it may have been released).
    var countFrom = 0
    var countFromLine = 1

    init(
        base: UnsafePointer<UInt8>, count: Int, path: String, fileIndex: Int32, names: NameTable,
        expectedSize: Int? = nil
    ) {
        self.keys = KeyCache(names: names)
        self.shapes = RecordShapeTable(names: names)
        self.base = base
        self.end = count
        self.path = path
        self.fileIndex = fileIndex
        self.interner = ScalarInterner(inputBytes: expectedSize ?? count)
        self.arena = shapes!.arena
    }

    /// True when the byte at `position` exists, waiting for it to be read if need be. Every test
    /// against ``end`` goes through here, as `position < end || more(position)`.
    @inline(never)
    mutating func more(_ position: Int) -> Bool {
        guard let stream else { return false }
        end = stream.waitForByte(at: position)
        return position < end
    }

    private enum State { case objectStart, arrayStart, value, afterValue }

    // MARK: Driver

    mutating func parse() throws(RecordLoadError) -> Record {
        if end >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF {
            i = 3
            lineStart = 3
        }
        if end >= 2,
            (base[0] == 0xFF && base[1] == 0xFE) || (base[0] == 0xFE && base[1] == 0xFF)
                || (end >= 4 && base[0] != 0 && base[1] == 0 && base[3] == 0)
                || (end >= 4 && base[0] == 0 && base[2] == 0)
        {
            throw error("the file is UTF-16 or UTF-32 encoded; JSON exports must be saved as UTF-8")
        }
        if end >= 1, let nul = (0..<min(end, 2)).first(where: { base[$0] == 0 }) {
            throw error(
                "the file contains a NUL byte here, so it is not text; a JSON export must be UTF-8 text", at: nul)
        }
        skipWhitespace()
        guard i < end || more(i) else {
            throw RecordLoadError(
                file: path,
                message: "the file is empty (it holds only whitespace); a records export must be a JSON object")
        }
        guard base[i] == Byte.openBrace else {
            throw error(
                "the export must be a JSON object whose keys are collections such as \"complaints\"; found \(describeTopLevel(base[i]))"
            )
        }
        var current = newFrame(isObject: true, depth: 0)
        // Held here, so that handing it on for every value retains nothing.
        let arena = self.arena
        var stack: [JSONFrame] = []
        stack.reserveCapacity(16)
        i += 1
        var state = State.objectStart
        while true {
            switch state {
            case .objectStart:
                skipWhitespace()
                guard i < end || more(i) else { throw truncated(current) }
                if base[i] == Byte.closeBrace {
                    i += 1
                    state = .afterValue
                    if try close(&current, &stack) { return rootRecord(current) }
                } else {
                    try readKey(into: &current)
                    state = .value
                }
            case .arrayStart:
                skipWhitespace()
                guard i < end || more(i) else { throw truncated(current) }
                if base[i] == Byte.closeBracket {
                    i += 1
                    state = .afterValue
                    if try close(&current, &stack) { return rootRecord(current) }
                } else {
                    state = .value
                }
            case .value:
                skipWhitespace()
                guard i < end || more(i) else { throw truncated(current) }
                let byte = base[i]
                if byte == Byte.openBrace || byte == Byte.openBracket {
                    guard stack.count + 2 <= JSONRecordLoader.maximumDepth else {
                        throw error("nesting is deeper than \(JSONRecordLoader.maximumDepth) levels")
                    }
                    let isObject = byte == Byte.openBrace
                    let frame = newFrame(isObject: isObject, depth: stack.count + 1)
                    stack.append(current)
                    current = frame
                    i += 1
                    state = isObject ? .objectStart : .arrayStart
                    continue
                }
                if current.isObject {
                    if let word = try readScalarWord(byte, field: current.pendingKey, arena: arena) {
                        fieldStack.appendWord(word, name: current.pendingKey)
                    }
                } else if let value = try readScalar(byte) {
                    if current.isObject {
                        fieldStack.append(Record.Field(name: current.pendingKey, value: .text(value)))
                    } else {
                        itemStack.append(.text(value))
                    }
                }
                state = .afterValue
            case .afterValue:
                skipWhitespace()
                guard i < end || more(i) else { throw truncated(current) }
                let byte = base[i]
                if byte == Byte.comma {
                    i += 1
                    if current.isObject {
                        skipWhitespace()
                        guard i < end || more(i) else { throw truncated(current) }
                        if base[i] == Byte.closeBrace {
                            throw error("there is a comma before '}'; remove the comma after the last field")
                        }
                        try readKey(into: &current)
                    } else {
                        skipWhitespace()
                        guard i < end || more(i) else { throw truncated(current) }
                        if base[i] == Byte.closeBracket {
                            throw error("there is a comma before ']'; remove the comma after the last item")
                        }
                    }
                    state = .value
                } else if current.isObject, byte == Byte.closeBrace {
                    i += 1
                    if try close(&current, &stack) { return rootRecord(current) }
                } else if !current.isObject, byte == Byte.closeBracket {
                    i += 1
                    if try close(&current, &stack) { return rootRecord(current) }
                } else if current.isObject {
                    throw error("expected ',' or '}' after a value but found \(describe(at: i))")
                } else {
                    throw error("expected ',' or ']' after an item but found \(describe(at: i))")
                }
            }
        }
    }

    /// Finishes the innermost container and hands its value to its parent; true when it was the
    /// top-level object (and nothing but whitespace follows it).
    private mutating func close(_ current: inout JSONFrame, _ stack: inout [JSONFrame]) throws(RecordLoadError) -> Bool
    {
        if let stream, i &- lastReleaseCheck >= 1 << 22 {
            lastReleaseCheck = i
            countFrom = lineStart
            countFromLine = line
            // Nothing before `i` is read again (values are copied out of the file) except to count
            // lines for an error, and errors point into the current line. So the pages before the
            // line start go, and on a long line (minified JSON is one line) those more than a
            // megabyte behind the parser too.
            stream.release(before: max(lineStart, i - (1 << 20)), parsed: i)
        }
        if current.isObject, !current.followsTemplate { keyTemplates.commit(depth: current.depth) }
        guard let parent = stack.popLast() else {
            skipWhitespace()
            if i < end || more(i) {
                throw error("there is more text after the end of the JSON object: \(describe(at: i))")
            }
            return true
        }
        if let value = finish(current) {
            if parent.isObject {
                fieldStack.append(Record.Field(name: parent.pendingKey, value: value))
            } else {
                itemStack.append(value)
            }
        }
        current = parent
        return false
    }

    private func newFrame(isObject: Bool, depth: Int) -> JSONFrame {
        JSONFrame(
            isObject: isObject, location: location(), fieldStart: fieldStack.count, itemStart: itemStack.count,
            keyStart: keyStack.count, keySet: nil, pendingKey: placeholder, depth: depth)
    }

    /// The finished value of the innermost container, taken off the shared stacks; nil when it
    /// holds nothing.
    private mutating func finish(_ frame: JSONFrame) -> Value? {
        if frame.isObject {
            if keyStack.count > frame.keyStart { keyStack.removeSubrange(frame.keyStart...) }
            return fieldStack.takeRecord(from: frame.fieldStart, location: frame.location, shapes: &shapes).map(
                Value.record)
        }
        guard itemStack.count > frame.itemStart else { return nil }
        let items = exactCopy(itemStack[frame.itemStart...])
        itemStack.removeSubrange(frame.itemStart...)
        return .list(items)
    }

    /// A new array holding just `slice`. `Array(slice)` hands over the whole shared stack when
    /// the slice starts at its beginning, so a collection would keep the stack's spare capacity
    /// (megabytes for a large export) and the stack would be copied.
    private func exactCopy<Element>(_ slice: ArraySlice<Element>) -> [Element] {
        Array(unsafeUninitializedCapacity: slice.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: slice)
        }
    }

    /// Records `key` for the object `frame`; false when the object already has it.
    private mutating func insertKey(_ key: Name, into frame: inout JSONFrame) -> Bool {
        if frame.keySet != nil { return frame.keySet!.insert(key).inserted }
        var k = frame.keyStart
        while k < keyStack.count {
            if keyStack[k] == key { return false }
            k += 1
        }
        keyStack.append(key)
        if keyStack.count - frame.keyStart > 16 {
            frame.keySet = Set(keyStack[frame.keyStart...])
            keyStack.removeSubrange(frame.keyStart...)
        }
        return true
    }

    private mutating func rootRecord(_ frame: JSONFrame) -> Record {
        fieldStack.takeRecord(from: frame.fieldStart, location: frame.location, shapes: &shapes)
            ?? Record(fields: [], names: keys.names, location: frame.location)
    }

    // MARK: Tokens

    @inline(__always)
    private mutating func skipWhitespace() {
        while i < end || more(i) {
            let byte = base[i]
            if byte > 0x20 { return }
            if byte == 0x20, i &+ 8 <= end {
                // Indentation: as many of the next eight bytes as are spaces (at least this one).
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                i &+= (word ^ 0x2020_2020_2020_2020).trailingZeroBitCount &>> 3
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                i += 1
            } else if byte == 0x0A {
                i += 1
                line += 1
                lineStart = i
            } else {
                return
            }
        }
    }

    /// Reads `"key" :` and makes the key the frame's pending key.
    private mutating func readKey(into frame: inout JSONFrame) throws(RecordLoadError) {
        guard base[i] == Byte.quote else {
            throw error("expected a field name in double quotes but found \(describe(at: i))")
        }
        let keyStart = i
        let name: Name
        let (start, stop, escaped) = try scanString()
        if frame.followsTemplate, !escaped,
            let index = keyTemplates.find(
                depth: frame.depth, from: frame.templateCursor, base + start, stop - start)
        {
            name = keyTemplates.name(depth: frame.depth, index: index)
            frame.templateCursor = index + 1
            frame.matched |= 1 << UInt64(index)
        } else {
            if escaped {
                name = keys.name(decoded: String(decoding: scratch, as: UTF8.self))
            } else {
                name = keys.name(base: base, start: start, length: stop - start)
            }
            if frame.followsTemplate {
                // The keys found so far are checked as any other from now on.
                frame.followsTemplate = false
                keyTemplates.startPending(depth: frame.depth, matched: frame.matched)
                var rest = frame.matched
                while rest != 0 {
                    _ = insertKey(keyTemplates.name(depth: frame.depth, index: rest.trailingZeroBitCount), into: &frame)
                    rest &= rest &- 1
                }
            }
            guard insertKey(name, into: &frame) else {
                let spelled = keys.names.string(name)
                throw error("the JSON key \"\(spelled)\" appears twice in the same object", at: keyStart)
            }
            keyTemplates.appendPending(
                name, depth: frame.depth,
                key: escaped ? nil : UnsafeBufferPointer(start: base + start, count: stop - start))
        }
        frame.pendingKey = name
        skipWhitespace()
        guard i < end || more(i) else { throw truncated(frame) }
        guard base[i] == Byte.colon else {
            throw error("expected ':' after the field name \"\(keys.names.string(name))\" but found \(describe(at: i))")
        }
        i += 1
    }

    /// Reads a string, number or literal of an object's field `field` into `arena`, as
    /// ``readScalar(_:)`` reads it; nil when the value is absent. A string with nothing to
    /// unescape and no whitespace beyond ASCII at its ends goes from the file's bytes to the arena
    /// without becoming a `String`.
    private mutating func readScalarWord(_ byte: UInt8, field: Name, arena: TextArena) throws(RecordLoadError)
        -> UInt32?
    {
        guard byte == Byte.quote else { return try readScalar(byte).map { arena.word($0, field: field) } }
        let (start, stop, escaped) = try scanString()
        if !escaped {
            let (inner, plain) = trimmedScalarBytes(UnsafeBufferPointer(start: base + start, count: stop - start))
            guard !inner.isEmpty else { return nil }
            if plain { return arena.word(UnsafeRawBufferPointer(inner), field: field) }
        }
        return try scannedString(start, stop, escaped).map { arena.word($0, field: field) }
    }

    /// The string just scanned (``scanString()``'s result) as a scalar; nil when blank.
    private mutating func scannedString(_ start: Int, _ stop: Int, _ escaped: Bool) throws(RecordLoadError)
        -> String?
    {
        if escaped { return nonBlank(String(decoding: scratch, as: UTF8.self)) }
        let text = trimmedScalar(
            bytes: UnsafeBufferPointer(start: base + start, count: stop - start), interner: &interner)
        return text.isEmpty ? nil : text
    }

    /// Reads a string, number or literal; nil when the value is absent (null or blank text).
    private mutating func readScalar(_ byte: UInt8) throws(RecordLoadError) -> String? {
        switch byte {
        case Byte.quote:
            let (start, stop, escaped) = try scanString()
            return try scannedString(start, stop, escaped)
        case Byte.minus, Byte.zero...Byte.nine:
            return try scanNumber()
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return "true"
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return "false"
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return nil
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw error("NaN and Infinity are not allowed in JSON; write numbers as plain decimals")
        case Byte.plus:
            throw error("a number must not start with '+'; write it without the sign")
        case Byte.dot:
            throw error("a number must not start with '.'; write a 0 before the decimal point")
        case Byte.closeBrace, Byte.closeBracket, Byte.comma, Byte.colon:
            throw error("expected a value but found \(describe(at: i))")
        default:
            throw error(
                "expected a value (text in double quotes, a number, an object, a list, true, false or null) but found \(describe(at: i))"
            )
        }
    }

    private func nonBlank(_ text: String) -> String? {
        let trimmed = trimmedScalar(text)
        return trimmed.isEmpty ? nil : trimmed
    }

    private mutating func expectLiteral(_ word: StaticString) throws(RecordLoadError) {
        let count = word.utf8CodeUnitCount
        let bytes = word.utf8Start
        for k in 0..<count {
            guard i + k < end || more(i + k) else {
                throw error("the file ends in the middle of the word '\(word)'", at: end)
            }
            guard base[i + k] == bytes[k] else {
                throw error(
                    "expected a value (text in double quotes, a number, an object, a list, true, false or null) but found \(describe(at: i))"
                )
            }
        }
        i += count
        if i < end || more(i), isWordByte(base[i]) {
            throw error("unexpected text after '\(word)': \(describe(at: i))")
        }
    }

    private func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F || byte >= 0x80
    }

    /// Reads a number and returns its literal text.
    private mutating func scanNumber() throws(RecordLoadError) -> String {
        let start = i
        if base[i] == Byte.minus {
            i += 1
            guard i < end || more(i) else { throw error("the file ends in the middle of a number", at: end) }
            if base[i] == UInt8(ascii: "I") || base[i] == UInt8(ascii: "N") {
                throw error("NaN and Infinity are not allowed in JSON; write numbers as plain decimals", at: start)
            }
        }
        guard i < end || more(i), isDigit(base[i]) else {
            throw error("a '-' must be followed by digits to make a number", at: start)
        }
        if base[i] == Byte.zero {
            i += 1
            if i < end || more(i), isDigit(base[i]) {
                throw error(
                    "numbers must not have leading zeros (write 7, not 07); put codes with leading zeros in double quotes",
                    at: start)
            }
        } else {
            while i < end || more(i), isDigit(base[i]) { i += 1 }
        }
        if i < end || more(i), base[i] == Byte.dot {
            i += 1
            guard i < end || more(i), isDigit(base[i]) else {
                throw error("a decimal point must be followed by digits", at: start)
            }
            while i < end || more(i), isDigit(base[i]) { i += 1 }
        }
        if i < end || more(i), base[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < end || more(i), base[i] == Byte.plus || base[i] == Byte.minus { i += 1 }
            guard i < end || more(i), isDigit(base[i]) else {
                throw error("the exponent of a number must have digits", at: start)
            }
            while i < end || more(i), isDigit(base[i]) { i += 1 }
        }
        if i < end || more(i), isWordByte(base[i]) || base[i] == Byte.dot {
            throw error("this is not a valid JSON number: \(describe(at: i)) follows the digits", at: start)
        }
        return String(decoding: UnsafeBufferPointer(start: base + start, count: i - start), as: UTF8.self)
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte &- Byte.zero < 10 }

    /// Scans the string starting at the opening quote at `i`. Without escapes, returns the byte
    /// range of its content; with escapes, the decoded bytes are in `scratch`.
    private mutating func scanString() throws(RecordLoadError) -> (Int, Int, Bool) {
        let open = i
        var j = i + 1
        while true {
            // Eight bytes at a time up to the first that ends the string, starts an escape, is a
            // control character or is beyond ASCII.
            while j &+ 8 <= end {
                let special = Self.specialBytes(
                    UInt64(littleEndian: UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)))
                if special == 0 {
                    j &+= 8
                } else {
                    j &+= special.trailingZeroBitCount &>> 3
                    break
                }
            }
            guard j < end || more(j) else { break }
            let byte = base[j]
            if byte == Byte.quote {
                i = j + 1
                return (open + 1, j, false)
            }
            if byte == Byte.backslash {
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: UnsafeBufferPointer(start: base + open + 1, count: j - open - 1))
                return try scanEscapedString(open: open, from: j)
            }
            if byte < 0x20 { throw controlCharacter(byte, at: j) }
            if byte >= 0x80 {
                let length = utf8Length(at: j)
                guard length > 0 else { throw invalidUTF8(at: j) }
                j += length
            } else {
                j += 1
            }
        }
        throw error(
            "the file ends in the middle of a text value (a string that starts here has no closing '\"')", at: open)
    }

    /// The high bit of each byte of `word` (eight bytes, the first lowest) that ends a string,
    /// starts an escape, is a control character or is beyond ASCII; at least the lowest one set is
    /// exact, so the first such byte is `trailingZeroBitCount / 8` bytes in.
    @inline(__always)
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        // The lowest byte below n (n ≤ 128) sets its high bit in (x - n·ones) & ~x (a borrow goes
        // up only from such a byte); a byte equal to c is a byte below 1 of x ^ c·ones.
        @inline(__always) func below(_ x: UInt64, _ n: UInt64) -> UInt64 { (x &- n &* ones) & ~x & high }
        let quote = below(word ^ (ones &* UInt64(Byte.quote)), 1)
        let backslash = below(word ^ (ones &* UInt64(Byte.backslash)), 1)
        return (word & high) | below(word, 0x20) | quote | backslash
    }

    private mutating func scanEscapedString(open: Int, from position: Int) throws(RecordLoadError) -> (Int, Int, Bool) {
        var j = position
        while j < end || more(j) {
            let byte = base[j]
            if byte == Byte.quote {
                i = j + 1
                return (open + 1, j, true)
            }
            if byte == Byte.backslash {
                guard j + 1 < end || more(j + 1) else { break }
                let escape = base[j + 1]
                switch escape {
                case Byte.quote, Byte.backslash, UInt8(ascii: "/"): scratch.append(escape)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4(at: j + 2, escapeAt: j)
                    var consumed = 6
                    if scalar >= 0xD800, scalar <= 0xDBFF {
                        guard j + 7 < end || more(j + 7), base[j + 6] == Byte.backslash,
                            base[j + 7] == UInt8(ascii: "u")
                        else {
                            throw loneSurrogate(scalar, at: j)
                        }
                        let low = try hex4(at: j + 8, escapeAt: j + 6)
                        guard low >= 0xDC00, low <= 0xDFFF else { throw loneSurrogate(scalar, at: j) }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        consumed = 12
                    } else if scalar >= 0xDC00, scalar <= 0xDFFF {
                        throw loneSurrogate(scalar, at: j)
                    }
                    appendUTF8(scalar)
                    j += consumed
                    continue
                default:
                    throw error(
                        "invalid escape \(describe(at: j + 1)) after a backslash; only \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are allowed",
                        at: j)
                }
                j += 2
                continue
            }
            if byte < 0x20 { throw controlCharacter(byte, at: j) }
            if byte >= 0x80 {
                let length = utf8Length(at: j)
                guard length > 0 else { throw invalidUTF8(at: j) }
                scratch.append(contentsOf: UnsafeBufferPointer(start: base + j, count: length))
                j += length
            } else {
                scratch.append(byte)
                j += 1
            }
        }
        throw error(
            "the file ends in the middle of a text value (a string that starts here has no closing '\"')", at: open)
    }

    private mutating func hex4(at position: Int, escapeAt escape: Int) throws(RecordLoadError) -> UInt32 {
        guard position + 3 < end || more(position + 3) else {
            throw error("the file ends in the middle of a \\u escape", at: escape)
        }
        var value: UInt32 = 0
        for k in position..<(position + 4) {
            let byte = base[k]
            let digit: UInt8
            switch byte {
            case Byte.zero...Byte.nine: digit = byte - Byte.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw error("invalid \\u escape: \\u must be followed by four hexadecimal digits", at: escape)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Length of the valid UTF-8 sequence starting at `j` (a byte >= 0x80), or 0 when invalid.
    @inline(__always)
    private mutating func utf8Length(at j: Int) -> Int {
        @inline(__always) func continuation(_ k: Int) -> Bool { (k < end || more(k)) && base[k] & 0xC0 == 0x80 }
        @inline(__always) func within(_ k: Int, _ low: UInt8, _ high: UInt8) -> Bool {
            (k < end || more(k)) && base[k] >= low && base[k] <= high
        }
        switch base[j] {
        case 0xC2...0xDF:
            return continuation(j + 1) ? 2 : 0
        case 0xE0:
            return within(j + 1, 0xA0, 0xBF) && continuation(j + 2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(j + 1) && continuation(j + 2) ? 3 : 0
        case 0xED:
            return within(j + 1, 0x80, 0x9F) && continuation(j + 2) ? 3 : 0
        case 0xF0:
            return within(j + 1, 0x90, 0xBF) && continuation(j + 2) && continuation(j + 3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(j + 1) && continuation(j + 2) && continuation(j + 3) ? 4 : 0
        case 0xF4:
            return within(j + 1, 0x80, 0x8F) && continuation(j + 2) && continuation(j + 3) ? 4 : 0
        default:
            return 0
        }
    }

    // MARK: Errors

    private func location() -> SourceLocation {
        SourceLocation(file: fileIndex, line: line, column: i - lineStart + 1)
    }

    private func error(_ message: String, at position: Int? = nil) -> RecordLoadError {
        let position = position ?? i
        // Tokens never span lines, so the position is on the current line unless it is earlier
        // than the line start (an error reported at a token's start).
        var errorLine = line
        var start = lineStart
        if position < lineStart {
            // Count back; only happens for errors, so the cost does not matter.
            errorLine = position >= countFrom ? countFromLine : 1
            start = position >= countFrom ? countFrom : 0
            var k = start
            while k < position {
                if base[k] == 0x0A {
                    errorLine += 1
                    start = k + 1
                }
                k += 1
            }
        }
        return RecordLoadError(file: path, line: errorLine, column: position - start + 1, message: message)
    }

    private func truncated(_ frame: JSONFrame) -> RecordLoadError {
        let what = frame.isObject ? "object" : "list"
        return error(
            "the file ends in the middle of the \(what) that starts on line \(frame.location.line); it may have been cut short",
            at: end)
    }

    private func controlCharacter(_ byte: UInt8, at position: Int) -> RecordLoadError {
        let name: String
        switch byte {
        case 0x0A: name = "a line break"
        case 0x09: name = "a tab"
        case 0x0D: name = "a carriage return"
        default: name = "the control character \(hexByte(byte))"
        }
        return error(
            "a text value contains \(name); write it as an escape such as \\n or \\t, or check for a missing closing '\"'",
            at: position)
    }

    private func invalidUTF8(at position: Int) -> RecordLoadError {
        error(
            "the text is not valid UTF-8 (byte \(hexByte(base[position])) here); save the export with UTF-8 encoding",
            at: position)
    }

    private func loneSurrogate(_ scalar: UInt32, at position: Int) -> RecordLoadError {
        let digits = String(scalar, radix: 16, uppercase: true)
        return error(
            "the escape \\u\(digits) is half of a surrogate pair without its other half (a lone surrogate), which is not a valid character",
            at: position)
    }

    private func hexByte(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" + digits : digits)
    }

    /// A short description of the byte at `position` for messages.
    private mutating func describe(at position: Int) -> String {
        guard position < end || more(position) else { return "the end of the file" }
        let byte = base[position]
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte >= 0x80 {
            let length = utf8Length(at: position)
            if length > 0 {
                return "'" + String(decoding: UnsafeBufferPointer(start: base + position, count: length), as: UTF8.self)
                    + "'"
            }
        }
        return "the byte \(hexByte(byte))"
    }

    private mutating func describeTopLevel(_ byte: UInt8) -> String {
        switch byte {
        case Byte.openBracket: return "an array"
        case Byte.quote: return "a text value"
        case Byte.minus, Byte.zero...Byte.nine: return "a number"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "true or false"
        case UInt8(ascii: "n"): return "null"
        default: return describe(at: i)
        }
    }
}
