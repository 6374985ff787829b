import Foundation

/// Turns libxml2's schema validity messages ("Element 'recieved_on': This element is not
/// expected. Expected is one of ( … ).") into the plain messages `auditready validate` prints,
/// with the record concerned and a column.
struct SchemaMessageTranslator {
    let path: String
    /// Start line, collection and owning record id of every record, sorted by line.
    private let index: [(line: Int, collection: String, record: String?)]
    /// The lines column lookups may ask for (nil: any line); only these are kept.
    var wantedLines: Set<Int>?
    /// The text of the kept lines, read at the first column lookup.
    private var lineTexts: [Int: String]?
    /// Line → element name → parent element name, for elements on lines with errors.
    private let parents: [Int: [String: String]]

    init(path: String, records: RecordSet?, parents: [Int: [String: String]] = [:]) {
        self.path = path
        self.parents = parents
        var index: [(line: Int, collection: String, record: String?)] = []
        if let root = records?.root {
            for field in root.fields {
                let collection = field.name.string
                func visit(_ value: Value, owner: String?) {
                    switch value {
                    case .record(let record):
                        let owner = owner ?? record.id
                        index.append((Int(record.location.line), collection, owner))
                        for inner in record.fields { visit(inner.value, owner: owner) }
                    case .list(let items):
                        for item in items { visit(item, owner: owner) }
                    case .text:
                        break
                    }
                }
                if case .record(let group) = field.value {
                    index.append((Int(group.location.line), collection, nil))
                    for inner in group.fields { visit(inner.value, owner: nil) }
                } else {
                    visit(field.value, owner: nil)
                }
            }
        }
        self.index = index.sorted { $0.line < $1.line }
    }

    /// The violation a libxml2 message describes; nil for messages that repeat another one.
    mutating func translate(line: Int, column: Int, message: String) -> StructuralViolation? {
        let element = quoted(after: "Element '", in: message)
        let attribute = quoted(after: ", attribute '", in: message)
        let field = attribute ?? element ?? ""
        let owner = record(at: line)
        func make(_ kind: StructuralViolation.Kind, _ text: String, token: String? = nil) -> StructuralViolation {
            let columnFound = column > 0 ? column : self.column(line: line, token: token)
            return StructuralViolation(file: path, line: line, column: columnFound, kind: kind,
                                       collection: owner?.collection, record: owner?.record, message: text)
        }
        let elementToken = element.map { "<\($0)" }
        let attributeToken = attribute.map { "\($0)=" }

        if message.contains("This element is not expected") {
            let expected = expectedNames(in: message)
            let name = element ?? "?"
            let parent = parents[line]?[name]
            if parent == "records" {
                let known = RecordsContract.entries.map(\.name)
                return StructuralViolation(file: path, line: line, column: column > 0 ? column : self.column(line: line, token: elementToken),
                                           kind: .unknownField, message: "unknown collection or group '\(name)'"
                                           + NearMatch.hint(for: name, among: known))
            }
            if let parent, Self.isList(parent) {
                let names = ContractSchemas.itemNames(of: parent).map { "<\($0)>" }.joined(separator: ", ")
                return make(.unknownField, "<\(name)> cannot be an item of '\(parent)'\(context(owner)); name its items \(names)",
                            token: elementToken)
            }
            let candidates = expected.isEmpty ? fieldNames(for: owner) : expected
            return make(.unknownField, "unknown field '\(name)'\(place(owner))" + NearMatch.hint(for: name, among: candidates),
                        token: elementToken)
        }
        if message.contains("is not allowed."), let attribute {
            let candidates = fieldNames(for: owner)
            return make(.unknownField, "unknown field '\(attribute)'\(place(owner))" + NearMatch.hint(for: attribute, among: candidates),
                        token: attributeToken)
        }
        if message.contains("[facet '"), let value = quoted(after: "The value '", in: message) {
            // libxml2 2.9 reports a facet failure alone or followed by "is not a valid value";
            // both give the same message, so the second is dropped as a repeat.
            let type = fieldType(field, owner: owner)
            let problem = ContractValidator.scalarProblem(value, type: type) ?? "has a value that does not fit its type: '\(value)'"
            return make(type == .date ? .badDate : .wrongType, "'\(field)' \(problem)\(context(owner))",
                        token: attributeToken ?? elementToken)
        }
        if message.contains("is not a valid value of the"), let value = quoted(after: ": '", in: message),
           let typeName = lastQuoted(in: message) {
            let type = contractType(named: typeName)
            let problem = ContractValidator.scalarProblem(value, type: type) ?? "has a value that does not fit its type: '\(value)'"
            return make(type == .date ? .badDate : .wrongType, "'\(field)' \(problem)\(context(owner))",
                        token: attributeToken ?? elementToken)
        }
        if message.contains("Duplicate key-sequence"), let key = quoted(after: "['", in: message) {
            let constraint = lastQuoted(in: message) ?? ""
            let list = constraint.replacingOccurrences(of: ".unique-id", with: "")
            let within = list.contains(".") ? "'\(list.split(separator: ".").last ?? "")'\(context(owner))" : list
            var violation = make(.duplicateID, "duplicate id '\(key)' in \(within)", token: elementToken)
            if !list.contains(".") { violation.record = key }
            return violation
        }
        if message.contains("Element content is not allowed, because the type definition is simple") {
            return make(.wrongType, "'\(field)' should be a single value, not a group of elements\(context(owner))", token: elementToken)
        }
        if message.contains("Character content other than whitespace is not allowed") {
            return make(.wrongType, "'\(field)' should hold records (child elements), not text\(context(owner))", token: elementToken)
        }
        if message.contains("No matching global declaration") {
            return make(.unknownField, "the root element must be <records>, not <\(field)>", token: elementToken)
        }
        return make(.wrongType, "the XML Schema rejects this: \(message)", token: elementToken)
    }

    // MARK: Context

    /// True when elements called `name` hold a list (a collection or a list field).
    static func isList(_ name: String) -> Bool {
        for entry in RecordsContract.entries {
            if entry.name == name, !entry.isGroup { return true }
            func search(_ fields: [ContractField]) -> Bool {
                fields.contains { ($0.name == name && !$0.type.isScalar) || search($0.nestedFields) }
            }
            if search(entry.fields) { return true }
        }
        return false
    }

    private func record(at line: Int) -> (line: Int, collection: String, record: String?)? {
        var low = 0, high = index.count
        while low < high {
            let middle = (low + high) / 2
            if index[middle].line <= line { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : index[low - 1]
    }

    private func place(_ owner: (line: Int, collection: String, record: String?)?) -> String {
        guard let owner else { return "" }
        return owner.record.map { " in \(owner.collection) record \($0)" } ?? " in \(owner.collection)"
    }

    private func context(_ owner: (line: Int, collection: String, record: String?)?) -> String {
        guard let owner else { return "" }
        return owner.record.map { " (\(owner.collection) record \($0))" } ?? " (\(owner.collection))"
    }

    private func fieldNames(for owner: (line: Int, collection: String, record: String?)?) -> [String] {
        guard let owner, let names = RecordsContract.collections[owner.collection] else {
            return Array(RecordsContract.allFields)
        }
        return names
    }

    /// The type of the field called `name` in the owner's collection (nested fields included).
    private func fieldType(_ name: String, owner: (line: Int, collection: String, record: String?)?) -> ContractType {
        let entries = owner.flatMap { RecordsContract.entry($0.collection) }.map { [$0] } ?? RecordsContract.entries
        for entry in entries {
            func search(_ fields: [ContractField]) -> ContractType? {
                for field in fields {
                    if field.name == name {
                        if case .codes(let codes?) = field.type { return .code(codes) }
                        return field.type
                    }
                    if let found = search(field.nestedFields) { return found }
                }
                return nil
            }
            if let type = search(entry.fields) { return type }
        }
        return .text
    }

    /// The contract type behind a schema type name (`date`, `complaints.priority.code`).
    private func contractType(named name: String) -> ContractType {
        switch name {
        case "date": return .date
        case "boolean": return .boolean
        case "number": return .number
        default:
            var parts = name.split(separator: ".").map(String.init)
            guard parts.last == "code", parts.count >= 3, let entry = RecordsContract.entry(parts[0]) else { return .text }
            parts.removeLast()
            var fields = entry.fields
            var found: ContractField?
            for part in parts.dropFirst() {
                found = fields.first { $0.name == part }
                fields = found?.nestedFields ?? []
            }
            switch found?.type {
            case .code(let codes)?: return .code(codes)
            case .codes(let codes?)?: return .code(codes)
            default: return .text
            }
        }
    }

    // MARK: Text

    private func quoted(after marker: String, in text: String) -> String? {
        guard let start = text.range(of: marker)?.upperBound,
              let end = text[start...].firstIndex(of: "'") else { return nil }
        return String(text[start..<end])
    }

    private func lastQuoted(in text: String) -> String? {
        guard let end = text.lastIndex(of: "'"), let start = text[..<end].lastIndex(of: "'") else { return nil }
        return String(text[text.index(after: start)..<end])
    }

    private func expectedNames(in text: String) -> [String] {
        guard let open = text.range(of: "Expected is")?.upperBound, let start = text[open...].firstIndex(of: "("),
              let end = text[start...].firstIndex(of: ")") else { return [] }
        return text[text.index(after: start)..<end].split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The 1-based byte column of `token` on `line` of the file; 0 when it cannot be found.
    private mutating func column(line: Int, token: String?) -> Int {
        guard let token, line > 0 else { return 0 }
        if lineTexts == nil {
            let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
            // Lines end at "\n" bytes, except those after "\r": the same lines as splitting the
            // decoded text at the Character "\n" ("\r\n" is one Character), without decoding the
            // whole file (an ASCII byte never belongs to a longer UTF-8 sequence).
            var texts: [Int: String] = [:]
            let wanted = wantedLines
            bytes.withUnsafeBufferPointer { buffer in
                var number = 1
                var start = 0
                func keep(_ end: Int) {
                    if wanted?.contains(number) ?? true {
                        texts[number] = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
                    }
                }
                for k in 0..<buffer.count where buffer[k] == 0x0A && (k == 0 || buffer[k - 1] != 0x0D) {
                    keep(k)
                    number += 1
                    start = k + 1
                }
                keep(buffer.count)
            }
            lineTexts = texts
        }
        guard let text = lineTexts?[line] else { return 0 }
        guard let range = text.range(of: token) else { return 0 }
        return text.utf8.distance(from: text.startIndex, to: range.lowerBound) + 1
    }
}
