/// The fields of the records a loader is building, innermost record last. A finished record
/// takes its fields off the top by moving them into its storage, so a field is neither copied
/// (every text retained) nor destroyed (released) on the way.
///
/// A loader that has already put a text in its ``TextArena`` pushes the text's word beside an
/// empty field (``appendWord(_:name:)``), so the text is never made a `String`.
final class FieldStack {
    private var base: UnsafeMutablePointer<Record.Field>
    /// For each field, its text's word with ``FieldStack/hasWord`` set, or 0.
    private var words: UnsafeMutablePointer<UInt64>
    private var capacity: Int
    /// The bit saying a field's text is already a word.
    static let hasWord: UInt64 = 1 << 32
    /// How many fields are on the stack.
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
        words = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
        words.deallocate()
    }

    /// Puts a field on top.
    @inline(__always)
    func append(_ field: Record.Field) {
        if count == capacity { grow() }
        (base + count).initialize(to: field)
        words[count] = 0
        count += 1
    }

    /// Puts on top a text field whose text is `word` in the arena of the loader's shape table.
    @inline(__always)
    func appendWord(_ word: UInt32, name: Name) {
        if count == capacity { grow() }
        (base + count).initialize(to: Record.Field(name: name, value: .text("")))
        words[count] = Self.hasWord | UInt64(word)
        count += 1
    }

    private func grow() {
        let larger = UnsafeMutablePointer<Record.Field>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        let largerWords = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity * 2)
        largerWords.update(from: words, count: count)
        words.deallocate()
        words = largerWords
        capacity *= 2
    }

    /// Drops the fields from `start` to the top (a record that will not be made).
    func remove(from start: Int) {
        guard count > start else { return }
        (base + start).deinitialize(count: count - start)
        count = start
    }

    /// The fields from `start` to the top as a record (nil when there are none), taken off the
    /// stack.
    func takeRecord(from start: Int, location: SourceLocation, shapes: inout RecordShapeTable?) -> Record? {
        guard count > start else { return nil }
        let fields = UnsafeMutableBufferPointer(start: base + start, count: count - start)
        count = start
        return Record(moving: fields, words: words + start, location: location, shapes: &shapes)
    }
}
