/// One record of an export (a complaint, a process, the organisation…) or a group of fields.
///
/// Fields are kept in the order the export wrote them; a record has a few dozen at most, so a
/// linear scan over interned names is faster than hashing. The names live in a ``RecordShape``
/// that the records of a collection share, and the values in one ``RecordStorage`` block: a
/// record costs one allocation, and a text field a four-byte word (``CompactText``) that holds
/// the text or says where its load's ``TextArena`` keeps it.
public struct Record: Sendable, Equatable {
    /// One named value of a record.
    public struct Field: Sendable, Equatable {
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

    /// Never changed in place (see ``RecordStorage``), so sharing it between threads is safe.
    nonisolated(unsafe) private var storage: RecordStorage
    /// The location in eight bytes, which keeps a record at 16 bytes.
    private var packedLocation: PackedLocation

    /// Creates a record.
    public init(fields: [Field] = [], location: SourceLocation = .unknown) {
        self.storage = RecordStorage.make(fields)
        self.packedLocation = PackedLocation(location)
    }

    /// Creates a record from initialised `fields`, which it moves into its storage (leaving them
    /// uninitialised), with a shape shared through `shapes`.
    init(
        moving fields: UnsafeMutableBufferPointer<Field>, words: UnsafePointer<UInt64>? = nil,
        location: SourceLocation, shapes: inout RecordShapeTable?
    ) {
        self.storage = RecordStorage.make(moving: fields, words: words, shapes: &shapes)
        self.packedLocation = PackedLocation(location)
    }

    /// The fields, in export order. Reading them makes an array; to look one up, use the
    /// subscript, and to visit them all, ``fieldCount``, ``name(at:)`` and ``value(at:)``.
    public var fields: [Field] {
        get { (0..<fieldCount).map { Field(name: name(at: $0), value: value(at: $0)) } }
        set { storage = RecordStorage.make(newValue) }
    }

    /// How many fields the record has.
    @inline(__always)
    public var fieldCount: Int { storage.fieldCount }

    /// The name of the field at `position` (below ``fieldCount``).
    @inline(__always)
    public func name(at position: Int) -> Name { storage.name(at: position) }

    /// The value of the field at `position` (below ``fieldCount``).
    @inline(__always)
    public func value(at position: Int) -> Value { storage.value(at: position) }

    /// The field at `position` (below ``fieldCount``).
    @inline(__always)
    public func field(at position: Int) -> Field { Field(name: name(at: position), value: value(at: position)) }

    /// The word (``CompactText``) of the text field at `position`, or nil when the field is
    /// not kept in one.
    func textWord(at position: Int) -> UInt32? { storage.word(at: position) }

    /// The values of the fields that are lists or groups, in field order (texts left out).
    var nestedValues: [Value] { storage.others }

    /// A copy whose lists and groups (``nestedValues``, as many, in the same order) are
    /// `values`; names and texts stay as they are, shape and all.
    func replacingNestedValues(_ values: [Value]) -> Record {
        var copy = self
        copy.storage = storage.replacingOthers(values)
        return copy
    }

    /// The shape, which the records of a collection written alike share.
    var shape: RecordShape { storage.shape }

    /// The value of the field `name`, looked for first at `hint`, which is then set to where it
    /// was found: the records of a collection have their fields in the same order.
    @inline(__always)
    func value(of name: Name, hint: inout Int) -> Value? { storage.value(of: name, hint: &hint) }

    /// Whether the field `name` is present (false when it is absent, true when it is a text
    /// starting with a visible character), or nil when that takes reading the value; `hint` as in
    /// ``value(of:hint:)``.
    @inline(__always)
    func presence(of name: Name, hint: inout Int) -> Bool? { storage.presence(of: name, hint: &hint) }

    /// Where the record starts in its input file.
    public var location: SourceLocation {
        get { packedLocation.location }
        set { packedLocation = PackedLocation(newValue) }
    }

    public static func == (lhs: Record, rhs: Record) -> Bool {
        guard lhs.location == rhs.location, lhs.fieldCount == rhs.fieldCount else { return false }
        for position in 0..<lhs.fieldCount {
            guard lhs.name(at: position) == rhs.name(at: position), lhs.value(at: position) == rhs.value(at: position)
            else { return false }
        }
        return true
    }

    /// The value of the field `name`, or nil when it is absent.
    @inline(__always)
    public subscript(name: Name) -> Value? {
        var hint = 0
        return storage.value(of: name, hint: &hint)
    }

    /// The value of the field spelled `name`, or nil when it is absent.
    public subscript(name: String) -> Value? { self[Name(name)] }

    /// The record's `id`, when it has a scalar one.
    public var id: String? { self[Name.id]?.text }
}
