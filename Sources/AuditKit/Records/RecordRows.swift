#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The values of the records that share one ``RecordShape``, in columns: a row per record, with
/// its words (``CompactText``, `wordCount` per row), its other values (lists and groups,
/// `otherCount` per row) and its location (eight bytes).
///
/// A record is then its shape and its row number: no heap block of its own. The columns grow by
/// doubling (the words and locations with `realloc`, which for a large column remaps its pages
/// instead of copying them); rows are only appended, by the one loader that owns the shape's
/// table, before any record of the shape is shared, and never changed afterwards.
struct RecordRows {
    private var words: UnsafeMutablePointer<UInt32>?
    private var others: UnsafeMutablePointer<Value>?
    /// Each row's location packed in eight bytes (``pack(_:)``); the rare one that does not fit
    /// is in ``unpacked``.
    private var locations: UnsafeMutablePointer<UInt64>?
    private var unpacked: [Int: SourceLocation] = [:]
    /// How many rows there are, and how many there is room for.
    private(set) var count = 0
    private var capacity = 0
    let wordCount: Int
    let otherCount: Int

    /// Empty columns for rows of `wordCount` words and `otherCount` other values, with room for
    /// `capacity` rows.
    init(wordCount: Int, otherCount: Int, capacity: Int) {
        self.wordCount = wordCount
        self.otherCount = otherCount
        reserve(max(1, capacity))
    }

    /// Appends a row: its words and other values copied from `words` and `others` (as many as
    /// a row has), at `location`. Returns the row's number.
    mutating func append(
        words given: UnsafePointer<UInt32>?, others copied: UnsafePointer<Value>?, location: SourceLocation
    ) -> Int {
        if count == capacity { reserve(capacity * 2) }
        if wordCount > 0 { (words! + count * wordCount).initialize(from: given!, count: wordCount) }
        if otherCount > 0 { (others! + count * otherCount).initialize(from: copied!, count: otherCount) }
        let packed = Self.pack(location)
        (locations! + count).initialize(to: packed ?? Self.unpackedFlag)
        if packed == nil { unpacked[count] = location }
        count += 1
        return count - 1
    }

    private mutating func reserve(_ rows: Int) {
        if wordCount > 0 { words = Self.resize(words, to: rows * wordCount) }
        locations = Self.resize(locations, to: rows)
        if otherCount > 0 {
            let larger = UnsafeMutablePointer<Value>.allocate(capacity: rows * otherCount)
            if let others {
                larger.moveInitialize(from: others, count: count * otherCount)
                others.deallocate()
            }
            others = larger
        }
        capacity = rows
    }

    /// The words of `row` (``wordCount`` of them), or nil when a row has none.
    @inline(__always)
    func words(ofRow row: Int) -> UnsafePointer<UInt32>? {
        words.map { UnsafePointer($0 + row * wordCount) }
    }

    /// The other values of `row` (``otherCount`` of them), or nil when a row has none.
    @inline(__always)
    func others(ofRow row: Int) -> UnsafePointer<Value>? {
        others.map { UnsafePointer($0 + row * otherCount) }
    }

    /// Where the record of `row` starts in its input file.
    func location(at row: Int) -> SourceLocation {
        let bits = locations![row]
        if bits == Self.unpackedFlag { return unpacked[row] ?? .unknown }
        return SourceLocation(
            file: Int32(truncatingIfNeeded: bits >> (Self.lineBits + Self.columnBits)),
            line: Int(bits >> Self.columnBits & (1 << Self.lineBits - 1)),
            column: Int(bits & (1 << Self.columnBits - 1)))
    }

    private static let fileBits: UInt64 = 12, lineBits: UInt64 = 26, columnBits: UInt64 = 25
    /// The packed value of a location kept whole in ``unpacked`` (a file index past 4,095, a
    /// line past 2^26, a column past 2^25: a record far into a minified file).
    private static let unpackedFlag: UInt64 = 1 << 63

    /// `location` in 63 bits, or nil when it does not fit.
    private static func pack(_ location: SourceLocation) -> UInt64? {
        guard location.file >= 0, location.line >= 0, location.column >= 0 else { return nil }
        let file = UInt64(location.file), line = UInt64(location.line), column = UInt64(location.column)
        guard file < 1 << fileBits, line < 1 << lineBits, column < 1 << columnBits else { return nil }
        return file << (lineBits + columnBits) | line << columnBits | column
    }

    /// `pointer`'s memory (from `malloc`) resized to `count` elements; the process stops, as
    /// on any allocation failure in Swift, when there is no memory left.
    private static func resize<Element>(_ pointer: UnsafeMutablePointer<Element>?, to count: Int)
        -> UnsafeMutablePointer<Element>
    {
        let bytes = max(1, count * MemoryLayout<Element>.stride)
        guard let resized = realloc(pointer, bytes) else { fatalError("out of memory for \(count) record values") }
        return resized.bindMemory(to: Element.self, capacity: count)
    }

    /// Frees the columns (the rows' other values are destroyed); the rows are not read again.
    func deallocate() {
        if let others {
            others.deinitialize(count: count * otherCount)
            others.deallocate()
        }
        free(words)
        free(locations)
    }
}
