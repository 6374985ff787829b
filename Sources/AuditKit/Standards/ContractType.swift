/// The type of one field of the records contract.
///
/// Exports keep every scalar as text (``Value/text(_:)``); a type says which texts are valid
/// for the field, and whether it holds one value, a list of values or a list of records.
public indirect enum ContractType: Sendable, Equatable {
    /// Free text.
    case text
    /// An ISO 8601 date or date-time (`2026-03-01`, `2026-03-01T09:30:00Z`).
    case date
    /// `true` or `false`.
    case boolean
    /// A plain decimal number.
    case number
    /// One of a fixed list of codes (`low`, `medium`…).
    case code([String])
    /// The `id` of a record in the named collection.
    case reference(String)
    /// A list of codes; any text when the list of allowed codes is nil. A single value counts as
    /// a list of one.
    case codes([String]?)
    /// A list of `id`s of records in the named collection.
    case references(String)
    /// A list of records with these fields.
    case records([ContractField])

    /// True for the types that hold one scalar.
    public var isScalar: Bool {
        switch self {
        case .text, .date, .boolean, .number, .code, .reference: return true
        case .codes, .references, .records: return false
        }
    }

    /// A short English description for messages and documentation.
    public var summary: String {
        switch self {
        case .text: return "text"
        case .date: return "date"
        case .boolean: return "true or false"
        case .number: return "number"
        case .code(let codes): return "one of " + codes.joined(separator: ", ")
        case .reference(let collection): return "id of a record in \(collection)"
        case .codes(let codes?): return "list of codes: " + codes.joined(separator: ", ")
        case .codes(nil): return "list of text values"
        case .references(let collection): return "list of ids of records in \(collection)"
        case .records: return "list of records"
        }
    }
}

/// One field of a collection or group of the records contract.
public struct ContractField: Sendable, Equatable {
    /// The field name, as written in exports.
    public var name: String
    /// What the field holds.
    public var type: ContractType

    /// Creates a field.
    public init(_ name: String, _ type: ContractType = .text) {
        self.name = name
        self.type = type
    }

    /// The fields of the records a `.records` field holds; empty for other types.
    public var nestedFields: [ContractField] {
        if case .records(let fields) = type { return fields }
        return []
    }
}

/// A top-level entry of the records contract: a collection of records or a group of fields.
public struct ContractCollection: Sendable, Equatable {
    /// The name of the collection (`complaints`) or group (`organisation`).
    public var name: String
    /// True for a group (one record), false for a collection (a list of records).
    public var isGroup: Bool
    /// The fields of the group, or of each record of the collection.
    public var fields: [ContractField]

    /// Creates a collection or group.
    public init(_ name: String, isGroup: Bool = false, _ fields: [ContractField]) {
        self.name = name
        self.isGroup = isGroup
        self.fields = fields
    }

    /// The field called `name`, if the contract defines it here.
    public func field(_ name: String) -> ContractField? { fields.first { $0.name == name } }
}
