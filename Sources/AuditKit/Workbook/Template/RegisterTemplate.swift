import Foundation

/// An empty register workbook (.xlsx) that `check` reads without a mapping: a README sheet that
/// explains each register and the clauses it serves, then a sheet per collection of the records
/// contract with a frozen header row of column titles (contract field names, or French titles
/// that ``RegisterTitles`` maps back), drop-down lists on code and yes/no columns, and a date
/// format on date columns; group sheets (`organisation`…) list their fields down column A.
///
/// The file is byte-identical for identical options (``DeterministicZip``). Fields that hold
/// lists of records (an objective's measurements, a supplier's evaluations) have no column: a
/// flat register cannot hold them, and the README says so.
public struct RegisterTemplate: Sendable {
    /// Why the workbook could not be written (only a failure inside the ZIP library).
    public struct WriteError: Error, LocalizedError, Sendable {
        public var reason: String
        public var errorDescription: String? { "cannot write the register workbook: \(reason)" }
    }

    /// `en` or `fr`.
    public var language: String
    /// The standards whose registers the workbook holds.
    public var standards: Set<Standard>

    /// A template in `language` (`en` or `fr`) for `standards` (default: both).
    public init(language: String = "en", standards: Set<Standard> = Set(Standard.allCases)) {
        self.language = language == "fr" ? "fr" : "en"
        self.standards = standards.isEmpty ? Set(Standard.allCases) : standards
    }

    /// The registers in the workbook, in sheet order.
    var registers: [(guide: RegisterGuide.Entry, entry: ContractCollection)] {
        RegisterGuide.entries.compactMap { guide in
            guard standards.contains(guide.standard) || (guide.sheet == "organisation"),
                let entry = RecordsContract.entry(guide.sheet)
            else { return nil }
            return (guide, entry)
        }
    }

    /// The .xlsx file's bytes.
    ///
    /// - Throws: ``WriteError`` if the ZIP library fails.
    public func data() throws(WriteError) -> Data {
        let registers = self.registers
        var parts: [(path: String, contents: String)] = [
            ("[Content_Types].xml", SpreadsheetML.contentTypes(sheets: registers.count + 1)),
            ("_rels/.rels", SpreadsheetML.packageRelationships),
            ("xl/workbook.xml", SpreadsheetML.workbook(sheetNames: [readmeName] + registers.map(\.guide.sheet))),
            ("xl/_rels/workbook.xml.rels", SpreadsheetML.workbookRelationships(sheets: registers.count + 1)),
            ("xl/styles.xml", SpreadsheetML.styles),
            ("xl/worksheets/sheet1.xml", readme(registers))
        ]
        for (index, register) in registers.enumerated() {
            let xml = register.entry.isGroup ? groupSheet(register.entry) : collectionSheet(register.entry)
            parts.append(("xl/worksheets/sheet\(index + 2).xml", xml))
        }
        do {
            return try DeterministicZip.data(parts, day: nil)
        } catch {
            throw WriteError(reason: error.reason)
        }
    }

    /// Writes the workbook to `path` atomically (a file already there is replaced only once the
    /// new one is complete).
    ///
    /// - Throws: ``AtomicFile/WriteError`` when the file cannot be written.
    public func write(to path: String) throws(AtomicFile.WriteError) {
        let template = self
        try AtomicFile.write(
            RenderedReport(streaming: { sink in
                let data = try template.data()
                try data.withUnsafeBytes { try sink($0) }
            }), to: path)
    }

    private var readmeName: String { language == "fr" ? "LISEZMOI" : "README" }

    /// The fields a register has columns for: every field but lists of records.
    static func columns(of entry: ContractCollection) -> [ContractField] {
        entry.fields.filter { $0.nestedFields.isEmpty }
    }

    private func collectionSheet(_ entry: ContractCollection) -> String {
        let fields = Self.columns(of: entry)
        let header = fields.enumerated().map { index, field in
            SpreadsheetML.textCell(
                column: index + 1, row: 1, RegisterTitles.title(of: field.name, language: language),
                style: SpreadsheetML.Style.header)
        }.joined()
        var validations: [String] = []
        var columns: [String] = []
        for (index, field) in fields.enumerated() {
            let letters = CellReference.letters(index + 1)
            if let values = Self.allowedValues(field.type) {
                validations.append(SpreadsheetML.listValidation(range: "\(letters)2:\(letters)1048576", values: values))
            }
            let isDate = field.type == .date
            let title = RegisterTitles.title(of: field.name, language: language)
            columns.append(
                SpreadsheetML.column(
                    index + 1, width: isDate ? 14 : Double(max(12, min(40, title.count + 4))),
                    style: isDate ? SpreadsheetML.Style.date : nil))
        }
        return SpreadsheetML.worksheet(
            columns: columns, rows: [SpreadsheetML.row(1, header)], validations: validations,
            frozenHeader: true)
    }

    private func groupSheet(_ entry: ContractCollection) -> String {
        let fields = Self.columns(of: entry)
        let titles = language == "fr" ? ("Champ", "Valeur") : ("field", "value")
        var rows = [
            SpreadsheetML.row(
                1,
                SpreadsheetML.textCell(column: 1, row: 1, titles.0, style: SpreadsheetML.Style.header)
                    + SpreadsheetML.textCell(column: 2, row: 1, titles.1, style: SpreadsheetML.Style.header))
        ]
        var validations: [String] = []
        for (index, field) in fields.enumerated() {
            let row = index + 2
            var cells = SpreadsheetML.textCell(
                column: 1, row: row, RegisterTitles.title(of: field.name, language: language))
            if field.type == .date {
                cells += SpreadsheetML.emptyCell(column: 2, row: row, style: SpreadsheetML.Style.date)
            }
            rows.append(SpreadsheetML.row(row, cells))
            if let values = Self.allowedValues(field.type) {
                validations.append(SpreadsheetML.listValidation(range: "B\(row)", values: values))
            }
        }
        return SpreadsheetML.worksheet(
            columns: [SpreadsheetML.column(1, width: 36, style: nil), SpreadsheetML.column(2, width: 50, style: nil)],
            rows: rows, validations: validations, frozenHeader: true)
    }

    private func readme(_ registers: [(guide: RegisterGuide.Entry, entry: ContractCollection)]) -> String {
        var rows: [String] = []
        var number = 1
        for (index, line) in RegisterGuide.introduction(language: language).enumerated() {
            rows.append(
                SpreadsheetML.row(
                    number,
                    SpreadsheetML.textCell(
                        column: 1, row: number, line,
                        style: index == 0 ? SpreadsheetML.Style.header : nil)))
            number += 1
        }
        number += 1
        let titles = language == "fr" ? ["Onglet", "Articles", "À quoi il sert"] : ["Tab", "Clauses", "What it is for"]
        rows.append(
            SpreadsheetML.row(
                number,
                titles.enumerated().map { index, title in
                    SpreadsheetML.textCell(column: index + 1, row: number, title, style: SpreadsheetML.Style.header)
                }.joined()))
        number += 1
        for register in registers {
            var text = language == "fr" ? register.guide.french : register.guide.english
            let nested = register.entry.fields.filter { !$0.nestedFields.isEmpty }.map(\.name)
            if !nested.isEmpty {
                text +=
                    language == "fr"
                    ? " Non repris ici (listes d'enregistrements, à fournir dans un export JSON ou XML) : \(nested.joined(separator: ", "))."
                    : " Not kept here (lists of records; give them in a JSON or XML export): \(nested.joined(separator: ", "))."
            }
            rows.append(
                SpreadsheetML.row(
                    number,
                    SpreadsheetML.textCell(column: 1, row: number, register.guide.sheet)
                        + SpreadsheetML.textCell(column: 2, row: number, register.guide.clauses)
                        + SpreadsheetML.textCell(column: 3, row: number, text, style: SpreadsheetML.Style.wrapped)))
            number += 1
        }
        return SpreadsheetML.worksheet(
            columns: [
                SpreadsheetML.column(1, width: 24, style: nil), SpreadsheetML.column(2, width: 22, style: nil),
                SpreadsheetML.column(3, width: 100, style: nil)
            ],
            rows: rows, validations: [], frozenHeader: false)
    }

    /// The values a drop-down offers for a field: its codes, or true/false for a yes/no field.
    static func allowedValues(_ type: ContractType) -> [String]? {
        switch type {
        case .code(let codes): return codes
        case .boolean: return ["true", "false"]
        default: return nil
        }
    }
}
