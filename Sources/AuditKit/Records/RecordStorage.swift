/// The values of one ``Record``, in a single heap block: its shape and other values in the
/// header, its texts stored inline after it.
///
/// Immutable once made; a record that changes gets a new storage.
///
/// `ManagedBuffer` is never `Sendable`; records still are, because a storage is never changed
/// after ``make(_:shape:)`` returns it.
final class RecordStorage: ManagedBuffer<RecordStorage.Header, String> {
    struct Header {
        /// The field names and where each value is kept.
        let shape: RecordShape
        /// The values that are not texts (lists and groups), in field order.
        let others: [Value]
    }

    /// The storage of a record with these fields, in the order given.
    static func make<Fields: Collection<Record.Field>>(_ fields: Fields, shape: RecordShape) -> RecordStorage {
        var others: [Value] = []
        if shape.textCount != fields.count { others.reserveCapacity(fields.count - shape.textCount) }
        for field in fields {
            if case .text = field.value { continue }
            others.append(field.value)
        }
        let made = create(minimumCapacity: shape.textCount) { _ in Header(shape: shape, others: others) }
        made.withUnsafeMutablePointerToElements { texts in
            var index = 0
            for field in fields {
                guard case .text(let text) = field.value else { continue }
                (texts + index).initialize(to: text)
                index += 1
            }
        }
        return unsafeDowncast(made, to: RecordStorage.self)
    }

    /// The storage of a record with these fields, moved out of `fields` (left uninitialised).
    static func make(moving fields: UnsafeMutableBufferPointer<Record.Field>, shape: RecordShape) -> RecordStorage {
        var others: [Value] = []
        if shape.textCount != fields.count { others.reserveCapacity(fields.count - shape.textCount) }
        let made = create(minimumCapacity: shape.textCount) { _ in Header(shape: shape, others: []) }
        made.withUnsafeMutablePointers { header, texts in
            var index = 0
            for position in fields.indices {
                let field = (fields.baseAddress! + position).move()
                if case .text(let text) = field.value {
                    (texts + index).initialize(to: text)
                    index += 1
                } else {
                    others.append(field.value)
                }
            }
            if !others.isEmpty { header.pointee = Header(shape: shape, others: others) }
        }
        return unsafeDowncast(made, to: RecordStorage.self)
    }

    /// The storage of the record with no fields.
    nonisolated(unsafe) static let empty = make(EmptyCollection<Record.Field>(), shape: .empty)

    deinit {
        _ = withUnsafeMutablePointers { header, texts in
            texts.deinitialize(count: header.pointee.shape.textCount)
        }
    }

    /// The shape. (Read through a pointer: the `header` property of a class is checked for
    /// exclusive access at run time, which cost more than the rest of a field lookup.)
    @inline(__always)
    var shape: RecordShape { withUnsafeMutablePointerToHeader { $0.pointee.shape } }

    /// The value of the field at `position` of the shape.
    @inline(__always)
    func value(at position: Int) -> Value {
        withUnsafeMutablePointers { header, texts in
            let slot = Int(header.pointee.shape.slots[position])
            return slot >= 0 ? .text(texts[slot]) : header.pointee.others[~slot]
        }
    }
}
