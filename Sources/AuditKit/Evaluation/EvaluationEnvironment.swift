import Synchronization

/// What every rule of one run sees: the records, the audit date, the parameter values, and the
/// id indexes of the top-level collections, each built once on first use.
final class EvaluationEnvironment: Sendable {
    /// An id index of one top-level collection.
    struct CollectionIndex: Sendable {
        /// The first record with each id.
        var records: [String: Record] = [:]
        /// How many records carry each id.
        var counts: [String: Int] = [:]
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
            var index = CollectionIndex()
            for item in root[Name(name)]?.items ?? [] {
                guard let record = item.record, let id = record.id else { continue }
                index.counts[id, default: 0] += 1
                if index.records[id] == nil { index.records[id] = record }
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
