/// The shared-strings table of a workbook (`xl/sharedStrings.xml`): the texts that cells of type
/// `s` refer to by index. Rich-text runs are joined; phonetic guides (`rPh`) are left out.
final class SharedStrings: WorkbookPartHandler {
    private(set) var texts: [String] = []
    private var current: [UInt8] = []
    private var inText = false
    private var phoneticDepth = 0
    private let limits: WorkbookLimits
    private let place: String

    init(limits: WorkbookLimits, place: String) {
        self.limits = limits
        self.place = place
    }

    /// Reads the table of `archive`, or an empty one when the workbook has none.
    static func read(from archive: WorkbookArchive, part: String?, limits: WorkbookLimits) throws(RecordLoadError)
        -> SharedStrings
    {
        let table = SharedStrings(limits: limits, place: part.map(archive.place) ?? archive.path)
        if let part, archive.has(part) { try archive.read(part, into: table) }
        return table
    }

    /// The text at `index`, or nil when there is none.
    subscript(index: Int) -> String? { texts.indices.contains(index) ? texts[index] : nil }

    func start(_ name: String, attributes: [String: String]) throws(RecordLoadError) {
        switch name {
        case "si": current.removeAll(keepingCapacity: true)
        case "rPh": phoneticDepth += 1
        case "t": inText = phoneticDepth == 0
        default: break
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if inText { current.append(contentsOf: bytes) }
    }

    func end(_ name: String) throws(RecordLoadError) {
        switch name {
        case "t": inText = false
        case "rPh": phoneticDepth -= 1
        case "si":
            guard texts.count < limits.sharedStrings else {
                throw RecordLoadError(
                    file: place,
                    message:
                        "the shared-strings table holds more than \(limits.sharedStrings) texts; the workbook is too large to check"
                )
            }
            texts.append(String(decoding: current, as: UTF8.self))
        default: break
        }
    }
}
