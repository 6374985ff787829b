import Foundation

/// Loads inputs through a ``Mapping`` into the records contract's shape: CSV registers (one
/// file per collection) and XML or JSON exports in another shape.
///
/// A CSV row's line becomes its record's line, so findings point at the spreadsheet row. Values
/// that do not convert (a date not in the declared layout, a code not in `values`) are kept as
/// written, so validation and the date check report them instead of losing them.
public enum MappedLoader {
    /// Why mapped inputs could not be loaded: an input that cannot be read, or a mapping that
    /// does not fit the input (a column that is not there).
    public enum LoadError: Error, Sendable, LocalizedError, CustomStringConvertible, DiagnosticConvertible {
        /// The input file is unusable.
        case input(RecordLoadError)
        /// The mapping does not fit the input; the location is in the mapping file.
        case mapping(FileFormatError)

        /// The error as a ``Diagnostic``: ``DiagnosticCode/recordLoad`` for the input,
        /// ``DiagnosticCode/mapping`` for the mapping.
        public var diagnostic: Diagnostic {
            switch self {
            case .input(let error): return error.diagnostic
            case .mapping(let error):
                var diagnostic = error.diagnostic
                diagnostic.code = .mapping
                return diagnostic
            }
        }

        public var diagnostics: [Diagnostic] { [diagnostic] }

        public var description: String { diagnostic.description }

        public var errorDescription: String? { description }
    }

    /// Loads `paths` through `mapping`: `.csv` files feed the collection whose `file` names them,
    /// workbooks (`.xlsx`) the collections whose `file` names them, a sheet each (``MappedWorkbookLoader``);
    /// other files are loaded as exports and their collections renamed and reshaped; a directory
    /// stands for the files in it that the mapping names.
    public static func load(paths given: [String], mapping: Mapping) throws(LoadError) -> RecordSet {
        let paths = try MappedInputs.files(given, mapping: mapping)
        let names = NameTable()
        let gathered = try GatheredRecords.load(paths, mapping: mapping, names: names)
        var records = RecordSet(names: names)
        for path in paths {
            let loaded: RecordSet
            if path.lowercased().hasSuffix(".csv") || path.lowercased().hasSuffix(".tsv") {
                loaded = try loadCSV(
                    path: path, fileIndex: Int32(records.inputs.count), mapping: mapping, names: names)
            } else if MappedWorkbookLoader.isWorkbook(path) {
                loaded = try MappedWorkbookLoader.load(
                    path: path, firstFileIndex: Int32(records.inputs.count), mapping: mapping, names: names)
            } else {
                loaded = try loadExport(
                    path: path, fileIndex: Int32(records.inputs.count), mapping: mapping, gathered: gathered,
                    names: names)
            }
            // Loaded with their final file index; merged without renumbering.
            records.root = merged(records.root, loaded.root, names: names)
            records.inputs.append(contentsOf: loaded.inputs)
        }
        if !mapping.constants.fields.isEmpty {
            records.root = merged(records.root, mapping.constants, names: names)
        }
        return records
    }

    /// The collection rule that reads the CSV file at `path`.
    static func rule(forCSV path: String, in mapping: Mapping) throws(LoadError) -> Mapping.CollectionRule {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let rule = mapping.collections.first(where: { $0.file?.lowercased() == name.lowercased() }) { return rule }
        let open = mapping.collections.filter { $0.file == nil && $0.source == nil }
        if open.count == 1 { return open[0] }
        let named = mapping.collections.compactMap(\.file)
        throw .mapping(
            FileFormatError(
                file: mapping.path, line: 0, column: 0,
                code: .mapping,
                message: "no collection of the mapping reads \(name); give one of them 'file: \(name)'"
                    + (named.isEmpty ? "" : " (the mapping names \(named.joined(separator: ", ")))")))
    }

    /// Reads the CSV file at `path` a row at a time straight into records: neither the file nor
    /// a table of its cells is ever in memory whole.
    static func loadCSV(path: String, fileIndex: Int32, mapping: Mapping, names: NameTable) throws(LoadError)
        -> RecordSet
    {
        let rule = try rule(forCSV: path, in: mapping)
        var reader: CSVRowReader
        let header: [String]
        do {
            reader = try CSVRowReader(path: path, separator: rule.separator)
            header = try reader.readHeader()
        } catch {
            throw .input(error)
        }
        var builder = try MappedRowBuilder(rule: rule, header: header, path: path, mapping: mapping, names: names)
        var items: [Value] = []
        var row = CSVCells()
        do {
            while let line = try reader.nextDataRow(into: &row, columns: header.count) {
                if let record = builder.record(
                    row: row, location: SourceLocation(file: fileIndex, line: line, column: 1))
                {
                    items.append(.record(record))
                }
            }
        } catch {
            throw .input(error)
        }
        let root = Record(
            fields: items.isEmpty ? [] : [Record.Field(name: names.name(rule.target), value: .list(items))],
            names: names, location: SourceLocation(file: fileIndex, line: 1, column: 1))
        let input = InputFile(path: path, format: .csv, sha256: reader.sha256, records: items.count)
        return RecordSet(root: root, inputs: [input], names: names)
    }

    /// The mapping names a column the CSV header lacks. Column names come from the file, so each
    /// is cut short and the list too.
    static func missingColumn(
        _ source: String, of path: String, header: [String], field: Mapping.FieldRule,
        mapping: Mapping
    ) -> FileFormatError {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let shown =
            header.prefix(20).map { "'\(Display.clipped($0))'" }.joined(separator: ", ")
            + (header.count > 20 ? " and \(header.count - 20) more" : "")
        return FileFormatError(
            file: mapping.path, line: field.line, column: field.column,
            code: .mapping,
            message: "the column '\(Display.clipped(source))' is not in \(Display.clipped(name))"
                + NearMatch.hint(for: source, among: header, otherwise: "; its columns are " + shown))
    }

    /// One source text as the contract value of `field`.
    static func convert(_ text: String, field: Mapping.FieldRule, rule: Mapping.CollectionRule, type: ContractType?)
        -> Value?
    {
        func one(_ raw: String) -> String? {
            let trimmed = trimmedScalar(field.html ? HTMLText.plain(raw) : raw)
            guard !trimmed.isEmpty else { return nil }
            if let code = field.values[trimmed]
                ?? field.values.first(where: { $0.key.lowercased() == trimmed.lowercased() })?.value
            {
                return code.isEmpty ? nil : code  // mapped to `~`: absent
            }
            if type == .date, let format = field.dateFormat ?? rule.dateFormat, let iso = format.iso(trimmed) {
                return iso
            }
            return trimmed
        }
        if let separator = field.split {
            let items = text.components(separatedBy: separator).compactMap(one).map(Value.text)
            return items.isEmpty ? nil : .list(items)
        }
        return one(text).map(Value.text)
    }

    /// `base` with the fields of `extra` added: collections concatenated, groups merged field by
    /// field (the first wins), without renumbering locations; the names of the result are in
    /// `names`.
    static func merged(_ base: Record, _ extra: Record, names: NameTable) -> Record {
        var fields = base.renamed(into: names).fields
        for field in extra.renamed(into: names).fields {
            guard let index = fields.firstIndex(where: { $0.name == field.name }) else {
                fields.append(field)
                continue
            }
            switch (fields[index].value, field.value) {
            case (.list(let mine), .list(let theirs)):
                fields[index].value = .list(mine + theirs)
            case (.record(let mine), .record(let theirs)):
                fields[index].value = .record(merged(mine, theirs, names: names))
            default:
                continue
            }
        }
        return Record(fields: fields, names: names, location: base.location)
    }
}
