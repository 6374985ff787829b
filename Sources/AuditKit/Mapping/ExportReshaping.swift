/// Reading XML and JSON exports in another shape through a mapping: each collection rule that
/// applies to the file (no `file:`, or a `file:` naming it) reads the records of its `source`
/// collection (`data` in an ERPNext REST export; a single record counts as a list of one),
/// fills the contract fields from source paths that may go through groups and child tables, and
/// the results replace the sources they were read from.
extension MappedLoader {
    /// The file name at the end of `path`.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// True for a CSV or TSV register.
    static func isCSV(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".csv") || path.lowercased().hasSuffix(".tsv")
    }

    /// An XML or JSON export as it is in the file.
    static func loadUnmapped(path: String, fileIndex: Int32, names: NameTable) throws(LoadError) -> RecordSet {
        do {
            return try RecordLoader.load(path: path, fileIndex: fileIndex, names: names)
        } catch {
            throw .input(error)
        }
    }

    /// An XML or JSON export read through the mapping; an export only gathered from adds no
    /// records of its own (it is still listed among the inputs).
    static func loadExport(
        path: String, fileIndex: Int32, mapping: Mapping, gathered: GatheredRecords, names: NameTable
    ) throws(LoadError) -> RecordSet {
        let export: RecordSet
        if let preloaded = gathered.preloaded[Int(fileIndex)] {
            export = preloaded
        } else {
            export = try loadUnmapped(path: path, fileIndex: fileIndex, names: names)
        }
        if gathered.gatherOnly.contains(fileName(path).lowercased()) {
            return RecordSet(
                root: Record(fields: [], names: names, location: export.root.location), inputs: export.inputs,
                names: names)
        }
        return try reshape(export, mapping: mapping, file: path, gathered: gathered)
    }

    /// An export with its collections renamed and reshaped by the mapping; collections the
    /// mapping does not read are kept as they are.
    static func reshape(
        _ records: RecordSet, mapping: Mapping, file path: String,
        gathered: GatheredRecords = GatheredRecords()
    ) throws(LoadError) -> RecordSet {
        let name = fileName(path).lowercased()
        let names = records.names
        let original = records.root.fields
        var produced: [(target: Name, source: Name, items: [Value])] = []
        for rule in mapping.collections where rule.file == nil || rule.file?.lowercased() == name {
            let source = names.name(rule.source ?? rule.target)
            guard let field = original.first(where: { $0.name == source }) else { continue }
            let entry = RecordsContract.entry(rule.target)
            let items = field.value.items.compactMap { item -> Value? in
                guard case .record(let record) = item else { return nil }
                return mapped(record, fields: rule.fields, rule: rule, entry: entry, gathered: gathered, names: names)
                    .map(Value.record)
            }
            let target = names.name(rule.target)
            if let index = produced.firstIndex(where: { $0.target == target }) {
                produced[index].items += items
            } else {
                produced.append((target, source, items))
            }
        }
        guard !produced.isEmpty else { return records }
        // Each result takes the place of the first source it was read from, so a mapping that
        // only renames keeps the export's order.
        let consumed = Set(produced.map(\.source))
        var fields: [Record.Field] = []
        for field in original {
            guard consumed.contains(field.name) else {
                fields.append(field)
                continue
            }
            for result in produced where result.source == field.name {
                fields.append(Record.Field(name: result.target, value: .list(result.items)))
            }
        }
        var result = records
        result.root = Record(fields: fields, names: names, location: records.root.location)
        return result
    }

    /// One source record as a contract record; nil when no field of it is filled.
    static func mapped(
        _ original: Record, fields rules: [Mapping.FieldRule], rule: Mapping.CollectionRule,
        entry: ContractCollection?, gathered: GatheredRecords, names: NameTable, keepOtherFields: Bool? = nil
    ) -> Record? {
        var fields: [Record.Field] = []
        var used: Set<String> = []
        for field in rules {
            var value = field.constant?.renamed(into: names)
            let type = entry?.field(field.target)?.type
            if value == nil, let path = field.source {
                used.insert(path.split(separator: ".").first.map(String.init) ?? path)
                value = lookup(original, path: path).flatMap {
                    converted($0, field: field, rule: rule, type: type, gathered: gathered, names: names)
                }
            }
            if let from = field.from, let match = field.match, let key = lookup(original, path: match.ours)?.text {
                let found = gathered.records(in: from, where: match.theirs, is: key)
                value = converted(
                    .list(found.map(Value.record)), field: field, rule: rule, type: type, gathered: gathered,
                    names: names)
            }
            if let value { fields.append(Record.Field(name: names.name(field.target), value: value)) }
        }
        if keepOtherFields ?? rule.keepOtherFields {
            let targets = Set(rules.map(\.target))
            for position in 0..<original.fieldCount {
                let spelled = original.fieldName(at: position)
                guard !used.contains(spelled), !targets.contains(spelled) else { continue }
                fields.append(
                    Record.Field(name: names.name(spelled), value: original.value(at: position).renamed(into: names)))
            }
        }
        return fields.isEmpty ? nil : Record(fields: fields, names: names, location: original.location)
    }

    /// The value at a dotted `path` of `record`. A step that meets a list (a child table) goes
    /// into every item, so `minutes.minute` gives the list of every row's `minute`.
    static func lookup(_ record: Record, path: String) -> Value? {
        var current: [Value] = [.record(record)]
        var throughList = false
        for part in path.split(separator: ".") {
            var next: [Value] = []
            for value in current {
                guard let found = value.record?[String(part)] else { continue }
                if case .list(let items) = found {
                    throughList = true
                    next.append(contentsOf: items)
                } else {
                    next.append(found)
                }
            }
            current = next
        }
        guard let first = current.first else { return nil }
        return throughList ? .list(current) : first
    }

    /// A source value as the contract value of `field`: texts through `values` and the date
    /// layout; a list of records through the field's own `fields`; several values for one
    /// scalar field joined with "; " (for a date: the latest).
    static func converted(
        _ value: Value, field: Mapping.FieldRule, rule: Mapping.CollectionRule, type: ContractType?,
        gathered: GatheredRecords, names: NameTable
    ) -> Value? {
        switch value {
        case .text(let text):
            return convert(text, field: field, rule: rule, type: type)
        case .record:
            return value.renamed(into: names)
        case .list(let items):
            if case .records(let itemFields)? = type, !field.fields.isEmpty {
                let entry = ContractCollection(field.target, itemFields)
                let records = items.compactMap { item -> Value? in
                    guard case .record(let record) = item else { return nil }
                    return mapped(
                        record, fields: field.fields, rule: rule, entry: entry, gathered: gathered, names: names,
                        keepOtherFields: false
                    )
                    .map(Value.record)
                }
                return records.isEmpty ? nil : .list(records)
            }
            let texts = items.compactMap(\.text)
            guard texts.count == items.count else { return value }
            let converted = texts.flatMap { convert($0, field: field, rule: rule, type: type)?.items ?? [] }.compactMap(
                \.text)
            guard !converted.isEmpty else { return nil }
            switch type {
            case .codes?, .references?:
                return field.values.isEmpty && field.split == nil && field.dateFormat == nil && rule.dateFormat == nil
                    ? value : .list(converted.map(Value.text))
            case .date?:
                return converted.max().map(Value.text)
            default:
                return .text(converted.joined(separator: "; "))
            }
        }
    }
}
