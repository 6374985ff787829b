/// One record of an export (a complaint, a process, the organisation…) or a group of fields.
///
/// Fields are kept in the order the export wrote them; a record has a few dozen at most, so a
/// linear scan over interned names is faster than hashing. A record is a view: the names live in
/// a ``RecordShape`` that the records of a collection share, and the values in the shape's
/// columns, at the record's row (``RecordRows``). A text field is a four-byte word
/// (``CompactText``) that holds the text or says where its load's ``TextArena`` keeps it; a
/// record costs no heap block of its own.
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

    /// The names, and the columns holding this record's values at ``row``. A shape's rows are
    /// never changed once its loader has handed its records on, so sharing it between threads
    /// is safe.
    let shape: RecordShape
    /// The record's row in its shape's columns.
    let row: UInt32

    /// The record with no fields and no location, which has no name table.
    public init() {
        self.init(shape: .empty, row: 0)
    }

    /// Creates a record whose field names come from `names`.
    public init(fields: [Field], names: NameTable, location: SourceLocation = .unknown) {
        let copy = UnsafeMutableBufferPointer<Field>.allocate(capacity: fields.count)
        defer { copy.deallocate() }
        _ = copy.initialize(fromContentsOf: fields)
        var shapes: RecordShapeTable? = nil
        self = Record.made(moving: copy, words: nil, location: location, shapes: &shapes, names: names)
    }

    init(shape: RecordShape, row: Int) {
        self.shape = shape
        self.row = UInt32(truncatingIfNeeded: row)
    }

    /// The same record, read through `standIn`, a stand-in for its shape
    /// (``RecordShape/init(standingInFor:)``).
    @inline(__always)
    func reading(through standIn: RecordShape) -> Record { Record(shape: standIn, row: Int(row)) }

    /// Creates a record from initialised `fields`, which it moves into its shape's columns
    /// (leaving them uninitialised), with a shape shared through `shapes` and its texts in the
    /// table's arena when there is a table. A field whose entry in `words` has
    /// ``FieldStack/hasWord`` set is a text already in that arena, with that word.
    init(
        moving fields: UnsafeMutableBufferPointer<Field>, words: UnsafePointer<UInt64>? = nil,
        location: SourceLocation, shapes: inout RecordShapeTable?
    ) {
        self = Record.made(moving: fields, words: words, location: location, shapes: &shapes)
    }

    /// The fields, in export order. Reading them makes an array; to look one up, use the
    /// subscript, and to visit them all, ``fieldCount``, ``name(at:)`` and ``value(at:)``.
    /// Fields can be set only on a record with a name table (``names``).
    public var fields: [Field] {
        get { (0..<fieldCount).map { Field(name: name(at: $0), value: value(at: $0)) } }
        set {
            guard let names else {
                precondition(newValue.isEmpty, "fields given to a record made without a name table")
                return
            }
            self = Record(fields: newValue, names: names, location: location)
        }
    }

    /// The table the record's field names come from; nil for the record made by ``init()``.
    public var names: NameTable? { shape.nameTable }

    /// How the fields are spelled, in export order.
    public var fieldNames: [String] { (0..<fieldCount).map(fieldName(at:)) }

    /// How the field at `position` (below ``fieldCount``) is spelled.
    public func fieldName(at position: Int) -> String { shape.nameTable!.string(shape.names[position]) }

    /// How many fields the record has.
    @inline(__always)
    public var fieldCount: Int { shape.names.count }

    /// The name of the field at `position` (below ``fieldCount``).
    @inline(__always)
    public func name(at position: Int) -> Name { shape.names[position] }

    /// The value of the field at `position` (below ``fieldCount``).
    @inline(__always)
    public func value(at position: Int) -> Value { value(slot: shape.slots[position]) }

    /// The field at `position` (below ``fieldCount``).
    @inline(__always)
    public func field(at position: Int) -> Field { Field(name: name(at: position), value: value(at: position)) }

    /// The value a slot of the shape says where to find.
    @inline(__always)
    private func value(slot: UInt32) -> Value {
        let index = Int(slot & 0x7FFF_FFFF)
        let rows = shape.rows
        if slot >> 31 != 0 { return rows.pointee.others(ofRow: Int(row))![index] }
        let word = rows.pointee.words(ofRow: Int(row))![index]
        if CompactText.isInline(word) { return .text(CompactText.text(word)) }
        return .text(TextArena.text(word, in: shape.arenaState!))
    }

    /// The word (``CompactText``) of the text field at `position`, or nil when the field is
    /// not kept in one.
    @inline(__always)
    func textWord(at position: Int) -> UInt32? {
        let slot = shape.slots[position]
        guard slot >> 31 == 0 else { return nil }
        return shape.rows.pointee.words(ofRow: Int(row))![Int(slot)]
    }

    /// The values of the fields that are lists or groups, in field order (texts left out).
    var nestedValues: [Value] {
        guard let others = shape.rows.pointee.others(ofRow: Int(row)) else { return [] }
        return Array(UnsafeBufferPointer(start: others, count: shape.otherCount))
    }

    /// A copy whose lists and groups (``nestedValues``, as many, in the same order) are
    /// `values`, at `location` (or the record's own); names and texts stay as they are, in a
    /// shape of its own with one row.
    func replacingNestedValues(_ values: [Value], location: SourceLocation? = nil) -> Record {
        let copy = RecordShape(like: shape, capacity: 1)
        let row = values.withUnsafeBufferPointer { others in
            copy.appendRow(
                words: shape.rows.pointee.words(ofRow: Int(self.row)),
                others: others.baseAddress, location: location ?? self.location)
        }
        return Record(shape: copy, row: row)
    }

    /// The value of the field `name`, looked for first at `hint`, which is then set to where it
    /// was found: the records of a collection have their fields in the same order.
    @inline(__always)
    func value(of name: Name, hint: inout Int) -> Value? {
        position(of: name, hint: &hint).map { value(slot: shape.slots[$0]) }
    }

    /// The position of the field `name`, looked for first at `hint`, which is then set to where
    /// it was found; nil when the record has no such field.
    @inline(__always)
    private func position(of name: Name, hint: inout Int) -> Int? {
        let names = shape.names
        if hint < names.count, names[hint] == name { return hint }
        guard let found = names.firstIndex(of: name) else { return nil }
        hint = found
        return found
    }

    /// Whether the field `name` is the text `text` (false when it is absent, a list or a
    /// group), decided on the stored word or bytes without making the field's `String`. `hint`
    /// as in ``value(of:hint:)``.
    @inline(__always)
    func field(_ name: Name, isText text: String, hint: inout Int) -> Bool {
        guard let position = position(of: name, hint: &hint) else { return false }
        guard let word = textWord(at: position) else { return value(at: position).text == text }
        switch CompactText.tag(word) {
        // A text that fits in a word is always kept there, so another word means another text.
        case .short, .dateLike: return CompactText.word(text) == word
        case .arenaBytes: return TextArena.bytes(of: word, in: shape.arenaState!, equal: text)
        case .arenaString: return TextArena.text(word, in: shape.arenaState!) == text
        }
    }

    /// The date of the field `name` read from its word, when the record keeps its text in the
    /// word written like a date (``CompactText/Tag/dateLike``; `.some(nil)` when it names no real
    /// day), or `.some(nil)` when the field is absent; nil when that takes reading the value.
    /// `hint` as in ``value(of:hint:)``.
    @inline(__always)
    func inlineDate(of name: Name, hint: inout Int) -> CalendarDate?? {
        guard let position = position(of: name, hint: &hint) else { return .some(nil) }
        guard let word = textWord(at: position), CompactText.tag(word) == .dateLike else { return nil }
        return .some(CompactText.date(word))
    }

    /// Whether the field `name` is present (false when it is absent, true when it is a text
    /// starting with a visible character), or nil when that takes reading the value; `hint` as in
    /// ``value(of:hint:)``.
    @inline(__always)
    func presence(of name: Name, hint: inout Int) -> Bool? {
        guard let position = position(of: name, hint: &hint) else { return false }
        guard let word = textWord(at: position) else { return nil }
        let first: UInt8
        switch CompactText.tag(word) {
        case .short: first = UInt8(truncatingIfNeeded: word & 0x7F)
        case .dateLike: return true
        case .arenaBytes: first = TextArena.firstByte(of: word, in: shape.arenaState!) ?? 0
        case .arenaString: return nil
        }
        return first > 0x20 && first < 0x7F ? true : nil
    }

    /// Where the record starts in its input file.
    public var location: SourceLocation {
        get { shape.rows.pointee.location(at: Int(row)) }
        set { self = replacingNestedValues(nestedValues, location: newValue) }
    }

    public static func == (lhs: Record, rhs: Record) -> Bool {
        guard lhs.location == rhs.location, lhs.fieldCount == rhs.fieldCount else { return false }
        // Names of two tables are compared by their spelling, of one table by their number.
        let sameTable = lhs.shape.nameTable === rhs.shape.nameTable
        for position in 0..<lhs.fieldCount {
            let sameName =
                sameTable
                ? lhs.name(at: position) == rhs.name(at: position)
                : lhs.fieldName(at: position) == rhs.fieldName(at: position)
            guard sameName, lhs.value(at: position) == rhs.value(at: position) else { return false }
        }
        return true
    }

    /// The value of the field `name`, or nil when it is absent.
    @inline(__always)
    public subscript(name: Name) -> Value? {
        var hint = 0
        return value(of: name, hint: &hint)
    }

    /// The value of the field spelled `name`, or nil when it is absent.
    public subscript(name: String) -> Value? {
        guard let name = shape.nameTable?.existing(name) else { return nil }
        return self[name]
    }

    /// The record's `id`, when it has a scalar one.
    public var id: String? { self[Name.id]?.text }
}
