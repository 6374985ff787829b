/// Everything loaded from one or more export files: the top-level record, the inputs, and the
/// table of the names the records use.
public struct RecordSet: Sendable {
    /// The top-level record (`<records>` in XML, the top-level object in JSON). Its fields are
    /// the collections (`complaints`, `processes`…) and groups (`organisation`…).
    public var root: Record
    /// The files the records were read from; ``SourceLocation/file`` indexes this list.
    public var inputs: [InputFile]
    /// Where the files depart from the records contract (``RecordValidation``); reported by
    /// ``AuditEngine`` as information-integrity findings. Empty when the files were not validated.
    public var violations: [StructuralViolation] = []
    /// The run's names: those of ``root`` and of every record below it. Give it to the loaders of
    /// the files to merge, so that merging need not rename their records.
    public private(set) var names: NameTable

    /// Creates a record set whose names are `names` (those of `root`, or a new table, when not
    /// given).
    public init(root: Record = Record(), inputs: [InputFile] = [], names: NameTable? = nil) {
        self.root = root
        self.inputs = inputs
        self.names = names ?? root.names ?? NameTable()
    }

    /// Merges another export into this one: collections are concatenated, groups merged field
    /// by field (the first file wins on a conflict), and the other file's locations are
    /// renumbered to follow this set's inputs (its names are put in this set's table, when it
    /// has a table of its own).
    public mutating func merge(_ other: RecordSet) {
        // Nothing merged yet: the set takes the other's names rather than copying its records.
        if inputs.isEmpty, root.fieldCount == 0 { names = other.names }
        let offset = Int32(inputs.count)
        inputs.append(contentsOf: other.inputs)
        violations.append(contentsOf: other.violations)
        var shift = FileShift(offset: offset, from: other.names, to: names)
        let shifted = shift.record(other.root)
        var fields = root.fields
        for field in shifted.fields {
            if let index = fields.firstIndex(where: { $0.name == field.name }) {
                switch (fields[index].value, field.value) {
                case (.list(let mine), .list(let theirs)):
                    fields[index].value = .list(mine + theirs)
                case (.record(var mine), .record(let theirs)):
                    for extra in theirs.fields where mine[extra.name] == nil { mine.fields.append(extra) }
                    fields[index].value = .record(mine)
                default:
                    continue
                }
            } else {
                fields.append(field)
            }
        }
        root = Record(fields: fields, names: names, location: root.location)
    }
}

extension Record {
    /// Number of records held in collections below this record.
    func countRecords() -> Int {
        var total = 0
        for value in nestedValues {
            switch value {
            case .list(let items):
                for item in items {
                    guard case .record(let record) = item else { continue }
                    total += 1 + record.countRecords()
                }
            case .record(let record):
                total += record.countRecords()
            case .text:
                continue
            }
        }
        return total
    }
}

/// Copies of records whose locations point a number of files further down the inputs list, and
/// whose names are those of another table, for merging a second export. Shapes are copied
/// whole, each once, so renumbered records still share their shape (a second export of 100,000
/// records must not get a shape per record); only the locations and names change.
struct FileShift {
    let offset: Int32
    /// The table the records' names come from, and the one they go to; nil when they stay.
    private let tables: (from: NameTable, to: NameTable)?
    /// The names of `tables.to` for those of `tables.from`, by number, as met.
    private var renamed: [Name?] = []
    private var shifted: [ObjectIdentifier: RecordShape] = [:]

    init(offset: Int32, from: NameTable? = nil, to: NameTable? = nil) {
        self.offset = offset
        if let from, let to, from !== to { tables = (from, to) } else { tables = nil }
    }

    /// `record` with its location, and those of the records below it, shifted.
    mutating func record(_ record: Record) -> Record {
        guard offset != 0 || tables != nil else { return record }
        if let shape = shifted[ObjectIdentifier(record.shape)] { return Record(shape: shape, row: Int(record.row)) }
        let source = record.shape
        let rows = source.rows.pointee
        let copy = RecordShape(like: source, capacity: rows.count, renamed: names(of: source))
        // Known before the rows are copied: a record nested in a record of the same shape (a
        // group `g` holding a group `g`) is one of these rows, and is given its row of the copy.
        shifted[ObjectIdentifier(source)] = copy
        var others: [Value] = []
        others.reserveCapacity(source.otherCount)
        for row in 0..<rows.count {
            others.removeAll(keepingCapacity: true)
            if let rowOthers = rows.others(ofRow: row) {
                for index in 0..<source.otherCount { others.append(value(rowOthers[index])) }
            }
            var location = rows.location(at: row)
            location.file += offset
            _ = others.withUnsafeBufferPointer { shiftedOthers in
                copy.appendRow(
                    words: rows.words(ofRow: row),
                    others: shiftedOthers.baseAddress, location: location)
            }
        }
        return Record(shape: copy, row: Int(record.row))
    }

    /// The names of `shape` in the table they go to, with that table; nil when they stay.
    private mutating func names(of shape: RecordShape) -> (names: [Name], table: NameTable)? {
        guard let tables, let from = shape.nameTable, from !== tables.to else { return nil }
        let names = shape.names.map { name -> Name in
            guard from === tables.from else { return tables.to.name(from.string(name)) }
            let number = Int(name.id)
            if number >= renamed.count { renamed += Array(repeating: nil, count: number + 1 - renamed.count) }
            if let known = renamed[number] { return known }
            let name = tables.to.name(from.string(name))
            renamed[number] = name
            return name
        }
        return (names, tables.to)
    }

    /// `value` with the locations of the records in it shifted.
    mutating func value(_ value: Value) -> Value {
        switch value {
        case .text: return value
        case .list(let items): return .list(items.map { self.value($0) })
        case .record(let record): return .record(self.record(record))
        }
    }
}

extension Record {
    /// The same record with its names, and those of the records below it, in `names` (a copy
    /// only when they come from another table: a mapping's constants, another run's records).
    func renamed(into names: NameTable) -> Record {
        guard let own = self.names, own !== names else { return self }
        var shift = FileShift(offset: 0, from: own, to: names)
        return shift.record(self)
    }
}

extension Value {
    /// The same value with the names of the records in it in `names` (``Record/renamed(into:)``).
    func renamed(into names: NameTable) -> Value {
        switch self {
        case .text: return self
        case .list(let items): return .list(items.map { $0.renamed(into: names) })
        case .record(let record): return .record(record.renamed(into: names))
        }
    }
}
