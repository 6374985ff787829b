/// The items of a list while a rule is evaluated: computed values, or a list of the export
/// read in place.
///
/// A collection of the export (100,000 complaints) is not copied into runtime values: its items
/// are wrapped one at a time as they are read, which costs no more than copying them did and
/// saves a second array as long as the collection (7 MB at 100,000 complaints).
struct RuntimeList: RandomAccessCollection, Sendable {
    private enum Storage: Sendable {
        case computed([RuntimeValue])
        case exported([Value])
    }
    private let storage: Storage

    /// A list of computed values.
    init(_ values: [RuntimeValue]) { storage = .computed(values) }

    /// A list of the export, read in place.
    init(exported values: [Value]) { storage = .exported(values) }

    /// The empty list.
    static let empty = RuntimeList([])

    var startIndex: Int { 0 }

    var endIndex: Int {
        switch storage {
        case .computed(let values): return values.count
        case .exported(let values): return values.count
        }
    }

    @inline(__always)
    subscript(position: Int) -> RuntimeValue {
        switch storage {
        case .computed(let values): return values[position]
        case .exported(let values): return RuntimeValue(values[position])
        }
    }

    /// Goes through the items with the storage unwrapped once, not at every item as the
    /// subscript does: each loop of a rule over a collection runs through here.
    func makeIterator() -> Iterator {
        switch storage {
        case .computed(let values): return Iterator(computed: values, exported: [], count: values.count)
        case .exported(let values): return Iterator(computed: [], exported: values, count: values.count)
        }
    }

    /// The iterator of ``RuntimeList``: one of its two arrays is the list, the other empty.
    struct Iterator: IteratorProtocol {
        fileprivate let computed: [RuntimeValue]
        fileprivate let exported: [Value]
        fileprivate let count: Int
        private var position = 0

        fileprivate init(computed: [RuntimeValue], exported: [Value], count: Int) {
            self.computed = computed
            self.exported = exported
            self.count = count
        }

        /// The shapes of the records handed out so far, each with this loop's stand-in for it
        /// (``RecordShape/init(standingInFor:)``): every copy of a record counts a reference to
        /// its shape, and a stand-in is counted on this thread alone. A few shapes at most; the
        /// records of further ones are handed out as they are.
        private var standIns: [(shape: RecordShape, standIn: RecordShape)] = []

        /// Records handed out before stand-ins are made: a short list (a complaint's actions)
        /// would pay more for making them than it saves.
        private static let plainPrefix = 16

        @inline(__always)
        mutating func next() -> RuntimeValue? {
            guard position < count else { return nil }
            defer { position += 1 }
            guard computed.isEmpty else { return computed[position] }
            if position >= Self.plainPrefix, case .record(let record) = exported[position] {
                return .record(standIn(for: record))
            }
            return RuntimeValue(exported[position])
        }

        /// `record`, read through this loop's stand-in for its shape.
        @inline(__always)
        private mutating func standIn(for record: Record) -> Record {
            for entry in standIns where record.shape === entry.shape {
                return record.reading(through: entry.standIn)
            }
            guard standIns.count < 4 else { return record }
            let standIn = RecordShape(standingInFor: record.shape)
            standIns.append((record.shape, standIn))
            return record.reading(through: standIn)
        }
    }
}
