/// A defect of the export file itself (an unknown field, a value of the wrong type, an id used
/// twice): not a nonconformity of the organisation's quality system, so never graded and never
/// escalated, but listed so that the export can be corrected at its source or mapping.
public struct ExportNote: Sendable, Codable, Equatable, Comparable {
    /// `unknown-field`, `wrong-type`, `duplicate-id`, or for workbooks `unread-cell` and `ignored-sheet`.
    public var kind: String
    /// The collection concerned, when known.
    public var collection: String?
    /// The id of the record concerned, when it has one.
    public var record: String?
    /// What is wrong, in plain English (it names the fields as the export writes them).
    public var message: String
    /// Where it is in the export.
    public var location: Finding.Location

    /// Creates a note.
    public init(kind: String, collection: String?, record: String?, message: String, location: Finding.Location) {
        self.kind = kind
        self.collection = collection
        self.record = record
        self.message = message
        self.location = location
    }

    /// The note for one structural violation of the records contract.
    init(_ violation: StructuralViolation) {
        self.init(
            kind: violation.kind.rawValue, collection: violation.collection, record: violation.record,
            message: violation.findingMessage,
            location: violation.location)
    }

    enum CodingKeys: String, CodingKey { case kind, collection, record, message, location }

    /// Writes absent values as `null`, so every note has the same keys.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(collection, forKey: .collection)
        try container.encode(record, forKey: .record)
        try container.encode(message, forKey: .message)
        try container.encode(location, forKey: .location)
    }

    /// By file, line (a workbook: sheet and cell), then message.
    public static func < (lhs: ExportNote, rhs: ExportNote) -> Bool {
        if lhs.location.file != rhs.location.file { return (lhs.location.file ?? "") < (rhs.location.file ?? "") }
        if lhs.location.sheet != rhs.location.sheet || lhs.location.cell != rhs.location.cell {
            return lhs.location.cellPrecedes(rhs.location)
        }
        return (lhs.location.line ?? 0, lhs.message) < (rhs.location.line ?? 0, rhs.message)
    }
}
