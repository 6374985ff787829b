/// The records contract compiled for ``ContractValidator``'s walk, which looks up every field of
/// every record: a field is found by its interned ``Name`` with two array reads (through the
/// run's ``ContractSlots``), where ``RecordsContract`` would compare its text with each field
/// name of the list.
///
/// Built once per process and never changed: it numbers the contract's names by their text, not
/// by any run's table.
enum CompiledContract {
    /// The compiled fields of the top-level collection or group called `name`.
    static func fields(ofEntry name: String) -> CompiledFields? { entries[name] }

    /// Slot + 1 of each name the contract uses, by its text: 1, 2, 3…, so each list's lookup
    /// stays as short as the contract.
    static let slotByText: [String: UInt16] = {
        var slots: [String: UInt16] = [:]
        func number(_ fields: [ContractField]) {
            for field in fields {
                if slots[field.name] == nil { slots[field.name] = UInt16(slots.count + 1) }
                number(field.nestedFields)
            }
        }
        for entry in RecordsContract.entries { number(entry.fields) }
        return slots
    }()

    private static let entries: [String: CompiledFields] = Dictionary(
        uniqueKeysWithValues: RecordsContract.entries.map { entry in
            (entry.name, CompiledFields(entry.fields, slotByText: slotByText))
        })
}

/// The contract's slots of one run's names (``CompiledContract/slotByText``, by ``Name/id``).
struct ContractSlots {
    /// Slot + 1 of each contract name by ``Name/id``; 0 for a name the contract does not use.
    let slotByID: [UInt16]

    /// The slots of the contract names `names` holds.
    init(names: NameTable) {
        var slotByID = [UInt16](repeating: 0, count: names.count)
        for (text, slot) in CompiledContract.slotByText {
            if let name = names.existing(text), Int(name.id) < slotByID.count { slotByID[Int(name.id)] = slot }
        }
        self.slotByID = slotByID
    }
}

/// One list of contract fields (a collection's, a group's or a `.records` field's), compiled.
final class CompiledFields: Sendable {
    /// What kind of value a field holds: what the walk switches on for every field.
    enum Kind: Sendable { case text, date, boolean, number, code, codes, references, records }

    /// The fields, in contract order.
    let fields: [ContractField]
    /// The field names, in contract order, for "did you mean" hints.
    let names: [String]
    /// The kind of each field, in contract order.
    let kinds: [Kind]
    /// The allowed codes of each `.code` field, by index; empty for the other fields.
    let codes: [[String]]
    /// The compiled records of each `.records` field, by index; nil for the other fields.
    let nested: [CompiledFields?]
    /// True when the list has an `id` field: its records must not share an id.
    let hasID: Bool
    /// Index + 1 in ``fields`` by slot of the name; 0 for the names this list does not have.
    private let indexBySlot: [UInt8]

    init(_ fields: [ContractField], slotByText: [String: UInt16]) {
        precondition(fields.count < Int(UInt8.max), "a contract field list is too long for its lookup")
        self.fields = fields
        names = fields.map(\.name)
        kinds = fields.map { Kind($0.type) }
        codes = fields.map { field in
            guard case .code(let codes) = field.type else { return [] }
            return codes
        }
        nested = fields.map { field in
            guard case .records(let nested) = field.type else { return nil }
            return CompiledFields(nested, slotByText: slotByText)
        }
        hasID = fields.contains { $0.name == "id" }
        var indexBySlot = [UInt8](repeating: 0, count: slotByText.count)
        // The first field of a name wins, as with `fields.first { $0.name == name }`.
        for (index, field) in fields.enumerated().reversed() {
            let slot = slotByText[field.name]!  // every contract name is numbered
            indexBySlot[Int(slot) - 1] = UInt8(index + 1)
        }
        self.indexBySlot = indexBySlot
    }

    /// The index of the field called `name` (its run's names slotted as `slots` say) in this
    /// list, or nil when the list has none.
    @inline(__always)
    func index(of name: Name, slots: ContractSlots) -> Int? {
        let id = Int(name.id)
        guard id < slots.slotByID.count else { return nil }
        let slot = Int(slots.slotByID[id])
        guard slot != 0 else { return nil }
        let index = Int(indexBySlot[slot - 1])
        return index == 0 ? nil : index - 1
    }
}

extension CompiledFields.Kind {
    init(_ type: ContractType) {
        switch type {
        case .text, .reference: self = .text  // any text fits a reference, as in `scalarProblem`
        case .date: self = .date
        case .boolean: self = .boolean
        case .number: self = .number
        case .code: self = .code
        case .codes: self = .codes
        case .references: self = .references
        case .records: self = .records
        }
    }
}
