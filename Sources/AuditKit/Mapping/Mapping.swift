/// A declarative mapping from a spreadsheet register or an export in another shape into the
/// records contract: which CSV file feeds which collection, renamed collections and fields,
/// date layouts, code values and constants (docs/mappings.md). Read with ``MappingReader``.
public struct Mapping: Sendable {
    /// How one contract field is filled.
    public struct FieldRule: Sendable {
        /// The contract field it fills.
        public var target: String
        /// The CSV column, or the field of the source record (a dotted path reaches into groups);
        /// nil for a constant.
        public var source: String?
        /// A fixed value, when the field is a constant.
        public var constant: Value?
        /// The layout of dates in the source; nil to keep them as written.
        public var dateFormat: DateFormat?
        /// Source values and the codes they stand for (`Haute` → `high`).
        public var values: [String: String]
        /// Splits one cell into a list at this separator.
        public var split: String?
        /// For a field holding a list of records (`actions`): how each record is filled from one
        /// row of the source's child table named by `source`.
        public var fields: [FieldRule] = []
        /// For a list of records gathered from another export (`measurements` from
        /// `Quality Review.json`): that export's file name.
        public var from: String?
        /// With `from`: the field of the gathered records and the field of this source record
        /// whose values must be equal (`goal` and `name`).
        public var match: (theirs: String, ours: String)?
        /// The source is rich text written as HTML (`<div>…</div>`): it is read as plain text.
        public var html = false
        /// Where the rule is written in the mapping file.
        public var line: Int
        /// The rule's column in the mapping file.
        public var column: Int

        /// Creates a field rule.
        public init(
            target: String, source: String? = nil, constant: Value? = nil, dateFormat: DateFormat? = nil,
            values: [String: String] = [:], split: String? = nil, line: Int = 0, column: Int = 0
        ) {
            self.target = target
            self.source = source
            self.constant = constant
            self.dateFormat = dateFormat
            self.values = values
            self.split = split
            self.line = line
            self.column = column
        }
    }

    /// How one contract collection is filled.
    public struct CollectionRule: Sendable {
        /// The contract collection it fills.
        public var target: String
        /// The CSV file or workbook (by name) that feeds it, for spreadsheet registers.
        public var file: String?
        /// For a workbook, the sheet that feeds it (default: the sheet named after the collection).
        public var sheet: String?
        /// The collection of an XML or JSON export that feeds it (default: the target's name).
        public var source: String?
        /// The CSV separator; nil to detect it from the header line.
        public var separator: Character?
        /// The date layout of this collection's date fields, unless a field says otherwise.
        public var dateFormat: DateFormat?
        /// The fields, in mapping order.
        public var fields: [FieldRule]
        /// For exports: copy the source fields the rules do not mention as they are.
        public var keepOtherFields: Bool
        /// Where the collection is written in the mapping file.
        public var line: Int
        /// The collection's column in the mapping file.
        public var column: Int

        /// Creates a collection rule.
        public init(
            target: String, file: String? = nil, source: String? = nil, separator: Character? = nil,
            dateFormat: DateFormat? = nil, fields: [FieldRule] = [], keepOtherFields: Bool = false,
            line: Int = 0, column: Int = 0
        ) {
            self.target = target
            self.file = file
            self.source = source
            self.separator = separator
            self.dateFormat = dateFormat
            self.fields = fields
            self.keepOtherFields = keepOtherFields
            self.line = line
            self.column = column
        }
    }

    /// The mapping file's path.
    public var path: String
    /// The collections, in mapping order.
    public var collections: [CollectionRule]
    /// Groups and collections added to the records as they are (`organisation`…).
    public var constants: Record

    /// Creates a mapping.
    public init(path: String, collections: [CollectionRule] = [], constants: Record = Record()) {
        self.path = path
        self.collections = collections
        self.constants = constants
    }
}
