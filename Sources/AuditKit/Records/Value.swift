/// A value in a records export, the same for the XML and the JSON spelling.
///
/// Scalars are kept as the text the export wrote (`"2026-03-01"`, `"3"`, `"true"`), whether they
/// came from an XML element, an XML attribute, a JSON string, a JSON number or a JSON boolean.
/// Rules give them a type where they use them (a date, a number, a boolean), so the same rules
/// see the same values in both spellings. Absent values (a missing key, JSON `null`, a missing or
/// empty XML element) are not stored at all.
public enum Value: Sendable, Equatable {
    /// A scalar, as written in the export.
    case text(String)
    /// A list of codes or a collection of records.
    case list([Value])
    /// A group of fields, or one item of a collection.
    case record(Record)

    /// The scalar text, if this is a scalar.
    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// The record, if this is a group of fields.
    public var record: Record? {
        if case .record(let record) = self { return record }
        return nil
    }

    /// The items, if this is a list; a scalar or record counts as a list of one.
    public var items: [Value] {
        switch self {
        case .list(let items): return items
        default: return [self]
        }
    }
}
