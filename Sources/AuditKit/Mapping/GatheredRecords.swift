/// Records that a mapping gathers from one export into a list field of records read from
/// another (`from:` and `match:`): an ERPNext Quality Review names its Quality Goal in `goal`, so
/// the reviews of `Quality Review.json` become the `measurements` of the objective read from
/// `Quality Goal.json` whose `name` they give.
///
/// The exports named by `from:` are read before the others, with their final file index, so the
/// gathered records keep their places in their own file.
struct GatheredRecords {
    /// Exports read ahead, by their position among the inputs.
    var preloaded: [Int: RecordSet] = [:]
    /// The gathered exports (lowercased file names) that no collection rule reads itself.
    var gatherOnly: Set<String> = []
    /// The records of each gathered export by the value of each field that `match:` names:
    /// file name → field → value → records, in file order.
    private var index: [String: [String: [String: [Record]]]] = [:]

    /// Reads ahead the inputs among `paths` that `mapping` gathers from.
    static func load(_ paths: [String], mapping: Mapping, names: NameTable) throws(MappedLoader.LoadError)
        -> GatheredRecords
    {
        var keys: [String: Set<String>] = [:]  // file → the fields matched on
        func collect(_ fields: [Mapping.FieldRule]) {
            for field in fields {
                if let from = field.from, let match = field.match {
                    keys[from.lowercased(), default: []].insert(match.theirs)
                }
                collect(field.fields)
            }
        }
        for rule in mapping.collections { collect(rule.fields) }
        var result = GatheredRecords()
        guard !keys.isEmpty else { return result }
        let read = Set(mapping.collections.compactMap { $0.file?.lowercased() })
        result.gatherOnly = Set(keys.keys).subtracting(read)
        for (position, path) in paths.enumerated() {
            let name = MappedLoader.fileName(path).lowercased()
            guard let fields = keys[name], !MappedLoader.isCSV(path) else { continue }
            let export = try MappedLoader.loadUnmapped(path: path, fileIndex: Int32(position), names: names)
            result.preloaded[position] = export
            // The export's records: its first collection (`data` in an ERPNext export).
            let records =
                export.root.fields.lazy.map { $0.value.items.compactMap(\.record) }.first { !$0.isEmpty } ?? []
            for field in fields {
                var byValue = result.index[name]?[field] ?? [:]
                for record in records {
                    if let value = record[field]?.text { byValue[value, default: []].append(record) }
                }
                result.index[name, default: [:]][field] = byValue
            }
        }
        return result
    }

    /// The records of the export `file` whose field `field` holds `value`.
    func records(in file: String, where field: String, is value: String) -> [Record] {
        index[file.lowercased()]?[field]?[value] ?? []
    }
}
