#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The texts of the records one load builds, as UTF-8 bytes in a few large pages, each text
/// named by a four-byte word (``CompactText``) in its record.
///
/// A text kept as a Swift `String` costs 16 bytes in its record and, past 15 bytes, a heap block
/// of its own (about 80 bytes for a typical field); freeing a large export then means freeing
/// millions of blocks. Here a text costs its bytes and a length byte or two, and a text written
/// again (a customer, a product, a category, the standard wording of a decision) is kept once:
/// texts of up to ``sharedLengthLimit`` bytes are looked up before they are added. Freeing the
/// arena frees a few pages.
///
/// Only the loader that owns the arena adds texts, while it loads; once the load returns the
/// arena is only read, from any thread. Its state is kept in memory of its own, read through a
/// pointer, so a read makes no exclusivity check.
final class TextArena: @unchecked Sendable {
    /// Texts of at most this many bytes are looked up before they are added, so that each is
    /// kept once; longer ones (descriptions, justifications) rarely repeat word for word.
    static let sharedLengthLimit = 128
    /// The largest page; a word addresses 2^10 pages of up to 2^20 bytes.
    private static let pageBits = 20
    private static let maximumPages = 1 << 10
    /// A text whose bytes would take more than this is kept whole, as a `String`.
    private static let largestInPages = 1 << 16
    /// How many places the lookup tries before it gives up sharing a text: sharing is a saving,
    /// never a cost, whatever the texts and their hashes.
    private static let probeLimit = 16

    /// The arena's pages and lookup table, at a fixed address: shapes read texts through it
    /// without retaining the arena (their own reference keeps it alive).
    struct State {
        var pages: UnsafeMutablePointer<UnsafeMutableRawPointer>? = nil
        var pageCount = 0
        var pageListCapacity = 0
        /// Bytes used and available in the last page.
        var used = 0
        var capacity = 0
        /// The texts kept whole.
        var strings: [String] = []
        /// Open addressing: 0 is a free place, otherwise the high half of a kept text's hash and
        /// its word (so a probe reads the text's bytes only when the hashes agree).
        var table: UnsafeMutablePointer<UInt64>? = nil
        var tableMask = 0
        var tableCount = 0
        var byteCount = 0
        /// How well the texts of each field (by ``Name/id``) are shared.
        var sharing: UnsafeMutablePointer<FieldSharing>? = nil
        var sharingCount = 0
    }

    /// Where the arena's state is; valid as long as the arena is.
    let state: UnsafeMutablePointer<State>
    private let seed: UInt64

    /// Creates an empty arena.
    init() {
        state = .allocate(capacity: 1)
        state.initialize(to: State())
        seed = UInt64.random(in: 1...UInt64.max)
    }

    deinit {
        let state = state.pointee
        for index in 0..<state.pageCount { state.pages![index].deallocate() }
        state.pages?.deallocate()
        state.table?.deallocate()
        state.sharing?.deallocate()
        self.state.deinitialize(count: 1)
        self.state.deallocate()
    }

    /// Bytes held in pages (texts, their lengths and the unused end of each page), for tests and
    /// measurements.
    var byteCount: Int { state.pointee.byteCount }

    /// The word of `text`, a value of the field `field`, adding the text unless it is inline or
    /// already kept. Texts of up to ``sharedLengthLimit`` bytes are looked up first, but a field
    /// whose texts are seldom written twice (ids, descriptions) stops being looked up.
    ///
    /// Looking a text up costs a visit to a large table and to the earlier text's bytes, both
    /// seldom in the processor's cache on a large export: for a field of unique texts that was
    /// a third of the loading time, for no sharing.
    func word(_ text: String, field: Name) -> UInt32 {
        var text = text
        return text.withUTF8 { word(UnsafeRawBufferPointer($0), field: field) }
    }

    /// The word of the UTF-8 `bytes`, a value of the field `field`; see ``word(_:field:)-(String,_)``.
    func word(_ bytes: UnsafeRawBufferPointer, field: Name) -> UInt32 {
        if let word = CompactText.word(bytes) { return word }
        guard bytes.count <= Self.sharedLengthLimit else { return add(bytes) }
        let sharing = sharingRecord(of: field)
        // Look up every text of a field for its first 512 texts; then only while at least one in
        // eight is found, and one text in 64 whatever the rate, so that a field whose texts start
        // repeating is noticed.
        let looked = sharing.pointee.looked
        if looked >= 512, sharing.pointee.found &* 8 < looked {
            sharing.pointee.skipped &+= 1
            if sharing.pointee.skipped & 63 != 0 { return add(bytes) }
        }
        let (word, found) = share(bytes)
        sharing.pointee.looked &+= 1
        if found { sharing.pointee.found &+= 1 }
        return word
    }

    /// How often the texts of `field` were looked up, found, and not looked up.
    struct FieldSharing {
        var looked: UInt32 = 0
        var found: UInt32 = 0
        var skipped: UInt32 = 0
    }

    /// The sharing record of `field`, made on first use.
    private func sharingRecord(of field: Name) -> UnsafeMutablePointer<FieldSharing> {
        let index = Int(field.id)
        if index >= state.pointee.sharingCount {
            let count = max(64, index + 1, 2 * state.pointee.sharingCount)
            let records = UnsafeMutablePointer<FieldSharing>.allocate(capacity: count)
            records.initialize(repeating: FieldSharing(), count: count)
            if let old = state.pointee.sharing {
                records.update(from: old, count: state.pointee.sharingCount)
                old.deallocate()
            }
            state.pointee.sharing = records
            state.pointee.sharingCount = count
        }
        return state.pointee.sharing! + index
    }

    /// The word of `bytes` (not inline), found among the texts kept or added; `found` is true
    /// when it was found.
    private func share(_ bytes: UnsafeRawBufferPointer) -> (word: UInt32, found: Bool) {
        if state.pointee.table == nil { growTable() }
        // Seeded per arena: texts cannot be chosen to collide in every run, and the probe limit
        // bounds the cost when they do.
        let hash = ByteHash.of(bytes, seed: seed)
        let check = hash & 0xFFFF_FFFF_0000_0000
        var place = Int(truncatingIfNeeded: hash >> 32) & state.pointee.tableMask
        for _ in 0..<Self.probeLimit {
            let entry = state.pointee.table![place]
            if entry == 0 {
                let word = add(bytes)
                guard CompactText.tag(word) == .arenaBytes else { return (word, false) }
                state.pointee.table![place] = check | UInt64(word)
                state.pointee.tableCount += 1
                if state.pointee.tableCount * 2 > state.pointee.tableMask + 1 { growTable() }
                return (word, false)
            }
            if entry & 0xFFFF_FFFF_0000_0000 == check {
                let word = UInt32(truncatingIfNeeded: entry)
                let same = Self.withBytes(word, in: state) { kept in
                    kept.count == bytes.count && memcmp(kept.baseAddress!, bytes.baseAddress!, kept.count) == 0
                }
                if same { return (word, true) }
            }
            place = (place + 1) & state.pointee.tableMask
        }
        return (add(bytes), false)
    }

    /// The text of `word`, which this arena (or ``CompactText``, for an inline word) made.
    func text(_ word: UInt32) -> String { Self.text(word, in: state) }

    /// The text of `word`, made by the arena whose ``state`` is `state`.
    @inline(__always)
    static func text(_ word: UInt32, in state: UnsafeMutablePointer<State>) -> String {
        switch CompactText.tag(word) {
        case .short, .dateLike:
            return CompactText.text(word)
        case .arenaBytes:
            return withBytes(word, in: state) { bytes in
                String(unsafeUninitializedCapacity: bytes.count) { buffer in
                    _ = buffer.initialize(from: bytes)
                    return bytes.count
                }
            }
        case .arenaString:
            return state.pointee.strings[Int(word & CompactText.payloadMask)]
        }
    }

    /// Whether the text of `word`, a word of ``CompactText/Tag/arenaBytes``, is `text`, compared
    /// on the stored bytes without making a `String`.
    @inline(__always)
    static func bytes(of word: UInt32, in state: UnsafeMutablePointer<State>, equal text: String) -> Bool {
        withBytes(word, in: state) { bytes in
            var text = text
            return text.withUTF8 { $0.count == bytes.count && $0.elementsEqual(bytes) }
        }
    }

    /// The first byte of the text of `word`, a word of ``CompactText/Tag/arenaBytes``; nil for
    /// an empty text.
    @inline(__always)
    static func firstByte(of word: UInt32, in state: UnsafeMutablePointer<State>) -> UInt8? {
        withBytes(word, in: state) { $0.first }
    }

    /// Calls `body` with the UTF-8 bytes of `word`, a word of ``CompactText/Tag/arenaBytes``.
    @inline(__always)
    private static func withBytes<Result>(
        _ word: UInt32, in state: UnsafeMutablePointer<State>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        let payload = Int(word & CompactText.payloadMask)
        var cursor =
            state.pointee.pages![payload >> pageBits].assumingMemoryBound(to: UInt8.self)
            + (payload & (1 << pageBits - 1))
        // The length, seven bits a byte, lowest first; the high bit says another byte follows.
        var count = 0
        var shift = 0
        while true {
            let byte = cursor.pointee
            cursor += 1
            count |= Int(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return body(UnsafeBufferPointer(start: cursor, count: count))
    }

    /// Adds `bytes` without looking for an equal text.
    private func add(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        let count = bytes.count
        var lengthBytes = 1
        while count >> (7 * lengthBytes) > 0 { lengthBytes += 1 }
        let size = lengthBytes + count
        guard size <= Self.largestInPages, let start = reserve(size) else {
            let index = state.pointee.strings.count
            state.pointee.strings.append(String(decoding: bytes, as: UTF8.self))
            return CompactText.Tag.arenaString.rawValue << 30 | UInt32(index)
        }
        var cursor = start
        var rest = count
        while rest >= 0x80 {
            cursor.pointee = UInt8(truncatingIfNeeded: rest) | 0x80
            cursor += 1
            rest >>= 7
        }
        cursor.pointee = UInt8(rest)
        cursor += 1
        if count > 0 { cursor.initialize(from: bytes.bindMemory(to: UInt8.self).baseAddress!, count: count) }
        let page = state.pointee.pageCount - 1
        let offset = state.pointee.used - size
        return CompactText.Tag.arenaBytes.rawValue << 30 | UInt32(page << Self.pageBits | offset)
    }

    /// `size` bytes at the end of the last page, a new page being started when they do not fit;
    /// nil when the arena has all the pages a word can address.
    private func reserve(_ size: Int) -> UnsafeMutablePointer<UInt8>? {
        if state.pointee.capacity - state.pointee.used < size {
            guard state.pointee.pageCount < Self.maximumPages else { return nil }
            // Pages double from 4 KB to 1 MB: a small register does not pay for a large page.
            let capacity = max(size, min(1 << Self.pageBits, max(4_096, 2 * state.pointee.capacity)))
            if state.pointee.pageCount == state.pointee.pageListCapacity {
                let listCapacity = max(8, 2 * state.pointee.pageListCapacity)
                let list = UnsafeMutablePointer<UnsafeMutableRawPointer>.allocate(capacity: listCapacity)
                if let old = state.pointee.pages {
                    list.moveInitialize(from: old, count: state.pointee.pageCount)
                    old.deallocate()
                }
                state.pointee.pages = list
                state.pointee.pageListCapacity = listCapacity
            }
            let page = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
            (state.pointee.pages! + state.pointee.pageCount).initialize(to: page)
            state.pointee.pageCount += 1
            state.pointee.used = 0
            state.pointee.capacity = capacity
            state.pointee.byteCount += capacity
        }
        let start =
            state.pointee.pages![state.pointee.pageCount - 1].assumingMemoryBound(to: UInt8.self)
            + state.pointee.used
        state.pointee.used += size
        return start
    }

    /// Doubles the lookup table (or makes its first), placing the kept texts again by the half
    /// of their hash each entry holds.
    private func growTable() {
        let old = state.pointee.table
        let oldCount = old == nil ? 0 : state.pointee.tableMask + 1
        let count = max(1_024, 2 * oldCount)
        let table = UnsafeMutablePointer<UInt64>.allocate(capacity: count)
        table.initialize(repeating: 0, count: count)
        var kept = 0
        if let old {
            for index in 0..<oldCount where old[index] != 0 {
                var place = Int(truncatingIfNeeded: old[index] >> 32) & (count - 1)
                for _ in 0..<Self.probeLimit {
                    if table[place] == 0 {
                        table[place] = old[index]
                        kept += 1
                        break
                    }
                    place = (place + 1) & (count - 1)
                }
            }
            old.deallocate()
        }
        state.pointee.table = table
        state.pointee.tableMask = count - 1
        state.pointee.tableCount = kept
    }
}
