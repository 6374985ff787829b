/// One record of an export (a complaint, a process, the organisation…) or a group of fields.
///
/// Fields are kept in the order the export wrote them; a record has a few dozen at most, so a
/// linear scan over interned names is faster than hashing.
public struct Record: Sendable, Equatable {
    /// One named value of a record.
    public struct Field: Sendable, Equatable {
        /// The field name.
        public var name: Name
        /// The field value; absent fields are not stored.
        public var value: Value

        /// Creates a field.
        public init(name: Name, value: Value) {
            self.name = name
            self.value = value
        }
    }

    /// The fields, in export order.
    public var fields: [Field]
    /// Where the record starts in its input file.
    public var location: SourceLocation

    /// Creates a record.
    public init(fields: [Field] = [], location: SourceLocation = .unknown) {
        self.fields = fields
        self.location = location
    }

    /// The value of the field `name`, or nil when it is absent.
    @inlinable
    public subscript(name: Name) -> Value? {
        for field in fields where field.name == name { return field.value }
        return nil
    }

    /// The value of the field spelled `name`, or nil when it is absent.
    public subscript(name: String) -> Value? { self[Name(name)] }

    /// The record's `id`, when it has a scalar one.
    public var id: String? { self[Name.id]?.text }
}
