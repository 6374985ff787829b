/// Which cell styles of a workbook (`xl/styles.xml`) show numbers as dates or times, from the
/// number format of each entry of `cellXfs`: the built-in date formats (14–22, 45–47) and custom
/// formats whose code has day, month-with-year or year parts (`dd/mm/yyyy`, `yyyy-mm-dd h:mm`).
final class CellStyles: WorkbookPartHandler {
    /// How a style shows a number.
    enum Kind: Equatable { case number, date, dateTime, time }

    private(set) var kinds: [Kind] = []
    private var customFormats: [Int: String] = [:]
    private var inCellFormats = false

    /// Reads the styles of `archive`; every cell is a plain number when there are none.
    static func read(from archive: WorkbookArchive, part: String?) throws(RecordLoadError) -> CellStyles {
        let styles = CellStyles()
        if let part, archive.has(part) { try archive.read(part, into: styles) }
        return styles
    }

    /// The kind of the style at `index` (a cell's `s` attribute).
    func kind(ofStyle index: Int) -> Kind { kinds.indices.contains(index) ? kinds[index] : .number }

    func start(_ name: String, attributes: [String: String]) throws(RecordLoadError) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                customFormats[id] = code
            }
        case "cellXfs": inCellFormats = true
        case "xf" where inCellFormats:
            let id = attributes["numFmtId"].flatMap { Int($0) } ?? 0
            kinds.append(customFormats[id].map(Self.kind(ofCode:)) ?? Self.kind(ofBuiltIn: id))
        default: break
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}

    func end(_ name: String) throws(RecordLoadError) {
        if name == "cellXfs" { inCellFormats = false }
    }

    /// The built-in number formats: 14–17 dates, 18–21 and 45–47 times, 22 date and time.
    static func kind(ofBuiltIn id: Int) -> Kind {
        switch id {
        case 14...17, 27...31, 34...36, 50...58: return .date
        case 22: return .dateTime
        case 18...21, 32, 33, 45...47: return .time
        default: return .number
        }
    }

    /// The kind of a custom format code: quoted text, escaped characters and bracketed parts
    /// (colours, locales, conditions) are ignored; of the first section, `d` or `y` make a date,
    /// `h` or `s` a time.
    static func kind(ofCode code: String) -> Kind {
        var letters: [Character] = []
        var quoted = false, bracket = false, escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            if quoted { if character == "\"" { quoted = false }; continue }
            if bracket { if character == "]" { bracket = false }; continue }
            switch character {
            case "\\", "_", "*": escaped = true
            case "\"": quoted = true
            case "[": bracket = true
            case ";": break
            default: letters.append(Character(character.lowercased()))
            }
            if character == ";" { break }
        }
        let isDate = letters.contains("d") || letters.contains("y")
        let isTime = letters.contains("h") || letters.contains("s")
        switch (isDate, isTime) {
        case (true, true): return .dateTime
        case (true, false): return .date
        case (false, true): return .time
        default: return .number
        }
    }
}
