/// Everything loaded from one or more export files: the top-level record and the inputs.
public struct RecordSet: Sendable {
    /// The top-level record (`<records>` in XML, the top-level object in JSON). Its fields are
    /// the collections (`complaints`, `processes`…) and groups (`organisation`…).
    public var root: Record
    /// The files the records were read from; ``SourceLocation/file`` indexes this list.
    public var inputs: [InputFile]
    /// Where the files depart from the records contract (``RecordValidation``); reported by
    /// ``AuditEngine`` as information-integrity findings. Empty when the files were not validated.
    public var violations: [StructuralViolation] = []

    /// Creates a record set.
    public init(root: Record = Record(), inputs: [InputFile] = []) {
        self.root = root
        self.inputs = inputs
    }

    /// Merges another export into this one: collections are concatenated, groups merged field
    /// by field (the first file wins on a conflict), and the other file's locations are
    /// renumbered to follow this set's inputs.
    public mutating func merge(_ other: RecordSet) {
        let offset = Int32(inputs.count)
        inputs.append(contentsOf: other.inputs)
        violations.append(contentsOf: other.violations)
        var shift = FileShift(offset: offset)
        let shifted = shift.record(other.root)
        for field in shifted.fields {
            if let index = root.fields.firstIndex(where: { $0.name == field.name }) {
                switch (root.fields[index].value, field.value) {
                case (.list(let mine), .list(let theirs)):
                    root.fields[index].value = .list(mine + theirs)
                case (.record(var mine), .record(let theirs)):
                    for extra in theirs.fields where mine[extra.name] == nil { mine.fields.append(extra) }
                    root.fields[index].value = .record(mine)
                default:
                    continue
                }
            } else {
                root.fields.append(field)
            }
        }
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

/// Copies of records whose locations point a number of files further down the inputs list, for
/// merging a second export. Shapes are copied whole, each once, so renumbered records still
/// share their shape (a second export of 100,000 records must not get a shape per record); only
/// the locations change.
struct FileShift {
    let offset: Int32
    private var shifted: [ObjectIdentifier: RecordShape] = [:]

    init(offset: Int32) { self.offset = offset }

    /// `record` with its location, and those of the records below it, shifted.
    mutating func record(_ record: Record) -> Record {
        guard offset != 0 else { return record }
        if let shape = shifted[ObjectIdentifier(record.shape)] { return Record(shape: shape, row: Int(record.row)) }
        let source = record.shape
        let rows = source.rows.pointee
        let copy = RecordShape(like: source, capacity: rows.count)
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

    /// `value` with the locations of the records in it shifted.
    mutating func value(_ value: Value) -> Value {
        switch value {
        case .text: return value
        case .list(let items): return .list(items.map { self.value($0) })
        case .record(let record): return .record(self.record(record))
        }
    }
}
