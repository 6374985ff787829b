/// A place where an export's shape departs from the records contract: an unknown field, a value
/// of the wrong type, a date that is not a date, an id used twice in a collection.
public struct StructuralViolation: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// What kind of departure this is.
    public enum Kind: String, Sendable, Equatable {
        /// A field, collection or element the contract does not define.
        case unknownField = "unknown-field"
        /// A value that does not fit its field's type (text where a list belongs, `yes` for a boolean…).
        case wrongType = "wrong-type"
        /// A date field whose text is not an ISO 8601 date.
        case badDate = "bad-date"
        /// The same `id` twice in one collection.
        case duplicateID = "duplicate-id"
        /// A workbook cell that holds something but gives no value (a formula never calculated,
        /// an error such as `#N/A`).
        case unreadCell = "unread-cell"
        /// A workbook sheet left out: hidden, or not a register of the contract.
        case ignoredSheet = "ignored-sheet"
    }

    /// The export's path, as given (for a workbook, the workbook's path).
    public var file: String
    /// 1-based line; 0 when unknown.
    public var line: Int
    /// 1-based column; 0 when unknown.
    public var column: Int
    /// What kind of departure this is.
    public var kind: Kind
    /// The collection concerned, when known.
    public var collection: String?
    /// The `id` of the record concerned, when it has one.
    public var record: String?
    /// What is wrong, in plain English.
    public var message: String
    /// For a workbook, the sheet concerned, and the cell (`E4`) when it is about one.
    public var sheet: String?
    public var cell: String?

    /// Creates a violation.
    public init(
        file: String, line: Int, column: Int, kind: Kind, collection: String? = nil, record: String? = nil,
        message: String, sheet: String? = nil, cell: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.kind = kind
        self.collection = collection
        self.record = record
        self.message = message
        self.sheet = sheet
        self.cell = cell
    }

    /// Where it is, as reports give it: the file and line, or a workbook's sheet and cell.
    public var location: Finding.Location {
        Finding.Location(file: file, line: line > 0 ? line : nil, sheet: sheet, cell: cell)
    }

    /// True for what is said but is not a departure from the contract: a workbook sheet left out
    /// (workbooks often hold notes or pivot tables beside their registers). It does not make a
    /// file invalid.
    public var isNote: Bool { kind == .ignoredSheet }

    /// The violation as a diagnostic (code `contract`): an error, or a note for ``isNote``.
    public var diagnostic: Diagnostic {
        Diagnostic(
            isNote ? .note : .error, at: diagnosticLocation, code: .contract, message: message)
    }

    /// Where the diagnostic points: `file:line:column`, or a workbook's cell written as one
    /// place, `registers.xlsx:complaints!E4`.
    public var diagnosticLocation: DiagnosticLocation {
        guard sheet != nil else { return DiagnosticLocation(file: file, line: line, column: column) }
        return DiagnosticLocation(file: location.reference ?? file)
    }

    /// `file:line:column: error: message` (`note:` for a note), as ``diagnostic`` writes it.
    public var description: String { diagnostic.description }

    public static func < (lhs: StructuralViolation, rhs: StructuralViolation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if lhs.sheet != rhs.sheet || lhs.cell != rhs.cell { return lhs.location.cellPrecedes(rhs.location) }
        return (lhs.line, lhs.column, lhs.message) < (rhs.line, rhs.column, rhs.message)
    }
}

extension StructuralViolation {
    /// The message as a sentence for a finding: capitalised, ending with a full stop.
    public var findingMessage: String {
        guard let first = message.first else { return message }
        let text = first.uppercased() + message.dropFirst()
        return text.hasSuffix("?") || text.hasSuffix(".") ? text : text + "."
    }
}
