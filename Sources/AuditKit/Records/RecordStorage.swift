/// The values of one ``Record``, in a single heap block: its shape and other values (lists and
/// groups) in the header, then a four-byte word for each text (``CompactText``), which holds the
/// text itself or says where the shape's ``TextArena`` keeps it.
///
/// Immutable once made; a record that changes gets a new storage.
///
/// `ManagedBuffer` is never `Sendable`; records still are, because a storage is never changed
/// after ``make(moving:shapes:)`` returns it.
final class RecordStorage: ManagedBuffer<RecordStorage.Header, UInt32> {
    struct Header {
        /// The field names and where each value is kept.
        let shape: RecordShape
        /// The values that are not words (lists, groups, and texts of a record made without an
        /// arena that are not inline), in field order.
        let others: [Value]
    }

    /// The storage of a record with these fields, in the order given.
    static func make(_ fields: [Record.Field]) -> RecordStorage {
        guard !fields.isEmpty else { return empty }
        let copy = UnsafeMutableBufferPointer<Record.Field>.allocate(capacity: fields.count)
        defer { copy.deallocate() }
        _ = copy.initialize(from: fields)
        var shapes: RecordShapeTable? = nil
        return make(moving: copy, shapes: &shapes)
    }

    /// The storage of a record with these fields, moved out of `fields` (left uninitialised),
    /// with a shape shared through `shapes` and its texts in the table's arena when there is a
    /// table. A field whose entry in `words` has ``FieldStack/hasWord`` set is a text already in
    /// that arena, with that word.
    static func make(
        moving fields: UnsafeMutableBufferPointer<Record.Field>, words given: UnsafePointer<UInt64>? = nil,
        shapes: inout RecordShapeTable?
    ) -> RecordStorage {
        let arena = shapes?.arena
        return withUnsafeTemporaryAllocation(of: RecordShape.Slot.self, capacity: fields.count) { kinds in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: fields.count) { words in
                for index in fields.indices {
                    var kind = RecordShape.Slot.other
                    var word: UInt32 = 0
                    if let given, arena != nil, given[index] & FieldStack.hasWord != 0 {
                        word = UInt32(truncatingIfNeeded: given[index])
                        kind = .word
                    } else if case .text(let text) = fields[index].value {
                        if let arena {
                            word = arena.word(text, field: fields[index].name)
                            kind = .word
                        } else if let inline = CompactText.word(text) {
                            word = inline
                            kind = .word
                        }
                    }
                    (kinds.baseAddress! + index).initialize(to: kind)
                    (words.baseAddress! + index).initialize(to: word)
                }
                let readOnly = UnsafeBufferPointer(fields)
                let shape =
                    shapes?.shape(for: readOnly, kinds: UnsafeBufferPointer(kinds))
                    ?? RecordShape(names: readOnly, kinds: UnsafeBufferPointer(kinds), arena: nil)
                var others: [Value] = []
                if shape.otherCount > 0 { others.reserveCapacity(shape.otherCount) }
                let made = create(minimumCapacity: shape.wordCount) { _ in Header(shape: shape, others: []) }
                made.withUnsafeMutablePointers { header, stored in
                    var wordCount = 0
                    for index in fields.indices {
                        let field = (fields.baseAddress! + index).move()
                        switch kinds[index] {
                        case .word:
                            (stored + wordCount).initialize(to: words[index])
                            wordCount += 1
                        case .other:
                            others.append(field.value)
                        }
                    }
                    if !others.isEmpty {
                        header.pointee = Header(shape: shape, others: others)
                    }
                }
                return unsafeDowncast(made, to: RecordStorage.self)
            }
        }
    }

    /// A copy with the same shape and texts, and `others` (as many, in the same order) as its
    /// lists and groups.
    func replacingOthers(_ others: [Value]) -> RecordStorage {
        withUnsafeMutablePointers { header, words in
            let shape = header.pointee.shape
            let made = Self.create(minimumCapacity: shape.wordCount) { _ in Header(shape: shape, others: others) }
            made.withUnsafeMutablePointerToElements { copies in
                copies.initialize(from: words, count: shape.wordCount)
            }
            return unsafeDowncast(made, to: RecordStorage.self)
        }
    }

    /// The storage of the record with no fields.
    nonisolated(unsafe) static let empty = unsafeDowncast(
        create(minimumCapacity: 0) { _ in Header(shape: .empty, others: []) },
        to: RecordStorage.self)

    /// The shape. (Read through a pointer: the `header` property of a class is checked for
    /// exclusive access at run time, which cost more than the rest of a field lookup.)
    @inline(__always)
    var shape: RecordShape { withUnsafeMutablePointerToHeader { $0.pointee.shape } }

    /// The value of the field at `position` of the shape.
    @inline(__always)
    func value(at position: Int) -> Value {
        withUnsafeMutablePointers { header, words in
            Self.value(at: position, shape: header.pointee.shape, header: header, words: words)
        }
    }

    /// The value of the field `name`, or nil when there is none; `hint` is where to look first,
    /// and is set to where the field was found.
    @inline(__always)
    func value(of name: Name, hint: inout Int) -> Value? {
        withUnsafeMutablePointers { header, words in
            let shape = header.pointee.shape
            let names = shape.names
            if hint < names.count, names[hint] == name {
                return Self.value(at: hint, shape: shape, header: header, words: words)
            }
            for index in 0..<names.count where names[index] == name {
                hint = index
                return Self.value(at: index, shape: shape, header: header, words: words)
            }
            return nil
        }
    }

    /// ``Record/presence(of:hint:)``.
    @inline(__always)
    func presence(of name: Name, hint: inout Int) -> Bool? {
        withUnsafeMutablePointers { header, words in
            let shape = header.pointee.shape
            let names = shape.names
            var position = hint
            if position >= names.count || names[position] != name {
                guard let found = names.firstIndex(of: name) else { return false }
                position = found
                hint = found
            }
            let slot = shape.slots[position]
            guard slot >> 31 == 0 else { return nil }
            let word = words[Int(slot & 0x7FFF_FFFF)]
            let first: UInt8
            switch CompactText.tag(word) {
            case .short: first = UInt8(truncatingIfNeeded: word & 0x7F)
            case .dateLike: return true
            case .arenaBytes: first = TextArena.firstByte(of: word, in: shape.arenaState!) ?? 0
            case .arenaString: return nil
            }
            return first > 0x20 && first < 0x7F ? true : nil
        }
    }

    @inline(__always)
    private static func value(
        at position: Int, shape: RecordShape, header: UnsafeMutablePointer<Header>,
        words: UnsafeMutablePointer<UInt32>
    ) -> Value {
        let slot = shape.slots[position]
        let index = Int(slot & 0x7FFF_FFFF)
        if slot >> 31 != 0 { return header.pointee.others[index] }
        let word = words[index]
        if CompactText.isInline(word) { return .text(CompactText.text(word)) }
        return .text(TextArena.text(word, in: shape.arenaState!))
    }

    /// The word of the text field at `position`, or nil when the field is not kept in one.
    func word(at position: Int) -> UInt32? {
        withUnsafeMutablePointers { header, words in
            let slot = header.pointee.shape.slots[position]
            return slot >> 31 == 0 ? words[Int(slot & 0x7FFF_FFFF)] : nil
        }
    }

    /// The values that are not words (lists and groups, and texts of a record made without an
    /// arena that are not inline), in field order.
    var others: [Value] { withUnsafeMutablePointerToHeader { $0.pointee.others } }

    /// How many fields the record has.
    @inline(__always)
    var fieldCount: Int {
        withUnsafeMutablePointerToHeader { $0.pointee.shape.names.count }
    }

    /// The name of the field at `position`.
    @inline(__always)
    func name(at position: Int) -> Name {
        withUnsafeMutablePointerToHeader { $0.pointee.shape.names[position] }
    }
}
