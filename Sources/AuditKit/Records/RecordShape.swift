/// The field names of a record, in export order, where each field's value is kept, and the
/// values themselves, a row per record (``RecordRows``); shared by every record of a load that
/// was written with the same fields.
///
/// A collection's records are written alike, so a loader hands them one shape and a record is
/// the shape and its row: a text field costs a four-byte word (``CompactText``) in a column, and
/// a record no heap block of its own. The shapes of a load also hold its ``TextArena``, where
/// the words of longer texts point.
///
/// Its names, slots and rows are kept in memory of its own, read through pointers: a field
/// lookup touches no array's reference count (only the shape's).
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
    /// The run's table the names come from; nil only for ``empty``, which has none.
    let nameTable: NameTable?
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
    /// The values of the records of this shape, a row each; only the loader that made the shape
    /// appends to them, before it hands any of its records on.
    let rows: UnsafeMutablePointer<RecordRows>
    /// The shape whose names and columns this one reads, when it stands in for it
    /// (``init(standingInFor:)``); nil for a shape that owns them.
    private let owner: RecordShape?

    /// The shape of a record with these fields, kept as `kinds` say, its texts in `arena`, with
    /// room for one row (the columns double as rows come); the names come from `nameTable`.
    init(
        names: UnsafeBufferPointer<Record.Field>, kinds: UnsafeBufferPointer<Slot>, arena: TextArena?,
        nameTable: NameTable?
    ) {
        self.nameTable = nameTable
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
        rows = .allocate(capacity: 1)
        rows.initialize(to: RecordRows(wordCount: counts.words, otherCount: counts.others, capacity: 1))
        owner = nil
    }

    /// A shape with the names, slots and arena of `shape` and no rows yet, with room for
    /// `capacity`; its names are `renamed` (those of `shape`, from another table) when given.
    init(like shape: RecordShape, capacity: Int, renamed: (names: [Name], table: NameTable)? = nil) {
        names = .allocate(capacity: shape.names.count)
        if let renamed {
            _ = names.initialize(fromContentsOf: renamed.names)
            nameTable = renamed.table
        } else {
            _ = names.initialize(fromContentsOf: shape.names)
            nameTable = shape.nameTable
        }
        slots = .allocate(capacity: shape.slots.count)
        _ = slots.initialize(fromContentsOf: shape.slots)
        wordCount = shape.wordCount
        otherCount = shape.otherCount
        arena = shape.arena
        arenaState = shape.arenaState
        rows = .allocate(capacity: 1)
        rows.initialize(to: RecordRows(wordCount: wordCount, otherCount: otherCount, capacity: capacity))
        owner = nil
    }

    /// A stand-in for `shape`: the same names, columns and arena, read in place, under a
    /// reference count of its own. The records of a collection share one shape, and a copy of a
    /// record counts a reference to it: two cores going through the same collection for two rules
    /// wrote that one count in turn, and waited for each other at every record (a quarter of the
    /// evaluation's processor time at 300,000 complaints). A loop hands out its records through
    /// stand-ins of its own (``RuntimeList``). A stand-in keeps `shape` alive and frees nothing.
    init(standingInFor shape: RecordShape) {
        let original = shape.owner ?? shape
        owner = original
        names = original.names
        nameTable = original.nameTable
        slots = original.slots
        wordCount = original.wordCount
        otherCount = original.otherCount
        arena = original.arena
        arenaState = original.arenaState
        rows = original.rows
    }

    deinit {
        // A stand-in's names and columns are its owner's.
        guard owner == nil else { return }
        names.deallocate()
        slots.deallocate()
        rows.pointee.deallocate()
        rows.deinitialize(count: 1)
        rows.deallocate()
    }

    /// The shape with no fields, with one row: the record with no fields and no location.
    static let empty: RecordShape = {
        let shape = RecordShape(
            names: UnsafeBufferPointer(start: nil, count: 0), kinds: UnsafeBufferPointer(start: nil, count: 0),
            arena: nil, nameTable: nil)
        _ = shape.appendRow(words: nil, others: nil, location: .unknown)
        return shape
    }()

    /// Adds a record: `words` and `others` (as many as the shape keeps; copied) at `location`.
    /// Returns its row.
    func appendRow(words: UnsafePointer<UInt32>?, others: UnsafePointer<Value>?, location: SourceLocation) -> Int {
        rows.pointee.append(words: words, others: others, location: location)
    }

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
    /// The run's names, which the load's names come from.
    let names: NameTable
    private var buckets: [UInt64: [RecordShape]] = [:]
    /// The shape handed out last (never ``RecordShape/empty``, which is shared by every load:
    /// the table appends rows to the shapes it hands out).
    private var last: RecordShape?
    private var stored = 0
    /// More distinct shapes than this (an export whose every record has different fields) are
    /// no longer kept for sharing: the table stops growing and each such record gets its own.
    private static let limit = 1 << 16

    /// Creates an empty table for a load whose names come from `names`.
    init(names: NameTable) { self.names = names }

    /// The shared shape for `fields`, kept as `kinds` say.
    mutating func shape(for fields: UnsafeBufferPointer<Record.Field>, kinds: UnsafeBufferPointer<RecordShape.Slot>)
        -> RecordShape
    {
        if let last, last.matches(fields, kinds) { return last }
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
        let shape = RecordShape(names: fields, kinds: kinds, arena: arena, nameTable: names)
        if stored < Self.limit {
            buckets[key, default: []].append(shape)
            stored += 1
        }
        last = shape
        return shape
    }
}
