/// Checks a loaded record tree against the records contract's types (``RecordsContract``):
/// how JSON exports and mapped spreadsheets are validated. XML exports are validated with the
/// XML Schema instead (``XMLSchemaValidator``), which checks the same structure.
///
/// Locations are those of the records: a problem with a field points at the record holding it.
public enum ContractValidator {
    /// Every structural violation in `records`, sorted by file and line.
    public static func violations(in records: RecordSet) -> [StructuralViolation] {
        var walker = Walker(inputs: records.inputs, names: records.names)
        walker.visitRoot(records.root)
        walker.unknownFields.sayHowOften(in: &walker.violations)
        return RepeatedValues.gathered(walker.violations).sorted()
    }
}

private struct Walker {
    let inputs: [InputFile]
    var violations: [StructuralViolation] = []
    /// ``Name/id``, read once rather than through its global for every record.
    let idName = Name.id
    /// Scalar problems and "did you mean" hints already worked out (``remembered(_:_:_:_:)``).
    var remembered: [Remembered: String?] = [:]
    /// Unknown fields said so far: by file, the fields they were found among, and name.
    var unknownFields = RepeatedUnknownFields<UnknownField>()

    struct UnknownField: Hashable {
        let file: Int32
        let fields: ObjectIdentifier
        let name: Name
    }

    /// The run's names, and their slots in the compiled contract.
    let names: NameTable
    let slots: ContractSlots

    init(inputs: [InputFile], names: NameTable) {
        self.inputs = inputs
        self.names = names
        slots = ContractSlots(names: names)
    }

    mutating func visitRoot(_ root: Record) {
        let known = RecordsContract.entries.map(\.name)
        for field in root.fields {
            let name = names.string(field.name)
            guard let entry = RecordsContract.entry(name) else {
                report(
                    .unknownField, at: location(of: field.value, fallback: root.location), collection: nil, record: nil,
                    "unknown collection or group '\(Display.clipped(name))'" + NearMatch.hint(for: name, among: known))
                continue
            }
            if entry.isGroup {
                guard case .record(let group) = field.value else {
                    report(
                        .wrongType, at: location(of: field.value, fallback: root.location), collection: name,
                        record: nil,
                        "'\(name)' should be a group of fields, not \(describe(field.value))")
                    continue
                }
                visitRecord(group, fields: fields(of: entry), collection: name, owner: nil)
            } else {
                visitList(
                    field.value, name: name, fields: fields(of: entry), collection: name, owner: nil,
                    fallback: root.location)
            }
        }
    }

    /// The compiled fields of a top-level collection or group.
    func fields(of entry: ContractCollection) -> CompiledFields {
        // Every entry of the contract is compiled.
        CompiledContract.fields(ofEntry: entry.name)!
    }

    /// A collection, or a `.records` field: a list of records with `fields`.
    mutating func visitList(
        _ value: Value, name: String, fields: CompiledFields, collection: String,
        owner: Record?, fallback: SourceLocation
    ) {
        guard case .list(let items) = value else {
            report(
                .wrongType, at: location(of: value, fallback: fallback), collection: collection, record: owner?.id,
                misnamedItems(value, list: name, collection: collection, owner: owner)
                    ?? "'\(name)' should be a list of records, not \(describe(value))\(context(collection, owner))")
            return
        }
        let hasID = fields.hasID
        // A long list's repeated ids are found at once (ASCII ids); otherwise item after item.
        let repeated =
            hasID && items.count >= FirstUses.sortingThreshold
            ? FirstUses.repeatedIDs(count: items.count) { items[$0].record?[idName]?.text } : nil
        var seen = FirstUses(items: hasID && repeated == nil ? items.count : 0)
        // Items of a nested list are reported against the collection record that owns them;
        // items of a group's list (organisation.sites) against the group.
        let isGroupList = owner == nil && RecordsContract.entry(collection)?.isGroup == true
        for (position, item) in items.enumerated() {
            guard case .record(let record) = item else {
                report(
                    .wrongType, at: fallback, collection: collection, record: owner?.id,
                    "'\(name)' should hold records, not \(describe(item))\(context(collection, owner))")
                continue
            }
            if let repeated {
                if !repeated.isEmpty, let first = repeated[position], let id = record[idName]?.text {
                    reportDuplicate(
                        id, of: record, firstUsedAt: items[first].record?.location ?? .unknown, list: name,
                        collection: collection, owner: owner)
                }
            } else if hasID, let id = record[idName]?.text,
                let first = seen.use(id, at: position, idOf: { items[$0].record?[idName]?.text ?? "" })
            {
                reportDuplicate(
                    id, of: record, firstUsedAt: items[first].record?.location ?? .unknown, list: name,
                    collection: collection, owner: owner)
            }
            visitRecord(record, fields: fields, collection: collection, owner: isGroupList ? nil : owner ?? record)
        }
    }

    @inline(never)  // rare: keeps the loops over records and fields small
    mutating func reportDuplicate(
        _ id: String, of record: Record, firstUsedAt first: SourceLocation, list name: String,
        collection: String, owner: Record?
    ) {
        let firstPlace = first.file == record.location.file ? "line \(first.line)" : "\(path(first.file)):\(first.line)"
        report(
            .duplicateID, at: record.location, collection: collection, record: id,
            "duplicate id '\(Display.clipped(id))' in \(owner == nil ? collection : "'\(name)'\(context(collection, owner))"); it is also used on \(firstPlace)"
        )
    }

    /// One record or group: every field against `fields`.
    @inline(never)  // kept whole, so that the check of each field is inlined into its loop
    mutating func visitRecord(_ record: Record, fields: CompiledFields, collection: String, owner: Record?) {
        for position in 0..<record.fieldCount {
            let name = record.name(at: position)
            guard let index = fields.index(of: name, slots: slots) else {
                reportUnknown(name, in: record, fields: fields, collection: collection, owner: owner)
                continue
            }
            // The common cases first: a text field holding a text (known from its word, without
            // reading the text out), or any value that certainly fits its field, needs nothing more.
            if fields.acceptsAnyText(at: index), record.textWord(at: position) != nil { continue }
            // A date kept as its digits fits when they name a real day (what the byte test on its
            // text would say), read without making the text.
            if fields.kinds[index] == .date, let word = record.textWord(at: position), CompactText.isRealDay(word) {
                continue
            }
            let value = record.value(at: position)
            if fields.certainlyFits(value, at: index) { continue }
            check(value, against: fields, at: index, collection: collection, owner: owner, location: record.location)
        }
    }

    @inline(never)  // rare: keeps the loop over fields small
    mutating func reportUnknown(
        _ field: Name, in record: Record, fields: CompiledFields, collection: String,
        owner: Record?
    ) {
        let key = UnknownField(file: record.location.file, fields: ObjectIdentifier(fields), name: field)
        if unknownFields.isRepeat(key) { return }
        let name = names.string(field)
        let said = "unknown field '\(Display.clipped(name))'\(place(collection, owner))"
        let hint = hint(for: name, among: fields.names, in: fields, at: nil)
        unknownFields.keepFirst(key, at: violations.count, message: said + hint, place: said)
        report(.unknownField, at: record.location, collection: collection, record: owner?.id, said + hint)
    }

    /// Checks `value` against the field at `index` of `fields`: a list, or a scalar that may not fit.
    @inline(never)  // keeps the loop over fields small
    mutating func check(
        _ value: Value, against fields: CompiledFields, at index: Int, collection: String,
        owner: Record?, location: SourceLocation
    ) {
        let spec = fields.fields[index]
        let name = spec.name
        switch spec.type {
        case .records:
            // `nested` is compiled for every `.records` field.
            visitList(
                value, name: name, fields: fields.nested[index]!, collection: collection, owner: owner,
                fallback: location)
        case .codes(let allowed):
            if let message = misnamedItems(value, list: name, collection: collection, owner: owner) {
                report(.unknownField, at: location, collection: collection, record: owner?.id, message)
                return
            }
            for item in value.items {
                guard case .text(let text) = item else {
                    report(
                        .wrongType, at: location, collection: collection, record: owner?.id,
                        "'\(name)' should be a list of codes, not \(describe(item))\(context(collection, owner))")
                    return
                }
                if let allowed, !allowed.contains(text) {
                    report(
                        .wrongType, at: location, collection: collection, record: owner?.id,
                        "'\(name)' should list codes among \(allowed.joined(separator: ", ")), not '\(Display.clipped(text))'\(context(collection, owner))"
                            + hint(for: text, among: allowed, in: fields, at: index))
                }
            }
        case .references:
            if let message = misnamedItems(value, list: name, collection: collection, owner: owner) {
                report(.unknownField, at: location, collection: collection, record: owner?.id, message)
                return
            }
            for item in value.items where item.text == nil {
                report(
                    .wrongType, at: location, collection: collection, record: owner?.id,
                    "'\(name)' should be a list of ids, not \(describe(item))\(context(collection, owner))")
                return
            }
        case .text, .date, .boolean, .number, .code, .reference:
            guard case .text(let text) = value else {
                report(
                    .wrongType, at: location, collection: collection, record: owner?.id,
                    "'\(name)' should be \(spec.type.article), not \(describe(value))\(context(collection, owner))")
                return
            }
            // A code that is not allowed gets a "did you mean" hint: worked out once per text. Other
            // problems are cheap to word, and remembering every date-time that fits would not be.
            let problem =
                fields.kinds[index] == .code
                ? remembered(fields, index, text) { ContractValidator.scalarProblem(text, type: spec.type) }
                : ContractValidator.scalarProblem(text, type: spec.type)
            if let problem {
                let kind: StructuralViolation.Kind = spec.type == .date ? .badDate : .wrongType
                report(
                    kind, at: location, collection: collection, record: owner?.id,
                    "'\(name)' \(problem)\(context(collection, owner))")
            }
        }
    }

    // MARK: Helpers

    /// The XML loader reads a contract list whose items all have a name the XML Schema does not
    /// accept as a group holding them (``ContractSchemas/itemNames(of:)``): the message
    /// `validate` gives for it, or nil for any other value.
    func misnamedItems(_ value: Value, list name: String, collection: String, owner: Record?) -> String? {
        guard case .record(let group) = value, group.fieldCount == 1, case .list = group.value(at: 0),
            inputs.indices.contains(Int(group.location.file)), inputs[Int(group.location.file)].format == .xml
        else { return nil }
        let names = ContractSchemas.itemNames(of: name).map { "<\($0)>" }.joined(separator: ", ")
        return
            "<\(Display.clipped(group.fieldName(at: 0)))> cannot be an item of '\(name)'\(context(collection, owner)); name its items \(names)"
    }

    /// What `work` answers for `text` in the field at `index` of `fields` (nil: an unknown field),
    /// worked out once per walk: an export often repeats one mistake thousands of times, and the
    /// edit distances behind "did you mean" hints are costly. Only for mistakes, so it stays small.
    mutating func remembered(_ fields: CompiledFields, _ index: Int?, _ text: String, _ work: () -> String?) -> String?
    {
        let key = Remembered(fields: ObjectIdentifier(fields), index: index ?? -1, text: text)
        if let answer = remembered[key] { return answer }
        let answer = work()
        remembered[key] = .some(answer)
        return answer
    }

    /// ``NearMatch/hint(for:among:otherwise:)``, remembered.
    mutating func hint(for word: String, among candidates: [String], in fields: CompiledFields, at index: Int?)
        -> String
    {
        remembered(fields, index, word) { NearMatch.hint(for: word, among: candidates) } ?? ""
    }

    struct Remembered: Hashable {
        let fields: ObjectIdentifier
        let index: Int
        let text: String
    }

    func location(of value: Value, fallback: SourceLocation) -> SourceLocation {
        switch value {
        case .record(let record): return record.location
        case .list(let items): return items.lazy.compactMap(\.record).first?.location ?? fallback
        case .text: return fallback
        }
    }

    func path(_ file: Int32) -> String {
        if inputs.indices.contains(Int(file)) { return inputs[Int(file)].path }
        return inputs.count == 1 ? inputs[0].path : ""
    }

    /// ` in complaints record CMP-1`, ` in organisation`.
    func place(_ collection: String, _ owner: Record?) -> String {
        guard let owner else { return " in \(collection)" }
        return owner.id.map { " in \(collection) record \(Display.clipped($0))" } ?? " in a \(collection) record"
    }

    /// ` (complaints record CMP-1)`, ` (organisation)`.
    func context(_ collection: String, _ owner: Record?) -> String {
        guard let owner else { return " (\(collection))" }
        return owner.id.map { " (\(collection) record \(Display.clipped($0)))" } ?? " (a \(collection) record)"
    }

    func describe(_ value: Value) -> String {
        switch value {
        case .text(let text): return "'\(Display.clipped(text))'"
        case .list: return "a list"
        case .record: return "a group of fields"
        }
    }

    mutating func report(
        _ kind: StructuralViolation.Kind, at location: SourceLocation, collection: String?,
        record: String?, _ message: String
    ) {
        var line = Int(location.line), column = Int(location.column)
        var place = Finding.Location(file: path(location.file), line: nil)
        if inputs.indices.contains(Int(location.file)), inputs[Int(location.file)].sheet != nil {
            // A workbook cell: the sheet and the cell, without a separate line.
            place = inputs[Int(location.file)].location(line: line, column: column)
            (line, column) = (0, 0)
        }
        violations.append(
            StructuralViolation(
                file: place.file ?? "", line: line, column: column, kind: kind,
                collection: collection, record: record, message: message, sheet: place.sheet, cell: place.cell))
    }
}

extension ContractValidator {
    /// Why `text` does not fit the scalar `type` (`should be true or false, not 'yes'`), or nil
    /// when it fits.
    public static func scalarProblem(_ text: String, type: ContractType) -> String? {
        switch type {
        case .date:
            return CalendarDate.parse(text) == nil
                ? "should be a date written YYYY-MM-DD (or YYYY-MM-DDThh:mm:ss), not '\(Display.clipped(text))'" : nil
        case .boolean:
            let lower = text.lowercased()
            return lower == "true" || lower == "false" ? nil : "should be true or false, not '\(Display.clipped(text))'"
        case .number:
            return isNumber(text)
                ? nil : "should be a number written with digits and a decimal point, not '\(Display.clipped(text))'"
        case .code(let codes):
            return codes.contains(text)
                ? nil
                : "should be one of \(codes.joined(separator: ", ")), not '\(Display.clipped(text))'"
                    + NearMatch.hint(for: text, among: codes)
        default:
            return nil
        }
    }

    /// A plain decimal (`3`, `-2.5`, `1e3`), as the rule language reads numbers.
    static func isNumber(_ text: String) -> Bool {
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || (first >= 48 && first <= 57),
            let number = Double(text)
        else { return false }
        return number.isFinite
    }
}

extension ContractType {
    /// `a date`, `true or false`, `text`: the type after "should be".
    var article: String {
        switch self {
        case .text, .reference: return "text"
        case .date: return "a date"
        case .boolean: return "true or false"
        case .number: return "a number"
        case .code(let codes): return "one of " + codes.joined(separator: ", ")
        case .codes: return "a list of codes"
        case .references: return "a list of ids"
        case .records: return "a list of records"
        }
    }
}
