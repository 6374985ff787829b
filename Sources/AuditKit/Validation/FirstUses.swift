/// Which item of one list first used each id, for reporting ids used twice; as a `[String: Int]`
/// would, but without hashing every id with `Hasher`, which costs more than the rest of a
/// record's check, and without a copy of every id: the table keeps four bytes per item, and reads
/// an id back from its item (`idOf`) when the hashes agree.
///
/// ASCII ids, almost all of them, sit in an open-addressing table under a cheap hash of their
/// bytes: two ASCII strings are equal exactly when their bytes are. At the first other id, every id
/// moves to a `[String: Int]`, so Unicode equivalence applies as it does to `String`s; so they do
/// when ids written to collide under the cheap hash crowd the table (``probeLimit``).
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
        // At most half the slots taken: runs of taken slots stay short (linear probing).
        var slotCount = 16
        while slotCount < count * 2 { slotCount *= 2 }
        slots = Array(repeating: 0, count: slotCount)
    }

    /// Records that `id` is used by the item at `position`; returns the position of the item that
    /// used it first when there is one (`idOf` gives an earlier item's id), and keeps that one.
    mutating func use(_ id: String, at position: Int, idOf: (Int) -> String) -> Int? {
        if general == nil, let hash = Self.asciiHash(id) {
            switch use(id, hash: hash, at: position, idOf: idOf) {
            case .first(let earlier): return earlier
            case .added: return nil
            case .crowded: break
            }
        }
        if general == nil {
            var byID: [String: Int] = [:]
            for entry in slots where entry != 0 {
                let earlier = Int(entry & positionMask) - 1
                byID[idOf(earlier)] = earlier
            }
            general = byID
            slots = []
        }
        guard let first = general![id] else {
            general![id] = position
            return nil
        }
        return first
    }

    /// What the table of ASCII ids answered.
    private enum Probe {
        /// The id was used first by the item at this position.
        case first(Int)
        /// The id is new; the item is now its first use.
        case added
        /// The id's run of taken slots is longer than ``probeLimit``: ids written to collide
        /// under the table's plain hash (an export comes from outside), so the ids move to a
        /// `[String: Int]`, whose hash is seeded per process.
        case crowded
    }

    /// The longest run of taken slots looked through before the ids move to a dictionary.
    static let probeLimit = 128

    private mutating func use(_ id: String, hash: UInt64, at position: Int, idOf: (Int) -> String) -> Probe {
        let mask = slots.count - 1
        let check = UInt32(truncatingIfNeeded: hash >> 32) & ~positionMask
        var slot = Int(truncatingIfNeeded: hash) & mask
        var probes = 0
        while slots[slot] != 0 {
            let entry = slots[slot]
            let earlier = Int(entry & positionMask) - 1
            if entry & ~positionMask == check, idOf(earlier) == id { return .first(earlier) }
            probes += 1
            if probes > Self.probeLimit { return .crowded }
            slot = (slot + 1) & mask
        }
        slots[slot] = check | UInt32(position + 1)
        return .added
    }

    /// FNV-1a of the bytes of an ASCII `id`, with its high bits folded in; nil for other ids.
    static func asciiHash(_ id: String) -> UInt64? {
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

extension FirstUses {
    /// Lists at least this long have their repeated ids found by ``repeatedIDs(count:idAt:)``.
    static let sortingThreshold = 1 << 14

    /// For each item (by position) whose id an earlier item used, the position of the first item
    /// that used it: what ``use(_:at:idOf:)`` answers item after item, found by sorting the ids'
    /// hashes. A table as large as a collection of 300,000 records is read at random, one cache
    /// (and TLB) miss per item; sorting reads and writes in order. `idAt` gives an item's id (nil:
    /// none). Nil when some id is not ASCII: ``use(_:at:idOf:)`` then decides, as `String` equality
    /// does (two ASCII ids are equal exactly when their bytes are).
    static func repeatedIDs(count: Int, idAt: (Int) -> String?) -> [Int: Int]? {
        struct Key {
            var hash: UInt64
            var position: Int
        }
        var keys: [Key] = []
        keys.reserveCapacity(count)
        for position in 0..<count {
            guard let id = idAt(position) else { continue }
            guard let hash = asciiHash(id) else { return nil }
            keys.append(Key(hash: hash, position: position))
        }
        keys.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.position < $1.position }
        var repeated: [Int: Int] = [:]
        var start = 0
        while start < keys.count {
            var stop = start + 1
            while stop < keys.count, keys[stop].hash == keys[start].hash { stop += 1 }
            if stop - start > 1 {
                // The same hash: the ids themselves decide, in the items' order.
                var first: [String: Int] = [:]
                for index in start..<stop {
                    let position = keys[index].position
                    let id = idAt(position) ?? ""
                    if let earlier = first[id] {
                        repeated[position] = earlier
                    } else {
                        first[id] = position
                    }
                }
            }
            start = stop
        }
        return repeated
    }
}
