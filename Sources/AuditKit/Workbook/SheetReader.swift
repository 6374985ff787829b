import Foundation

/// Streams one worksheet part a row at a time: each row's non-empty cells, their values already
/// turned into text (shared and inline strings, numbers, booleans, serial dates as ISO dates by
/// the cell's number format, formulas by their cached value), and the merged ranges. Neither the
/// part nor a table of its cells is ever held whole.
final class SheetReader: WorkbookPartHandler {
    /// One cell with a value, or with a reason it has none.
    struct Cell {
        var column: Int
        /// The value as text; nil when the cell shows nothing usable (see ``problem``).
        var value: String?
        /// Why a cell that holds something has no value (a formula never calculated, an error).
        var problem: String?
    }

    /// The workbook's shared strings and styles, and its date system.
    struct Context {
        var strings: SharedStrings
        var styles: CellStyles
        var dates1904: Bool
        var limits: WorkbookLimits
    }

    private let context: Context
    /// `registers.xlsx:complaints!` — the start of every cell's place.
    private let sheetPlace: String
    private let onRow: (Int, [Cell]) throws(RecordLoadError) -> Void
    /// Merged ranges (`A2:A5`) in the order the part lists them.
    private(set) var merges: [(from: CellReference, to: CellReference)] = []

    private var row = 0
    private var cells: [Cell] = []
    private var inRow = false
    // The cell being read.
    private var column = 0
    private var type = "n"
    private var style = 0
    private var hasFormula = false
    private var valueBytes: [UInt8] = []
    private var hasValue = false
    private var capture = false
    private var inInline = false
    private var phoneticDepth = 0

    init(context: Context, sheetPlace: String, onRow: @escaping (Int, [Cell]) throws(RecordLoadError) -> Void) {
        self.context = context
        self.sheetPlace = sheetPlace
        self.onRow = onRow
    }

    func start(_ name: String, attributes: [String: String]) throws(RecordLoadError) {
        switch name {
        case "row":
            let number = attributes["r"].flatMap { Int($0) } ?? row + 1
            guard number > row, number <= context.limits.rows else {
                throw RecordLoadError(
                    file: "\(sheetPlace)A\(number)",
                    message: number > context.limits.rows
                        ? "the sheet goes past row \(context.limits.rows), the last row a spreadsheet can have"
                        : "the rows of the sheet are out of order; the workbook may be damaged")
            }
            row = number
            cells.removeAll(keepingCapacity: true)
            column = 0
            inRow = true
        case "c":
            let previous = column
            if let reference = attributes["r"] {
                guard let cell = CellReference(reference), cell.row == row else {
                    throw RecordLoadError(
                        file: "\(sheetPlace)\(CellReference.letters(previous + 1))\(row)",
                        message: "the cell reference '\(Display.clipped(reference))' is not a cell of row \(row)")
                }
                column = cell.column
            } else {
                column = previous + 1
            }
            guard column <= context.limits.columns else {
                throw RecordLoadError(
                    file: "\(sheetPlace)\(row)",
                    message:
                        "the sheet goes past column XFD (\(context.limits.columns)), the last column a spreadsheet can have"
                )
            }
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap { Int($0) } ?? 0
            hasFormula = false
            hasValue = false
            valueBytes.removeAll(keepingCapacity: true)
        case "v" where inRow:
            capture = true
            hasValue = true
        case "is" where inRow:
            inInline = true
            hasValue = true
        case "t" where inInline:
            capture = phoneticDepth == 0
        case "rPh": phoneticDepth += 1
        case "f" where inRow: hasFormula = true
        case "mergeCell":
            let parts = (attributes["ref"] ?? "").split(separator: ":").map(String.init)
            if parts.count == 2, let from = CellReference(parts[0]), let to = CellReference(parts[1]),
                from.row <= to.row, from.column <= to.column
            {
                merges.append((from, to))
            }
        default:
            break
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if capture { valueBytes.append(contentsOf: bytes) }
    }

    func end(_ name: String) throws(RecordLoadError) {
        switch name {
        case "v", "t": capture = false
        case "is": inInline = false
        case "rPh": phoneticDepth -= 1
        case "c" where inRow:
            if let cell = finishedCell() { cells.append(cell) }
        case "row":
            inRow = false
            if !cells.isEmpty { try onRow(row, cells) }
        default:
            break
        }
    }

    /// The cell just read, or nil when it is empty.
    private func finishedCell() -> Cell? {
        guard hasValue else {
            return hasFormula ? Cell(column: column, value: nil, problem: "formulaWithoutValue") : nil
        }
        let raw = String(decoding: valueBytes, as: UTF8.self)
        if hasFormula, type != "inlineStr", trimmedScalar(raw).isEmpty {
            // Written by a program that does not calculate (an empty cached value).
            return Cell(column: column, value: nil, problem: "formulaWithoutValue")
        }
        switch type {
        case "s":
            guard let index = Int(trimmedScalar(raw)), let text = context.strings[index] else {
                return Cell(column: column, value: nil, problem: "badSharedString")
            }
            return text.isEmpty ? nil : Cell(column: column, value: text)
        case "inlineStr", "str":
            return raw.isEmpty ? nil : Cell(column: column, value: raw)
        case "b":
            return Cell(column: column, value: trimmedScalar(raw) == "1" ? "true" : "false")
        case "e":
            return Cell(column: column, value: nil, problem: "error:" + trimmedScalar(raw))
        case "d":
            // An ISO 8601 date written as such; midnight is the date alone.
            let text = trimmedScalar(raw)
            return Cell(column: column, value: text.hasSuffix("T00:00:00") ? String(text.prefix(10)) : text)
        default:
            let text = trimmedScalar(raw)
            guard !text.isEmpty else { return nil }
            let kind = context.styles.kind(ofStyle: style)
            if kind != .number, let serial = Double(text),
                let iso = ExcelDate.iso(serial, kind: kind, dates1904: context.dates1904)
            {
                return Cell(column: column, value: iso)
            }
            return Cell(column: column, value: Self.plainNumber(text))
        }
    }

    /// A number as a person would write it: `3` for `3.0`, and the binary noise of floating
    /// point (`0.30000000000000004`) rounded away to 15 significant digits, as spreadsheets show it.
    static func plainNumber(_ text: String) -> String {
        guard let value = Double(text), value.isFinite, text.count > 15 || text.hasSuffix(".0") else { return text }
        let shown = String(format: "%.15g", value)
        return shown.contains("e") ? text : shown
    }
}
