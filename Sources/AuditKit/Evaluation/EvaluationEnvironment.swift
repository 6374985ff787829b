import Synchronization

/// What every rule of one run sees: the records, the audit date, the parameter values, and the
/// id indexes of the top-level collections, each built once on first use.
final class EvaluationEnvironment: Sendable {
    /// An id index of one top-level collection.
    struct CollectionIndex: Sendable {
        /// The collection's items.
        let items: [Value]
        /// Open addressing with linear probing: each slot holds 1 + the position of the first
        /// record with an id hashing there, or 0. Four bytes a slot and at most half of them
        /// used: about 1 MB for 100,000 records, where a `[String: position]` dictionary took 8.
        private var slots: [Int32]
        /// How many records carry an id, for the ids carried more than once (keyed by the first
        /// record's position).
        private var repeats: [Int32: Int32] = [:]

        /// True when the collection's `id`s, as `collection.id` lists them, are exactly the ids
        /// indexed here: every item is a record whose `id` is absent or one text, or a scalar
        /// (which has no `id`). Then `x in collection.id` is a lookup (``contains(_:)``).
        let listsExactlyItsIDs: Bool

        init(items: [Value]) {
            self.items = items
            var capacity = 16
            while capacity < 2 * items.count { capacity <<= 1 }
            slots = Array(repeating: 0, count: capacity)
            var plain = true
            for position in items.indices {
                // The item's id, read once; an id that is a list or a group is not indexed.
                var id: String?
                switch items[position] {
                case .record(let record):
                    switch record[Name.id] {
                    case .text(let text)?: id = text
                    case .list?, .record?: plain = false
                    case nil: break
                    }
                case .list: plain = false
                case .text: break
                }
                guard let id else { continue }
                var slot = id.hashValue & (capacity - 1)
                while true {
                    let taken = slots[slot]
                    if taken == 0 {
                        slots[slot] = Int32(position + 1)
                        break
                    }
                    if Self.item(items[Int(taken) - 1], hasID: id) {
                        repeats[taken - 1, default: 1] += 1
                        break
                    }
                    slot = (slot + 1) & (capacity - 1)
                }
            }
            listsExactlyItsIDs = plain
        }

        /// Whether a record carries this id.
        func contains(_ id: String) -> Bool { position(of: id) != nil }

        /// The first record with this id.
        func record(_ id: String) -> Record? {
            position(of: id).flatMap { items[$0].record }
        }

        /// The ids carried by more than one record.
        var repeatedIDs: Set<String> {
            Set(repeats.keys.compactMap { position in items[Int(position)].record?.id })
        }

        /// How many records carry this id.
        func count(_ id: String) -> Int {
            guard let position = position(of: id) else { return 0 }
            // Most collections repeat no id: no hashing of the position then.
            return repeats.isEmpty ? 1 : Int(repeats[Int32(position)] ?? 1)
        }

        private func position(of id: String) -> Int? {
            let mask = slots.count - 1
            var slot = id.hashValue & mask
            while true {
                let taken = slots[slot]
                if taken == 0 { return nil }
                if Self.item(items[Int(taken) - 1], hasID: id) { return Int(taken) - 1 }
                slot = (slot + 1) & mask
            }
        }

        /// Whether `item` is a record whose `id` is `id`, compared on its stored text: a probe
        /// compares the records its slots name, and making each one's `id` as a `String` cost
        /// more than the rest of the lookup.
        @inline(__always)
        private static func item(_ item: Value, hasID id: String) -> Bool {
            guard case .record(let record) = item else { return false }
            var hint = 0
            return record.field(Name.id, isText: id, hint: &hint)
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
    /// How codes are written in messages (`term` declarations).
    let terms: Terms
    /// The fields the export says it does not contain, by top-level collection or group
    /// (``ExportedFields``).
    let fieldsNotExported: [String: Set<Name>]
    private let indexes = Mutex<[String: IndexSlot]>([:])
    private let values = Mutex<[String: RuntimeValue]>([:])
    private let lacking = Mutex<[String: Bool]>([:])

    /// The run's names (those of ``root``); rules' field names are interned here as compiled.
    let names: NameTable

    /// The environment of `root`, whose names are `names` (by default the table of `root`).
    init(
        root: Record, names: NameTable? = nil, auditDate: CalendarDate, parameters: [String: Expr.Literal],
        terms: Terms = Terms()
    ) {
        self.terms = terms
        self.root = root
        let names = names ?? root.names ?? NameTable()
        self.names = names
        self.auditDate = auditDate
        self.parameters = parameters
        self.fieldsNotExported = ExportedFields.notExported(root: root, names: names)
    }

    /// The top-level value `name` (a collection or a group) as a runtime value, converted once
    /// and shared by every rule rather than converted again by each rule that names it.
    func value(of name: String) -> RuntimeValue {
        values.withLock { values in
            if let value = values[name] { return value }
            let value = RuntimeValue(root[name])
            values[name] = value
            return value
        }
    }

    /// True when some item of the top-level collection `name` lacks one of `fields` (absent or
    /// blank); worked out once per collection and set of fields.
    func someItemLacks(_ fields: Set<Name>, in name: String) -> Bool {
        let key = name + ":" + fields.map(names.string).sorted().joined(separator: ",")
        if let known = lacking.withLock({ $0[key] }) { return known }
        let lacks = (root[name]?.items ?? []).contains { item in
            fields.contains { !RuntimeValue(item.record?[$0]).isPresent }
        }
        lacking.withLock { $0[key] = lacks }
        return lacks
    }

    /// The ids carried by more than one record of the top-level collection `name`, as its
    /// ``CollectionIndex`` counts them. Found by sorting the ids' hashes when they are ASCII, without
    /// building the index: a rule that asks only this (`x.id is unique in C` with `x` running over
    /// C) then leaves no table as large as the collection behind.
    func repeatedIDs(of name: String) -> Set<String> {
        let items = root[name]?.items ?? []
        let id: (Int) -> String? = { position in
            guard case .record(let record) = items[position], case .text(let text)? = record[Name.id] else {
                return nil
            }
            return text
        }
        guard let repeated = FirstUses.repeatedIDs(count: items.count, idAt: id) else {
            return index(of: name).repeatedIDs
        }
        return Set(repeated.keys.compactMap(id))
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
            let built = CollectionIndex(items: root[name]?.items ?? [])
            index = built
            return built
        }
    }
}

/// The variable slots of one evaluation (loop variables of `for each`, quantifiers and filters).
///
/// The slots are kept in memory of their own rather than in a stored array: a class's stored
/// property is checked for exclusive access at run time, and the slots are read and written for
/// every variable of every item a rule visits. One frame is used by one evaluation, on one thread.
final class EvaluationFrame {
    let slots: UnsafeMutableBufferPointer<RuntimeValue>

    init(size: Int) {
        slots = .allocate(capacity: size)
        slots.initialize(repeating: .unknown)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
}

/// A compiled expression: the tree is walked once at compile time, names resolved to slots,
/// constants or indexes, and what remains is a closure per node.
typealias Evaluation = (EvaluationFrame) -> RuntimeValue
