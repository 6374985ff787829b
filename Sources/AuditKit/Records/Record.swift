/// One record of an export (a complaint, a process, the organisation…) or a group of fields.
///
/// Fields are kept in the order the export wrote them; a record has a few dozen at most, so a
/// linear scan over interned names is faster than hashing.
public struct Record: Sendable, Equatable {
    /// One named value of a record.
    public struct Field: Sendable, Equatable {
        // The value comes first: its 17 bytes and the 4-byte name then fit in 24 (name first, 32).
        /// The field value; absent fields are not stored.
        public var value: Value
        /// The field name.
        public var name: Name

        /// Creates a field.
        public init(name: Name, value: Value) {
            self.name = name
            self.value = value
        }
    }

    /// The fields, in export order.
    public var fields: [Field]
    /// Where the record starts in its input file.
    public var location: SourceLocation {
        get { packedLocation.location }
        set { packedLocation = PackedLocation(newValue) }
    }
    /// The location in eight bytes, which keeps a record at 16 and a field at 24 bytes.
    private var packedLocation: PackedLocation

    /// Creates a record.
    public init(fields: [Field] = [], location: SourceLocation = .unknown) {
        self.fields = fields
        self.packedLocation = PackedLocation(location)
    }

    public static func == (lhs: Record, rhs: Record) -> Bool {
        lhs.fields == rhs.fields && lhs.location == rhs.location
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
