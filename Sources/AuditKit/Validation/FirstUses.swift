/// Where each id of one list was first used, for reporting ids used twice; as a
/// `[String: SourceLocation]` would, but without hashing every id with `Hasher`, which costs more
/// than the rest of a record's check.
///
/// ASCII ids, almost all of them, sit in an open-addressing table under a cheap hash of their
/// bytes: two ASCII strings are equal exactly when their bytes are. At the first other id, every id
/// moves to a `[String: SourceLocation]`, so Unicode equivalence applies as it does to `String`s.
struct FirstUses {
    private var ids: [String] = []
    private var locations: [SourceLocation] = []
    /// Index + 1 in `ids` by hash slot; 0 for an empty slot. Its count is a power of two.
    private var slots: [Int32] = []
    /// Every id, once an id other than ASCII has been seen.
    private var general: [String: SourceLocation]?

    /// Room for `count` ids without growing; nothing is allocated for none.
    init(capacity count: Int) {
        guard count > 0 else { return }
        ids.reserveCapacity(count)
        locations.reserveCapacity(count)
        slots = Array(repeating: 0, count: Self.slotCount(for: count))
    }

    /// Records that `id` is used at `location`; returns where it was first used when it was
    /// already, and keeps that first place.
    mutating func use(_ id: String, at location: SourceLocation) -> SourceLocation? {
        if general == nil, let hash = Self.asciiHash(id) { return use(id, hash: hash, at: location) }
        if general == nil { general = Dictionary(uniqueKeysWithValues: zip(ids, locations)) }
        guard let first = general![id] else {
            general![id] = location
            return nil
        }
        return first
    }

    private mutating func use(_ id: String, hash: UInt64, at location: SourceLocation) -> SourceLocation? {
        if (ids.count + 1) * 4 > slots.count * 3 { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if ids[index] == id { return locations[index] }
            slot = (slot + 1) & mask
        }
        ids.append(id)
        locations.append(location)
        slots[slot] = Int32(ids.count)
        return nil
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: Self.slotCount(for: ids.count * 2 + 1))
        let mask = slots.count - 1
        for (index, id) in ids.enumerated() {
            var slot = Int(truncatingIfNeeded: Self.asciiHash(id)!) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }

    /// A power of two with room for `count` ids at most three quarters full.
    private static func slotCount(for count: Int) -> Int {
        var slots = 16
        while slots * 3 < count * 4 { slots *= 2 }
        return slots
    }

    /// FNV-1a of the bytes of an ASCII `id`, with its high bits folded in; nil for other ids.
    private static func asciiHash(_ id: String) -> UInt64? {
        id.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var high: UInt8 = 0
            for byte in bytes {
                high |= byte
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            return high < 0x80 ? hash ^ (hash >> 29) : nil
        } ?? nil
    }
}
