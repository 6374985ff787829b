/// Reads a workbook laid out like the records contract, without a mapping: one sheet per
/// collection named after it (`complaints`, `nonconformities`…) with a header row of contract
/// field names (or the column titles ``RegisterTitles`` gives them, in English or French) and one
/// row per record; a sheet per group (`organisation`…) of field/value rows; list fields as
/// `;`-separated cells. Merged cells give their value to every row they cover.
///
/// Hidden sheets, sheets that are not registers of the contract, formulas never calculated and
/// cells showing an error are left out, each with an export note. Every sheet read is one
/// ``InputFile`` (same path, its ``InputFile/sheet``), so locations read `registers.xlsx:complaints!A12`.
enum WorkbookLoader {
    /// Sheets that explain the workbook and are skipped without a note.
    static let explanationSheets: Set<String> = ["readme", "lisezmoi", "lisez-moi"]

    /// Loads the workbook at `path`.
    ///
    /// - Throws: ``RecordLoadError`` naming the file, and the part or cell, when the workbook
    ///   cannot be read or breaks ``WorkbookLimits``.
    static func load(path: String, limits: WorkbookLimits = .standard, names: NameTable = NameTable())
        throws(RecordLoadError) -> RecordSet
    {
        let workbook = try Workbook(path: path, limits: limits)
        var records = RecordSet(names: names)
        var notes: [StructuralViolation] = []
        for sheet in workbook.index.sheets {
            let name = trimmedScalar(sheet.name)
            let entry = RecordsContract.entry(name) ?? RecordsContract.entry(name.lowercased())
            if sheet.hidden {
                if entry != nil {
                    notes.append(
                        note(
                            .ignoredSheet, Place(file: workbook.path, sheet: sheet.name),
                            "the sheet '\(Display.clipped(sheet.name))' is hidden and was not read; show it in the workbook if it holds records to check"
                        ))
                }
                continue
            }
            guard let entry else {
                if !explanationSheets.contains(name.lowercased()) {
                    notes.append(
                        note(
                            .ignoredSheet, Place(file: workbook.path, sheet: sheet.name),
                            "the sheet '\(Display.clipped(sheet.name))' is not a register of the records contract and was not read; "
                                + "name a register's sheet after its collection (complaints, nonconformities…)"))
                }
                continue
            }
            let fileIndex = Int32(records.inputs.count)
            let read =
                try entry.isGroup
                ? readGroup(sheet, of: workbook, entry: entry, fileIndex: fileIndex, names: names)
                : readCollection(sheet, of: workbook, entry: entry, fileIndex: fileIndex, names: names)
            notes.append(contentsOf: read.notes)
            guard let value = read.value else { continue }
            records.inputs.append(
                InputFile(
                    path: path, format: .xlsx, sha256: workbook.archive.sha256,
                    records: read.count, sheet: sheet.name))
            records.root = MappedLoader.merged(
                records.root, Record(fields: [Record.Field(name: names.name(entry.name), value: value)], names: names),
                names: names)
        }
        if records.inputs.isEmpty {
            records.inputs.append(InputFile(path: path, format: .xlsx, sha256: workbook.archive.sha256, records: 0))
        }
        records.violations = notes
        return records
    }

    /// What one sheet gave: the collection's list or the group's record, how many records, notes.
    struct SheetContent {
        var value: Value?
        var count: Int
        var notes: [StructuralViolation]
    }

    /// A collection sheet: the first row with a value is the header, each later row a record.
    static func readCollection(
        _ sheet: WorkbookIndex.Sheet, of workbook: Workbook, entry: ContractCollection,
        fileIndex: Int32, names: NameTable
    ) throws(RecordLoadError) -> SheetContent {
        var header: [Int: (name: Name, spelled: String)] = [:]
        var headerRow = 0
        var items: [Value] = []
        var rowOfItem: [Int] = []
        var notes: [StructuralViolation] = []
        let merges = try workbook.readSheet(sheet) { (row: Int, cells: [SheetReader.Cell]) throws(RecordLoadError) in
            if headerRow == 0 {
                headerRow = row
                for cell in cells {
                    if let text = cell.value.map(trimmedScalar), !text.isEmpty {
                        let spelled = RegisterTitles.field(forHeader: text, in: entry)
                        header[cell.column] = (names.name(spelled), spelled)
                    }
                }
                return
            }
            // Gathered first: a record's fields are stored compactly, so appending one at a time
            // would copy them all each time (quadratic on a sheet 16,384 columns wide).
            var fields: [Record.Field] = []
            for cell in cells {
                guard let (name, spelled) = header[cell.column] else { continue }
                if let problem = cell.problem {
                    notes.append(cellNote(problem, workbook.place(sheet: sheet.name, column: cell.column, row: row)))
                    continue
                }
                if let value = cell.value.flatMap({ value(of: $0, field: entry.field(spelled)) }) {
                    fields.append(Record.Field(name: name, value: value))
                }
            }
            guard !fields.isEmpty else { return }
            items.append(
                .record(
                    Record(
                        fields: fields, names: names,
                        location: SourceLocation(file: fileIndex, line: row, column: cells[0].column))))
            rowOfItem.append(row)
        }
        fillMerged(merges, items: &items, rows: rowOfItem, header: header.mapValues(\.name), headerRow: headerRow)
        return SheetContent(value: .list(items), count: items.count, notes: notes)
    }

    /// A group sheet: rows of field (column A) and value (column B); a first row of titles
    /// (`field`/`value`, `champ`/`valeur`) is skipped.
    static func readGroup(
        _ sheet: WorkbookIndex.Sheet, of workbook: Workbook, entry: ContractCollection,
        fileIndex: Int32, names: NameTable
    ) throws(RecordLoadError) -> SheetContent {
        var group = Record(fields: [], names: names, location: SourceLocation(file: fileIndex, line: 1, column: 1))
        var notes: [StructuralViolation] = []
        var firstRow = true
        _ = try workbook.readSheet(sheet) { (row: Int, cells: [SheetReader.Cell]) throws(RecordLoadError) in
            defer { firstRow = false }
            guard let key = cells.first(where: { $0.column == 1 })?.value.map(trimmedScalar), !key.isEmpty,
                let cell = cells.first(where: { $0.column == 2 })
            else { return }
            if firstRow, ["field", "champ"].contains(key.lowercased()) { return }
            if let problem = cell.problem {
                notes.append(cellNote(problem, workbook.place(sheet: sheet.name, column: 2, row: row)))
                return
            }
            let name = RegisterTitles.field(forHeader: key, in: entry)
            if group.location.line == 1 {
                group = Record(
                    fields: group.fields, names: names, location: SourceLocation(file: fileIndex, line: row, column: 1))
            }
            if let value = cell.value.flatMap({ value(of: $0, field: entry.field(name)) }) {
                group.fields.append(Record.Field(name: names.name(name), value: value))
            }
        }
        return SheetContent(
            value: group.fields.isEmpty ? nil : .record(group), count: group.fields.isEmpty ? 0 : 1, notes: notes)
    }

    /// A cell's text as the contract value of `field`: list fields split at `;`.
    static func value(of text: String, field: ContractField?) -> Value? {
        let trimmed = trimmedScalar(text)
        guard !trimmed.isEmpty else { return nil }
        switch field?.type {
        case .codes?, .references?:
            let items = trimmed.split(separator: ";").map { trimmedScalar(String($0)) }.filter { !$0.isEmpty }
            return items.isEmpty ? nil : .list(items.map(Value.text))
        default:
            return .text(trimmed)
        }
    }

    /// Gives each merged range's value (its top-left cell's) to the records of the rows it
    /// covers that have none in that column. Ranges over the header are left alone.
    static func fillMerged(
        _ merges: [(from: CellReference, to: CellReference)], items: inout [Value], rows: [Int],
        header: [Int: Name], headerRow: Int
    ) {
        for (from, to) in merges where from.row > headerRow && to.row > from.row {
            guard let name = header[from.column], let top = rows.firstIndex(of: from.row),
                case .record(let source) = items[top], let value = source[name]
            else { continue }
            var position = top + 1
            while position < rows.count, rows[position] <= to.row {
                if case .record(var record) = items[position], record[name] == nil {
                    record.fields.append(Record.Field(name: name, value: value))
                    items[position] = .record(record)
                }
                position += 1
            }
        }
    }

    /// The note for a cell that holds something but gives no value.
    static func cellNote(_ problem: String, _ place: Place) -> StructuralViolation {
        if problem == "formulaWithoutValue" {
            return note(
                .unreadCell, place,
                "the cell holds a formula that was never calculated, so its value is unknown; "
                    + "open the workbook in a spreadsheet program and save it again")
        }
        if problem.hasPrefix("error:") {
            return note(
                .unreadCell, place,
                "the cell shows the error \(Display.clipped(String(problem.dropFirst(6)))) instead of a value")
        }
        return note(
            .unreadCell, place,
            "the cell refers to a shared text the workbook does not have; the workbook may be damaged")
    }

    static func note(_ kind: StructuralViolation.Kind, _ place: Place, _ message: String) -> StructuralViolation {
        StructuralViolation(
            file: place.file, line: 0, column: 0, kind: kind, message: message, sheet: place.sheet, cell: place.cell)
    }

    /// A sheet of a workbook, or a cell (`C12`) of one.
    struct Place {
        var file: String
        var sheet: String
        var cell: String?
    }
}
