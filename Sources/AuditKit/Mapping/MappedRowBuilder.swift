/// Turns the rows of a spreadsheet register (a CSV file or a workbook sheet) into records of one
/// collection through its ``Mapping/CollectionRule``: columns found by their header (exact, then
/// in any case), constants, code values, date layouts and list splits applied.
struct MappedRowBuilder {
    let rule: Mapping.CollectionRule
    /// For each field rule, the column it reads; nil for a constant.
    private let columns: [Int?]
    private let names: [Name]
    private let types: [ContractType?]
    private let stack: FieldStack
    private var shapes: RecordShapeTable? = RecordShapeTable()

    /// Finds the columns of `rule` in `header`.
    ///
    /// - Throws: ``MappedLoader/LoadError/mapping(_:)`` naming the mapping's line when a column is
    ///   not in the header of `path`.
    init(rule: Mapping.CollectionRule, header: [String], path: String, mapping: Mapping) throws(MappedLoader.LoadError)
    {
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
        names = rule.fields.map { Name($0.target) }
        types = rule.fields.map { entry?.field($0.target)?.type }
        stack = FieldStack(capacity: max(rule.fields.count, 1))
    }

    /// The record of one row (`cells` in header order), or nil when it gives no field.
    mutating func record(cells: [String], location: SourceLocation) -> Record? {
        for position in rule.fields.indices {
            let field = rule.fields[position]
            var value = field.constant
            if value == nil, let column = columns[position], column < cells.count, !cells[column].isEmpty {
                value = MappedLoader.convert(cells[column], field: field, rule: rule, type: types[position])
            }
            if let value { stack.append(Record.Field(name: names[position], value: value)) }
        }
        return stack.takeRecord(from: 0, location: location, shapes: &shapes)
    }
}
