/// The values of one ``Record``, in a single heap block: its shape and other values (lists and
/// groups) in the header, then its strings, then its compact texts (``CompactText``), eight
/// bytes each.
///
/// Immutable once made; a record that changes gets a new storage.
///
/// `ManagedBuffer` is never `Sendable`; records still are, because a storage is never changed
/// after ``make(moving:shapes:)`` returns it.
final class RecordStorage: ManagedBuffer<RecordStorage.Header, String> {
    struct Header {
        /// The field names and where each value is kept.
        let shape: RecordShape
        /// The values that are not texts (lists and groups), in field order.
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
    /// with a shape shared through `shapes` when there is a table.
    static func make(moving fields: UnsafeMutableBufferPointer<Record.Field>, shapes: inout RecordShapeTable?)
        -> RecordStorage
    {
        withUnsafeTemporaryAllocation(of: RecordShape.Slot.self, capacity: fields.count) { kinds in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: fields.count) { words in
                for index in fields.indices {
                    let (kind, word) = RecordShape.Slot.of(fields[index].value)
                    (kinds.baseAddress! + index).initialize(to: kind)
                    (words.baseAddress! + index).initialize(to: word)
                }
                let readOnly = UnsafeBufferPointer(fields)
                let shape =
                    shapes?.shape(for: readOnly, kinds: UnsafeBufferPointer(kinds))
                    ?? RecordShape(names: readOnly, kinds: UnsafeBufferPointer(kinds))
                var others: [Value] = []
                if shape.otherCount > 0 { others.reserveCapacity(shape.otherCount) }
                let made = create(minimumCapacity: shape.stringCount + (shape.wordCount + 1) / 2) { _ in
                    Header(shape: shape, others: [])
                }
                made.withUnsafeMutablePointers { header, strings in
                    let packed = UnsafeMutableRawPointer(strings + shape.stringCount)
                    var string = 0
                    var packedCount = 0
                    for index in fields.indices {
                        let field = (fields.baseAddress! + index).move()
                        switch kinds[index] {
                        case .string:
                            guard case .text(let text) = field.value else { continue }
                            (strings + string).initialize(to: text)
                            string += 1
                        case .short, .dateLike:
                            packed.storeBytes(of: words[index], toByteOffset: 8 * packedCount, as: UInt64.self)
                            packedCount += 1
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
        withUnsafeMutablePointers { header, strings in
            let shape = header.pointee.shape
            let made = Self.create(minimumCapacity: shape.stringCount + (shape.wordCount + 1) / 2) { _ in
                Header(shape: shape, others: others)
            }
            made.withUnsafeMutablePointerToElements { copies in
                copies.initialize(from: strings, count: shape.stringCount)
                UnsafeMutableRawPointer(copies + shape.stringCount)
                    .copyMemory(from: UnsafeRawPointer(strings + shape.stringCount), byteCount: 8 * shape.wordCount)
            }
            return unsafeDowncast(made, to: RecordStorage.self)
        }
    }

    /// The storage of the record with no fields.
    nonisolated(unsafe) static let empty = unsafeDowncast(
        create(minimumCapacity: 0) { _ in Header(shape: .empty, others: []) },
        to: RecordStorage.self)

    deinit {
        withUnsafeMutablePointers { header, strings in
            _ = strings.deinitialize(count: header.pointee.shape.stringCount)
        }
    }

    /// The shape. (Read through a pointer: the `header` property of a class is checked for
    /// exclusive access at run time, which cost more than the rest of a field lookup.)
    @inline(__always)
    var shape: RecordShape { withUnsafeMutablePointerToHeader { $0.pointee.shape } }

    /// The value of the field at `position` of the shape.
    @inline(__always)
    func value(at position: Int) -> Value {
        withUnsafeMutablePointers { header, strings in
            Self.value(at: position, shape: header.pointee.shape, header: header, strings: strings)
        }
    }

    /// The value of the field `name`, or nil when there is none; `hint` is where to look first,
    /// and is set to where the field was found.
    @inline(__always)
    func value(of name: Name, hint: inout Int) -> Value? {
        withUnsafeMutablePointers { header, strings in
            let shape = header.pointee.shape
            let names = shape.names
            if hint < names.count, names[hint] == name {
                return Self.value(at: hint, shape: shape, header: header, strings: strings)
            }
            for index in 0..<names.count where names[index] == name {
                hint = index
                return Self.value(at: index, shape: shape, header: header, strings: strings)
            }
            return nil
        }
    }

    @inline(__always)
    private static func value(
        at position: Int, shape: RecordShape, header: UnsafeMutablePointer<Header>,
        strings: UnsafeMutablePointer<String>
    ) -> Value {
        let slot = shape.slots[position]
        let index = Int(slot & 0x3FFF_FFFF)
        switch slot >> 30 {
        case 0:
            return .text(strings[index])
        case 3:
            return header.pointee.others[index]
        default:
            let word = UnsafeRawPointer(strings + shape.stringCount).load(fromByteOffset: 8 * index, as: UInt64.self)
            return .text(CompactText.unpack(word, as: slot >> 30 == 1 ? .short : .dateLike))
        }
    }

    /// The values that are not texts (lists and groups), in field order.
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
