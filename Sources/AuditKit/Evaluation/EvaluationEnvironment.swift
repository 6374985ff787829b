import Synchronization

/// What every rule of one run sees: the records, the audit date, the parameter values, and the
/// id indexes of the top-level collections, each built once on first use.
final class EvaluationEnvironment: Sendable {
    /// An id index of one top-level collection.
    struct CollectionIndex: Sendable {
        /// Where the records with one id are: the first one's position, and how many there are.
        struct Entry: Sendable {
            var first: Int
            var count: Int
        }

        /// The collection's items.
        var items: [Value] = []
        /// Positions, not records, and one table, not two: releasing a record per id when the
        /// run ends took longer than building the index.
        var entries: [String: Entry] = [:]

        /// The first record with this id.
        func record(_ id: String) -> Record? {
            entries[id].flatMap { items[$0.first].record }
        }

        /// How many records carry this id.
        func count(_ id: String) -> Int {
            entries[id]?.count ?? 0
        }
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
            var built = CollectionIndex(items: root[Name(name)]?.items ?? [])
            built.entries.reserveCapacity(built.items.count)
            for (position, item) in built.items.enumerated() {
                guard case .record(let record) = item, let id = record.id else { continue }
                built.entries[id, default: CollectionIndex.Entry(first: position, count: 0)].count += 1
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
