extension Finding {
    /// Where a finding's evidence sits in the export: a line of a text file, or a cell of a
    /// workbook's sheet. The file is always the path as given, never with the sheet glued on.
    public struct Location: Sendable, Hashable, Codable {
        /// Path of the input file, as given.
        public var file: String?
        /// 1-based line of the record in a text file; nil in a workbook, or for a finding about
        /// the export as a whole.
        public var line: Int?
        /// For a workbook, the sheet the record is on.
        public var sheet: String?
        /// For a workbook, the record's first cell as spreadsheets write it (`B12`).
        public var cell: String?

        /// Creates a location.
        public init(file: String?, line: Int?, sheet: String? = nil, cell: String? = nil) {
            self.file = file
            self.line = line
            self.sheet = sheet
            self.cell = cell
        }

        /// How reports written for people show it: `records.json:42`, or for a workbook
        /// `registers.xlsx, sheet complaints, cell B12` (`feuille`, `cellule` in French); nil
        /// without a file.
        public func described(in language: Language) -> String? {
            guard let file, let sheet else { return reference }
            let french = language == .fr
            return "\(file), \(french ? "feuille" : "sheet") \(sheet)"
                + (cell.map { ", \(french ? "cellule" : "cell") \($0)" } ?? "")
        }

        /// The compact form error messages and the CSV report use: `records.json:42`, or for a
        /// workbook `registers.xlsx:complaints!B12`; nil without a file.
        public var reference: String? {
            guard let file else { return nil }
            guard let sheet else { return file + (line.map { ":\($0)" } ?? "") }
            return "\(file):\(sheet)" + (cell.map { "!\($0)" } ?? "")
        }

        /// Sheet by sheet, then cell by cell in reading order (row 9 before row 12).
        func cellPrecedes(_ other: Location) -> Bool {
            if sheet != other.sheet { return (sheet ?? "") < (other.sheet ?? "") }
            let mine = cell.flatMap(CellReference.init), theirs = other.cell.flatMap(CellReference.init)
            if let mine, let theirs, mine != theirs {
                return (mine.row, mine.column) < (theirs.row, theirs.column)
            }
            return (cell ?? "") < (other.cell ?? "")
        }

        enum CodingKeys: String, CodingKey { case file, line, sheet, cell }

        /// Writes `file` and `line` always (null when absent), `sheet` and `cell` only for a workbook.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encodeIfPresent(sheet, forKey: .sheet)
            try container.encodeIfPresent(cell, forKey: .cell)
        }
    }
}
