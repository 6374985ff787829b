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

    let root: Record
    let auditDate: CalendarDate
    let parameters: [String: Expr.Literal]
    private let indexes = Mutex<[String: CollectionIndex]>([:])
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
    /// Built while holding the lock, so two rules evaluated at the same time never both build it.
    func index(of name: String) -> CollectionIndex {
        indexes.withLock { indexes in
            if let index = indexes[name] { return index }
            var index = CollectionIndex(items: root[Name(name)]?.items ?? [])
            for (position, item) in index.items.enumerated() {
                guard let record = item.record, let id = record.id else { continue }
                index.entries[id, default: CollectionIndex.Entry(first: position, count: 0)].count += 1
            }
            indexes[name] = index
            return index
        }
    }
}

/// The variable slots of one evaluation (loop variables of `for each`, quantifiers and filters).
final class EvaluationFrame {
    var slots: [RuntimeValue]

    init(size: Int) {
        slots = Array(repeating: .unknown, count: size)
    }
}

/// A compiled expression: the tree is walked once at compile time, names resolved to slots,
/// constants or indexes, and what remains is a closure per node.
typealias Evaluation = (EvaluationFrame) -> RuntimeValue
