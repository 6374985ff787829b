/// The field names of a record, in export order, and where each field's value is kept; shared
/// by every record of a load that was written with the same fields.
///
/// A collection's records are written alike, so a loader hands them one shape and each record
/// keeps only its values: a field then costs the 16 bytes of its text instead of 24 bytes
/// (a ``Value`` and a ``Name``) in every record.
final class RecordShape: Sendable {
    /// The field names, in export order.
    let names: [Name]
    /// Where each field's value is: a position among the record's texts when zero or more, or
    /// `~position` among its other values (lists and groups) when negative.
    let slots: [Int32]
    /// How many of the fields are texts.
    let textCount: Int

    /// The shape of a record with these fields.
    init<Fields: Collection<Record.Field>>(of fields: Fields) {
        var names: [Name] = []
        var slots: [Int32] = []
        names.reserveCapacity(fields.count)
        slots.reserveCapacity(fields.count)
        var texts: Int32 = 0
        var others: Int32 = 0
        for field in fields {
            names.append(field.name)
            if case .text = field.value {
                slots.append(texts)
                texts += 1
            } else {
                slots.append(~others)
                others += 1
            }
        }
        self.names = names
        self.slots = slots
        self.textCount = Int(texts)
    }

    /// The shape with no fields.
    static let empty = RecordShape(of: EmptyCollection<Record.Field>())

    /// True when `fields` have exactly these names, and a text exactly where this shape has one.
    func matches<Fields: Collection<Record.Field>>(_ fields: Fields) -> Bool {
        guard fields.count == names.count else { return false }
        return names.withUnsafeBufferPointer { names in
            slots.withUnsafeBufferPointer { slots in
                var index = 0
                for field in fields {
                    guard field.name == names[index] else { return false }
                    if case .text = field.value {
                        guard slots[index] >= 0 else { return false }
                    } else if slots[index] >= 0 {
                        return false
                    }
                    index += 1
                }
                return true
            }
        }
    }

    /// The position of the field `name`, or nil when the shape has no such field.
    @inline(__always)
    func position(of name: Name) -> Int? {
        names.withUnsafeBufferPointer { names in
            for index in names.indices where names[index] == name { return index }
            return nil
        }
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

    /// The shared shape for `fields`.
    mutating func shape<Fields: Collection<Record.Field>>(for fields: Fields) -> RecordShape {
        if last.matches(fields) { return last }
        // FNV-1a over the names and kinds: the table is the loader's own, so a plain hash does.
        var key = 14_695_981_039_346_656_037 as UInt64
        for field in fields {
            var word = UInt64(UInt32(bitPattern: field.name.id)) << 1
            if case .text = field.value { word |= 1 }
            key = (key ^ word) &* 1_099_511_628_211
        }
        if let candidates = buckets[key] {
            for shape in candidates where shape.matches(fields) {
                last = shape
                return shape
            }
        }
        let shape = RecordShape(of: fields)
        if stored < Self.limit {
            buckets[key, default: []].append(shape)
            stored += 1
        }
        last = shape
        return shape
    }
}
