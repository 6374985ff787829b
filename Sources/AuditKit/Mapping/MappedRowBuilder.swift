/// Turns the rows of a spreadsheet register (a CSV file or a workbook sheet) into records of one
/// collection through its ``Mapping/CollectionRule``: columns found by their header (exact, then
/// in any case), constants, code values, date layouts and list splits applied.
struct MappedRowBuilder {
    let rule: Mapping.CollectionRule
    /// For each field rule, the column it reads; nil for a constant.
    private let columns: [Int?]
    private let names: [Name]
    private let types: [ContractType?]
    /// For each field rule, whether a cell's trimmed text is the field's value as it is (no
    /// code values, date layout, split or HTML), so its bytes can go to the arena untouched.
    private let verbatim: [Bool]
    private let stack: FieldStack
    private var shapes: RecordShapeTable?
    /// Where the records' texts are kept: the arena of `shapes`.
    private let arena: TextArena

    /// Finds the columns of `rule` in `header`.
    ///
    /// - Throws: ``MappedLoader/LoadError/mapping(_:)`` naming the mapping's line when a column is
    ///   not in the header of `path`.
    init(
        rule: Mapping.CollectionRule, header: [String], path: String, mapping: Mapping, names nameTable: NameTable
    ) throws(MappedLoader.LoadError) {
        // The mapping's constants, named in the run's table.
        var rule = rule
        for index in rule.fields.indices {
            rule.fields[index].constant = rule.fields[index].constant?.renamed(into: nameTable)
        }
        self.rule = rule
        let entry = RecordsContract.entry(rule.target)
        var columns: [Int?] = []
        for field in rule.fields {
            guard let source = field.source else {
                columns.append(nil)
                continue
            }
            guard
                let index = header.firstIndex(of: source)
                    ?? header.firstIndex(where: { $0.lowercased() == source.lowercased() })
            else {
                throw .mapping(
                    MappedLoader.missingColumn(source, of: path, header: header, field: field, mapping: mapping))
            }
            columns.append(index)
        }
        self.columns = columns
        names = rule.fields.map { nameTable.name($0.target) }
        let types = rule.fields.map { entry?.field($0.target)?.type }
        self.types = types
        verbatim = zip(rule.fields, types).map { field, type in
            field.constant == nil && field.split == nil && !field.html && field.values.isEmpty
                && (type != .date || (field.dateFormat ?? rule.dateFormat) == nil)
        }
        stack = FieldStack(capacity: max(rule.fields.count, 1))
        let table = RecordShapeTable(names: nameTable)
        shapes = table
        arena = table.arena
    }

    /// The record of one row (`cells` in header order), or nil when it gives no field.
    mutating func record(cells: [String], location: SourceLocation) -> Record? {
        for position in rule.fields.indices {
            if let column = columns[position], column < cells.count, !cells[column].isEmpty {
                append(cells[column], at: position)
            } else {
                append(nil, at: position)
            }
        }
        return stack.takeRecord(from: 0, location: location, shapes: &shapes)
    }

    /// The record of one CSV row, or nil when it gives no field. A cell whose text is its
    /// field's value as it is goes from the row's bytes to the arena without becoming a
    /// `String`; the record is the one ``record(cells:location:)`` makes of the row's texts.
    mutating func record(row: CSVCells, location: SourceLocation) -> Record? {
        for position in rule.fields.indices {
            guard let column = columns[position], column < row.count else {
                append(nil, at: position)
                continue
            }
            row.withCell(column) { bytes in
                let (inner, plain) = trimmedScalarBytes(bytes)
                if plain, verbatim[position] {
                    stack.appendWord(
                        arena.word(UnsafeRawBufferPointer(inner), field: names[position]), name: names[position])
                    return
                }
                let text = plain ? String(decoding: inner, as: UTF8.self) : trimmedScalar(bytes: inner)
                append(text.isEmpty ? nil : text, at: position)
            }
        }
        return stack.takeRecord(from: 0, location: location, shapes: &shapes)
    }

    /// Puts the field at `position` on the stack: its constant, or else `text` (a non-empty
    /// trimmed cell, nil for none) converted.
    private func append(_ text: String?, at position: Int) {
        let field = rule.fields[position]
        var value = field.constant
        if value == nil, let text {
            value = MappedLoader.convert(text, field: field, rule: rule, type: types[position])
        }
        if let value { stack.append(Record.Field(name: names[position], value: value)) }
    }
}
