/// Static types of field reads, from the records contract (records-contract.md): a rule that adds
/// a number to a contract date (`complaint.received_on + 3`) is refused before any record is read,
/// as the same mistake with a date literal is. Fields outside the contract (custom collections,
/// custom fields) stay of unknown type: their text takes the type its use asks for.
extension Checker {
    /// The contract fields of the one record `expression` gives, when the contract defines them:
    /// a top-level group (`organisation`), a loop variable over contract records, a lookup
    /// (`people[…]`).
    func recordFields(of expression: Expr, _ scope: [Binding]) -> [ContractField]? {
        switch expression.kind {
        case .name(let name):
            if let binding = scope.last(where: { $0.name == name }) { return binding.fields }
            guard isTopLevel(name, scope), let entry = RecordsContract.entry(name), entry.isGroup else { return nil }
            return entry.fields
        case .lookup(let base, _):
            guard case .name(let name) = base.kind, isTopLevel(name, scope) else { return nil }
            return RecordsContract.entry(name)?.fields
        default:
            return nil
        }
    }

    /// The contract fields of each record of the list `expression` gives: a top-level collection
    /// (`complaints`), a list of records in a contract record (`review.actions`).
    func itemFields(of expression: Expr, _ scope: [Binding]) -> [ContractField]? {
        switch expression.kind {
        case .name(let name):
            guard isTopLevel(name, scope), let entry = RecordsContract.entry(name), !entry.isGroup else { return nil }
            return entry.fields
        case .member(let base, let field):
            guard case .records(let fields)? = recordFields(of: base, scope)?.named(field)?.type
            else { return nil }
            return fields
        default:
            return nil
        }
    }

    /// The static type of `base.field`, a field of one record, when the contract types the field;
    /// `.any` otherwise.
    ///
    /// Only the types a rule cannot use otherwise are given: dates, numbers, booleans and lists.
    /// A text field stays unknown, since texts are read as numbers or dates where the rule asks.
    func contractType(ofField field: String, in base: Expr, _ scope: [Binding]) -> ValueType {
        guard let type = recordFields(of: base, scope)?.named(field)?.type else { return .any }
        switch type {
        case .date: return .date
        case .number: return .number
        case .boolean: return .boolean
        case .codes, .references, .records: return .list
        case .text, .code, .reference: return .any
        }
    }
}

extension [ContractField] {
    /// The field named `name`: a field whose name has another length is passed over without
    /// comparing the names (a rule's field reads ask this of every field of a record).
    fileprivate func named(_ name: String) -> ContractField? {
        let length = name.utf8.count
        return first { $0.name.utf8.count == length && $0.name == name }
    }
}
