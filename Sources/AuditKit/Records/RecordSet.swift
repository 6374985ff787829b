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
        let shifted = other.root.shiftingFiles(by: offset)
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
    /// A copy whose locations point `offset` files further down the inputs list.
    func shiftingFiles(by offset: Int32) -> Record {
        guard offset != 0 else { return self }
        // Only locations change: the shape and the texts are kept (a second export of 100,000
        // records must not get a shape per record).
        let nested = nestedValues
        var copy = nested.isEmpty ? self : replacingNestedValues(nested.map { $0.shiftingFiles(by: offset) })
        copy.location.file += offset
        return copy
    }

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

extension Value {
    func shiftingFiles(by offset: Int32) -> Value {
        switch self {
        case .text: return self
        case .list(let items): return .list(items.map { $0.shiftingFiles(by: offset) })
        case .record(let record): return .record(record.shiftingFiles(by: offset))
        }
    }
}
