/// Which item of one list first used each id, for reporting ids used twice; as a `[String: Int]`
/// would, but without hashing every id with `Hasher`, which costs more than the rest of a
/// record's check, and without a copy of every id: the table keeps four bytes per item, and reads
/// an id back from its item (`idOf`) when the hashes agree.
///
/// ASCII ids, almost all of them, sit in an open-addressing table under a cheap hash of their
/// bytes: two ASCII strings are equal exactly when their bytes are. At the first other id, every id
/// moves to a `[String: Int]`, so Unicode equivalence applies as it does to `String`s.
struct FirstUses {
    /// By hash slot: 0 for an empty slot, else the item's position + 1 in the bits of
    /// `positionMask` and high bits of the id's hash in the others. Its count is a power of two.
    private var slots: [UInt32] = []
    private let positionMask: UInt32
    /// Every id's first item, once an id other than ASCII has been seen.
    private var general: [String: Int]?

    /// A table for the ids of a list of `count` items (positions below `count`); nothing is
    /// allocated for none.
    init(items count: Int) {
        var bits = 0
        while bits < 32, UInt64(count) >= UInt64(1) << bits { bits += 1 }
        positionMask = bits == 32 ? .max : UInt32(1) << bits - 1
        guard count > 0 else { return }
        var slotCount = 16
        while slotCount * 3 < count * 4 { slotCount *= 2 }
        slots = Array(repeating: 0, count: slotCount)
    }

    /// Records that `id` is used by the item at `position`; returns the position of the item that
    /// used it first when there is one (`idOf` gives an earlier item's id), and keeps that one.
    mutating func use(_ id: String, at position: Int, idOf: (Int) -> String) -> Int? {
        if general == nil, let hash = Self.asciiHash(id) { return use(id, hash: hash, at: position, idOf: idOf) }
        if general == nil {
            var byID: [String: Int] = [:]
            for entry in slots where entry != 0 {
                let earlier = Int(entry & positionMask) - 1
                byID[idOf(earlier)] = earlier
            }
            general = byID
        }
        guard let first = general![id] else {
            general![id] = position
            return nil
        }
        return first
    }

    private mutating func use(_ id: String, hash: UInt64, at position: Int, idOf: (Int) -> String) -> Int? {
        let mask = slots.count - 1
        let check = UInt32(truncatingIfNeeded: hash >> 32) & ~positionMask
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let entry = slots[slot]
            let earlier = Int(entry & positionMask) - 1
            if entry & ~positionMask == check, idOf(earlier) == id { return earlier }
            slot = (slot + 1) & mask
        }
        slots[slot] = check | UInt32(position + 1)
        return nil
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
