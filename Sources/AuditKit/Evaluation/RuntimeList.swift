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
}
