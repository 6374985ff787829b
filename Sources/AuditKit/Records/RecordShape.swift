/// The field names of a record, in export order, and where each field's value is kept; shared
/// by every record of a load that was written with the same fields.
///
/// A collection's records are written alike, so a loader hands them one shape and each record
/// keeps only its values: a text field then costs 8 bytes (a ``CompactText``) or 16 (a
/// `String`) instead of 24 bytes (a ``Value`` and a ``Name``) in every record.
///
/// Its names and slots are kept in memory of its own, read through pointers: a field lookup
/// touches no array's reference count (only the shape's).
final class RecordShape: @unchecked Sendable {
    /// How a field's value is kept in the record.
    enum Slot: UInt8 {
        /// A `String`, among the record's strings.
        case string = 0
        /// A short ASCII text, in a word (``CompactText/Kind/short``).
        case short = 1
        /// A date-like text, in a word (``CompactText/Kind/dateLike``).
        case dateLike = 2
        /// A list or a group, among the record's other values.
        case other = 3

        /// How `value` is kept, and its word when it is kept in one.
        @inline(__always)
        static func of(_ value: Value) -> (Slot, UInt64) {
            guard case .text(let text) = value else { return (.other, 0) }
            let (kind, word) = CompactText.pack(text)
            switch kind {
            case .string: return (.string, 0)
            case .short: return (.short, word)
            case .dateLike: return (.dateLike, word)
            }
        }
    }

    /// The field names, in export order.
    let names: UnsafeMutableBufferPointer<Name>
    /// For each field, how it is kept (top two bits, a ``Slot``) and its position among the
    /// values kept that way (the other 30 bits).
    let slots: UnsafeMutableBufferPointer<UInt32>
    /// How many fields are kept as strings, in words, and as other values.
    let stringCount: Int, wordCount: Int, otherCount: Int

    /// The shape of a record with these fields, kept as `kinds` say.
    init(names: UnsafeBufferPointer<Record.Field>, kinds: UnsafeBufferPointer<Slot>) {
        var counts = (strings: 0, words: 0, others: 0)
        self.names = .allocate(capacity: names.count)
        self.slots = .allocate(capacity: kinds.count)
        for index in 0..<kinds.count {
            let kind = kinds[index]
            let position: Int
            switch kind {
            case .string: position = counts.strings; counts.strings += 1
            case .short, .dateLike: position = counts.words; counts.words += 1
            case .other: position = counts.others; counts.others += 1
            }
            (self.names.baseAddress! + index).initialize(to: names[index].name)
            (self.slots.baseAddress! + index).initialize(to: UInt32(kind.rawValue) << 30 | UInt32(position))
        }
        stringCount = counts.strings
        wordCount = counts.words
        otherCount = counts.others
    }

    deinit {
        names.deallocate()
        slots.deallocate()
    }

    private init() {
        names = .allocate(capacity: 0)
        slots = .allocate(capacity: 0)
        stringCount = 0
        wordCount = 0
        otherCount = 0
    }

    /// The shape with no fields.
    static let empty = RecordShape()

    /// True when `fields` have exactly these names, kept as `kinds` say as this shape keeps them.
    func matches(_ fields: UnsafeBufferPointer<Record.Field>, _ kinds: UnsafeBufferPointer<Slot>) -> Bool {
        guard fields.count == names.count else { return false }
        for index in 0..<names.count {
            guard fields[index].name == names[index], UInt8(slots[index] >> 30) == kinds[index].rawValue
            else { return false }
        }
        return true
    }
}

/// Hands out one ``RecordShape`` for all the records of a load that have the same fields, so a
/// shape is stored once, not once per record.
struct RecordShapeTable {
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
        let shape = RecordShape(names: fields, kinds: kinds)
        if stored < Self.limit {
            buckets[key, default: []].append(shape)
            stored += 1
        }
        last = shape
        return shape
    }
}
