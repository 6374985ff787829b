/// What `xl/workbook.xml` and its relationships say: the sheets in order (name, part, hidden or
/// not), the date system, and where the shared strings and styles are.
struct WorkbookIndex {
    /// One sheet of the workbook.
    struct Sheet: Equatable {
        /// The name on its tab.
        var name: String
        /// Its part inside the archive (`xl/worksheets/sheet1.xml`); nil when the relationship is missing.
        var part: String?
        /// True for a hidden or very hidden sheet.
        var hidden: Bool
    }

    var sheets: [Sheet] = []
    /// True when dates count from 1904 (old Mac workbooks) instead of 1900.
    var dates1904 = false
    var sharedStringsPart: String?
    var stylesPart: String?

    static let workbookPart = "xl/workbook.xml"
    static let relationshipsPart = "xl/_rels/workbook.xml.rels"

    /// Reads the workbook part and its relationships from `archive`.
    static func read(from archive: WorkbookArchive, limits: WorkbookLimits = .standard) throws(RecordLoadError)
        -> WorkbookIndex
    {
        let book = BookHandler(limits: limits, place: archive.place(workbookPart))
        try archive.read(workbookPart, into: book)
        let relationships = RelationshipsHandler()
        if archive.has(relationshipsPart) { try archive.read(relationshipsPart, into: relationships) }
        var index = WorkbookIndex()
        index.dates1904 = book.dates1904
        for (name, id, hidden) in book.sheets {
            let part = id.flatMap { relationships.targets[$0] }.flatMap(resolve)
            index.sheets.append(Sheet(name: name, part: part, hidden: hidden))
        }
        index.sharedStringsPart =
            relationships.byType["sharedStrings"].flatMap(resolve)
            ?? (archive.has("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : nil)
        index.stylesPart =
            relationships.byType["styles"].flatMap(resolve)
            ?? (archive.has("xl/styles.xml") ? "xl/styles.xml" : nil)
        return index
    }

    /// A relationship target of the workbook part as a path in the archive: absolute targets
    /// (`/xl/…`) from the root, others from `xl/`; nil when it leaves the archive.
    static func resolve(_ target: String) -> String? {
        var parts: [Substring] = target.hasPrefix("/") ? [] : ["xl"]
        for piece in target.split(separator: "/") {
            if piece == "." { continue }
            if piece == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(piece)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}

/// Reads `<sheet name= r:id= state=>` and `<workbookPr date1904=>` from the workbook part.
private final class BookHandler: WorkbookPartHandler {
    var sheets: [(name: String, id: String?, hidden: Bool)] = []
    var dates1904 = false
    let limits: WorkbookLimits
    let place: String

    init(limits: WorkbookLimits, place: String) {
        self.limits = limits
        self.place = place
    }

    func start(_ name: String, attributes: [String: String]) throws(RecordLoadError) {
        switch name {
        case "sheet":
            guard sheets.count < limits.sheets else {
                throw RecordLoadError(file: place, message: "the workbook lists more than \(limits.sheets) sheets")
            }
            let state = attributes["state"] ?? "visible"
            sheets.append((attributes["name"] ?? "Sheet\(sheets.count + 1)", attributes["id"], state != "visible"))
        case "workbookPr":
            let value = attributes["date1904"]?.lowercased()
            dates1904 = value == "1" || value == "true"
        default:
            break
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
    func end(_ name: String) throws(RecordLoadError) {}
}

/// Reads `<Relationship Id= Type= Target=>` entries.
private final class RelationshipsHandler: WorkbookPartHandler {
    var targets: [String: String] = [:]
    /// Targets by the last word of their type (`sharedStrings`, `styles`).
    var byType: [String: String] = [:]

    func start(_ name: String, attributes: [String: String]) throws(RecordLoadError) {
        guard name == "Relationship", let target = attributes["Target"],
            attributes["TargetMode"]?.lowercased() != "external"
        else { return }
        if let id = attributes["Id"] { targets[id] = target }
        if let type = attributes["Type"]?.split(separator: "/").last { byType[String(type)] = target }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {}
    func end(_ name: String) throws(RecordLoadError) {}
}
