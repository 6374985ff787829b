#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The values of the records that share one ``RecordShape``, in columns: a row per record, with
/// its words (``CompactText``, `wordCount` per row), its other values (lists and groups,
/// `otherCount` per row) and its location.
///
/// A record is then its shape and its row number: no heap block of its own. The columns grow by
/// doubling (the words and locations with `realloc`, which for a large column remaps its pages
/// instead of copying them); rows are only appended, by the one loader that owns the shape's
/// table, before any record of the shape is shared, and never changed afterwards.
struct RecordRows {
    private(set) var words: UnsafeMutablePointer<UInt32>?
    private(set) var others: UnsafeMutablePointer<Value>?
    private(set) var locations: UnsafeMutablePointer<SourceLocation>?
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
        (locations! + count).initialize(to: location)
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

    /// `pointer`'s memory (from `malloc`) resized to `count` elements; the process stops, as
    /// on any allocation failure in Swift, when there is no memory left.
    private static func resize<Element>(_ pointer: UnsafeMutablePointer<Element>?, to count: Int)
        -> UnsafeMutablePointer<Element>
    {
        let bytes = max(1, count * MemoryLayout<Element>.stride)
        guard let resized = realloc(pointer, bytes) else { fatalError("out of memory for \(count) record values") }
        return resized.bindMemory(to: Element.self, capacity: count)
    }

    /// Frees the columns (the rows' other values are destroyed).
    mutating func deallocate() {
        if let others {
            others.deinitialize(count: count * otherCount)
            others.deallocate()
        }
        free(words)
        free(locations)
        words = nil
        others = nil
        locations = nil
        count = 0
        capacity = 0
    }
}
