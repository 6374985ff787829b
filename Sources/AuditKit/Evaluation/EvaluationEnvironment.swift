import Synchronization

/// What every rule of one run sees: the records, the audit date, the parameter values, and the
/// id indexes of the top-level collections, each built once on first use.
final class EvaluationEnvironment: Sendable {
    /// An id index of one top-level collection.
    struct CollectionIndex: Sendable {
        /// One id: the first record carrying it and how many records carry it.
        struct Entry: Sendable {
            var record: Record
            var count: Int
        }
        var entries: [String: Entry] = [:]

        /// The first record with `id`.
        subscript(id: String) -> Record? { entries[id]?.record }

        /// How many records carry `id`.
        func count(of id: String) -> Int { entries[id]?.count ?? 0 }
    }

    /// One collection's index, built once by whichever rule needs it first while rules needing
    /// other indexes go on.
    private final class IndexSlot: Sendable {
        let index = Mutex<CollectionIndex?>(nil)
    }

    let root: Record
    let auditDate: CalendarDate
    let parameters: [String: Expr.Literal]
    private let indexes = Mutex<[String: IndexSlot]>([:])
    private let values = Mutex<[String: RuntimeValue]>([:])

    init(root: Record, auditDate: CalendarDate, parameters: [String: Expr.Literal]) {
        self.root = root
        self.auditDate = auditDate
        self.parameters = parameters
    }

    /// The top-level value `name` (a collection or a group) as a runtime value, converted once
    /// and shared by every rule rather than converted again by each rule that names it.
    func value(of name: String) -> RuntimeValue {
        values.withLock { values in
            if let value = values[name] { return value }
            let value = RuntimeValue(root[Name(name)])
            values[name] = value
            return value
        }
    }

    /// The id index of the top-level collection `name`, built on first use.
    ///
    /// Built while holding that collection's lock, so two rules evaluated at the same time never
    /// both build it.
    func index(of name: String) -> CollectionIndex {
        let slot = indexes.withLock { indexes in
            if let slot = indexes[name] { return slot }
            let slot = IndexSlot()
            indexes[name] = slot
            return slot
        }
        return slot.index.withLock { index in
            if let index { return index }
            let items = root[Name(name)]?.items ?? []
            var built = CollectionIndex()
            built.entries.reserveCapacity(items.count)
            for item in items {
                guard case .record(let record) = item, let id = record.id else { continue }
                if let found = built.entries.index(forKey: id) {
                    built.entries.values[found].count += 1
                } else {
                    built.entries[id] = CollectionIndex.Entry(record: record, count: 1)
                }
            }
            index = built
            return built
        }
    }
}

/// The variable slots of one evaluation (loop variables of `for each`, quantifiers and filters).
final class EvaluationFrame {
    @exclusivity(unchecked) var slots: [RuntimeValue]

    init(size: Int) {
        slots = Array(repeating: .unknown, count: size)
    }
}

/// A compiled expression: the tree is walked once at compile time, names resolved to slots,
/// constants or indexes, and what remains is a closure per node.
typealias Evaluation = (EvaluationFrame) -> RuntimeValue
