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

        @inline(__always)
        mutating func next() -> RuntimeValue? {
            guard position < count else { return nil }
            defer { position += 1 }
            return computed.isEmpty ? RuntimeValue(exported[position]) : computed[position]
        }
    }
}
