/// The field names of a record, in export order, and where each field's value is kept; shared
/// by every record of a load that was written with the same fields.
///
/// A collection's records are written alike, so a loader hands them one shape and each record
/// keeps only its values: a text field then costs a four-byte word (``CompactText``) instead of
/// 24 bytes (a ``Value`` and a ``Name``) in every record. The shapes of a load also hold its
/// ``TextArena``, where the words of longer texts point.
///
/// Its names and slots are kept in memory of its own, read through pointers: a field lookup
/// touches no array's reference count (only the shape's).
final class RecordShape: @unchecked Sendable {
    /// How a field's value is kept in the record.
    enum Slot: UInt8 {
        /// A text, as a four-byte word among the record's words (``CompactText``): in the word
        /// itself, or in the shape's ``TextArena``.
        case word = 0
        /// A list or a group, or a text of a record made without an arena, among the record's
        /// other values.
        case other = 1
    }

    /// The field names, in export order.
    let names: UnsafeMutableBufferPointer<Name>
    /// For each field, how it is kept (top bit, a ``Slot``) and its position among the values
    /// kept that way (the other 31 bits).
    let slots: UnsafeMutableBufferPointer<UInt32>
    /// How many fields are kept as words and as other values.
    let wordCount: Int, otherCount: Int
    /// Where the words of texts that are not inline point; nil for a record made on its own,
    /// whose words are all inline.
    let arena: TextArena?
    /// The arena's state, read without retaining the arena (``arena`` keeps it alive).
    let arenaState: UnsafeMutablePointer<TextArena.State>?

    /// The shape of a record with these fields, kept as `kinds` say, its texts in `arena`.
    init(names: UnsafeBufferPointer<Record.Field>, kinds: UnsafeBufferPointer<Slot>, arena: TextArena?) {
        var counts = (words: 0, others: 0)
        self.names = .allocate(capacity: names.count)
        self.slots = .allocate(capacity: kinds.count)
        for index in 0..<kinds.count {
            let kind = kinds[index]
            let position: Int
            switch kind {
            case .word: position = counts.words; counts.words += 1
            case .other: position = counts.others; counts.others += 1
            }
            (self.names.baseAddress! + index).initialize(to: names[index].name)
            (self.slots.baseAddress! + index).initialize(to: UInt32(kind.rawValue) << 31 | UInt32(position))
        }
        wordCount = counts.words
        otherCount = counts.others
        self.arena = arena
        self.arenaState = arena?.state
    }

    deinit {
        names.deallocate()
        slots.deallocate()
    }

    private init() {
        names = .allocate(capacity: 0)
        slots = .allocate(capacity: 0)
        wordCount = 0
        otherCount = 0
        arena = nil
        arenaState = nil
    }

    /// The shape with no fields.
    static let empty = RecordShape()

    /// True when `fields` have exactly these names, kept as `kinds` say as this shape keeps them.
    func matches(_ fields: UnsafeBufferPointer<Record.Field>, _ kinds: UnsafeBufferPointer<Slot>) -> Bool {
        guard fields.count == names.count else { return false }
        for index in 0..<names.count {
            guard fields[index].name == names[index], UInt8(slots[index] >> 31) == kinds[index].rawValue
            else { return false }
        }
        return true
    }
}

/// Hands out one ``RecordShape`` for all the records of a load that have the same fields, so a
/// shape is stored once, not once per record, and keeps the load's texts in one ``TextArena``.
struct RecordShapeTable {
    /// Where the records of the load keep their texts.
    let arena = TextArena()
    private var buckets: [UInt64: [RecordShape]] = [:]
    private var last: RecordShape = .empty
    private var stored = 0
    /// More distinct shapes than this (an export whose every record has different fields) are
    /// no longer kept for sharing: the table stops growing and each such record gets its own.
    private static let limit = 1 << 16

    /// Creates an empty table.
    init() {}

    /// The shared shape for `fields`, kept as `kinds` say.
    mutating func shape(for fields: UnsafeBufferPointer<Record.Field>, kinds: UnsafeBufferPointer<RecordShape.Slot>)
        -> RecordShape
    {
        if last.matches(fields, kinds) { return last }
        // FNV-1a over the names and kinds: the table is the loader's own, so a plain hash does.
        var key = 14_695_981_039_346_656_037 as UInt64
        for index in 0..<fields.count {
            let word = UInt64(UInt32(bitPattern: fields[index].name.id)) << 2 | UInt64(kinds[index].rawValue)
            key = (key ^ word) &* 1_099_511_628_211
        }
        if let candidates = buckets[key] {
            for shape in candidates where shape.matches(fields, kinds) {
                last = shape
                return shape
            }
        }
        let shape = RecordShape(names: fields, kinds: kinds, arena: arena)
        if stored < Self.limit {
            buckets[key, default: []].append(shape)
            stored += 1
        }
        last = shape
        return shape
    }
}
