import Foundation

/// Turns libxml2's schema validity messages ("Element 'recieved_on': This element is not
/// expected. Expected is one of ( … ).") into the plain messages `auditready validate` prints,
/// with the record concerned and a column.
///
/// The record and the parent element come with each error (``SchemaValidationState/Entry``): the
/// element libxml2 was validating, never another one on the same line. Columns are found in one
/// pass over the file for all errors together (``XMLTagScanner``).
struct SchemaMessageTranslator {
    typealias Owner = SchemaValidationState.Owner
    let path: String
    /// The columns of the start tags errors concern, and of their attributes.
    private var columns = XMLTagScanner.Columns()
    /// The did-you-mean hints worked out so far.
    private let hints = HintMemo()

    /// The did-you-mean hints of "unknown field" messages, each worked out once per name and
    /// collection, and only for the first ``limit`` distinct names of a file: an export with
    /// 100,000 unknown attributes spent half of `validate`'s time on hints for messages that are
    /// never printed (`validate` shows 100 problems per file). Messages past the limit say
    /// everything but the hint.
    final class HintMemo {
        /// How many distinct unknown names get a hint.
        static let limit = 500
        private var known: [String: String] = [:]

        /// `"; did you mean 'x'?"`, `""`, or `""` past the limit.
        func hint(for name: String, among candidates: @autoclosure () -> [String], in collection: String?) -> String {
            let key = (collection ?? "") + "\u{0}" + name
            if let hint = known[key] { return hint }
            guard known.count < Self.limit else { return "" }
            let hint = NearMatch.hint(for: name, among: candidates())
            known[key] = hint
            return hint
        }
    }

    init(path: String) {
        self.path = path
    }

    /// Finds the columns of the elements and attributes `entries` concern.
    mutating func resolveColumns(for entries: [SchemaValidationState.Entry]) {
        var wanted: [SchemaValidationState.TagKey: Set<String>] = [:]
        for entry in entries {
            guard let tag = entry.tag, let element = entry.element,
                quoted(after: "Element '", in: entry.message) == element
            else { continue }
            if let attribute = quoted(after: ", attribute '", in: entry.message) {
                wanted[tag, default: []].insert(attribute)
            } else if wanted[tag] == nil {
                wanted[tag] = []
            }
        }
        guard !wanted.isEmpty, let reader = try? InputReader(path: path), let raw = try? reader.readAll() else {
            return
        }
        columns = XMLTagScanner.columns(in: XMLRecordLoader.utf16Transcoded(raw) ?? raw, wanted: wanted)
    }

    /// The violation an error describes; nil for messages that repeat another one.
    func translate(_ entry: SchemaValidationState.Entry) -> StructuralViolation? {
        translate(
            line: entry.line, message: entry.message,
            tag: entry.element == quoted(after: "Element '", in: entry.message) ? entry.tag : nil,
            parent: entry.parent, owner: entry.owner)
    }

    /// What tells an unknown field apart from the others of a file: the collection and the
    /// element it was found in (written as a child element or as an attribute), and its name.
    struct UnknownField: Hashable {
        let collection: String?, holder: String?, name: String
    }

    /// For an error about an unknown field of a record (not an unknown collection, not a
    /// misnamed list item): the field, and the start of the message ``translate(_:)`` gives it,
    /// up to the place (`unknown field 'x' in complaints record C-1`).
    func unknownField(_ entry: SchemaValidationState.Entry) -> (key: UnknownField, place: String)? {
        let name: String, holder: String?
        if entry.message.contains("This element is not expected") {
            guard entry.parent != "records", !(entry.parent.map(Self.isList) ?? false) else { return nil }
            (name, holder) = (quoted(after: "Element '", in: entry.message) ?? "?", entry.parent)
        } else if entry.message.contains("is not allowed."),
            let attribute = quoted(after: ", attribute '", in: entry.message)
        {
            (name, holder) = (attribute, entry.element)
        } else {
            return nil
        }
        return (
            UnknownField(collection: entry.owner?.collection, holder: holder, name: name),
            "unknown field '\(Display.clipped(name))'\(place(entry.owner))"
        )
    }

    private func translate(
        line: Int, message: String, tag: SchemaValidationState.TagKey?, parent: String?,
        owner: Owner?
    ) -> StructuralViolation? {
        let element = quoted(after: "Element '", in: message)
        let attribute = quoted(after: ", attribute '", in: message)
        let field = attribute ?? element ?? ""
        /// Where the error points: the attribute, or the element's start tag.
        enum Token { case element, attribute }
        func column(_ token: Token) -> Int {
            guard let tag else { return 0 }
            switch token {
            case .element: return columns.elements[tag] ?? 0
            case .attribute: return attribute.flatMap { columns.attributes[tag]?[$0] } ?? 0
            }
        }
        func make(_ kind: StructuralViolation.Kind, _ text: String, token: Token? = nil) -> StructuralViolation {
            StructuralViolation(
                file: path, line: line, column: token.map(column) ?? 0, kind: kind,
                collection: owner?.collection, record: owner?.record, message: text)
        }
        let elementToken = Token.element
        let attributeToken: Token? = attribute == nil ? nil : .attribute

        if message.contains("This element is not expected") {
            let expected = expectedNames(in: message)
            let name = element ?? "?"
            if parent == "records" {
                let known = RecordsContract.entries.map(\.name)
                return StructuralViolation(
                    file: path, line: line, column: column(.element),
                    kind: .unknownField,
                    message: "unknown collection or group '\(Display.clipped(name))'"
                        + NearMatch.hint(for: name, among: known))
            }
            if let parent, Self.isList(parent) {
                let names = ContractSchemas.itemNames(of: parent).map { "<\($0)>" }.joined(separator: ", ")
                return make(
                    .unknownField,
                    "<\(Display.clipped(name))> cannot be an item of '\(parent)'\(context(owner)); name its items \(names)",
                    token: elementToken)
            }
            let candidates = expected.isEmpty ? fieldNames(for: owner) : expected
            let hint = hints.hint(
                for: name, among: candidates, in: expected.isEmpty ? owner?.collection : expected.joined(separator: ",")
            )
            return make(
                .unknownField, "unknown field '\(Display.clipped(name))'\(place(owner))" + hint,
                token: elementToken)
        }
        if message.contains("is not allowed."), let attribute {
            let hint = hints.hint(for: attribute, among: fieldNames(for: owner), in: owner?.collection)
            return make(
                .unknownField, "unknown field '\(Display.clipped(attribute))'\(place(owner))" + hint,
                token: attributeToken)
        }
        if message.contains("[facet '"), let value = quoted(after: "The value '", in: message) {
            // libxml2 2.9 reports a facet failure alone or followed by "is not a valid value";
            // both give the same message, so the second is dropped as a repeat.
            let type = fieldType(field, owner: owner)
            let problem =
                ContractValidator.scalarProblem(value, type: type)
                ?? "has a value that does not fit its type: '\(value)'"
            return make(
                type == .date ? .badDate : .wrongType, "'\(field)' \(problem)\(context(owner))",
                token: attributeToken ?? elementToken)
        }
        if message.contains("is not a valid value of the"), let value = quoted(after: ": '", in: message),
            let typeName = lastQuoted(in: message)
        {
            let type = contractType(named: typeName)
            let problem =
                ContractValidator.scalarProblem(value, type: type)
                ?? "has a value that does not fit its type: '\(value)'"
            return make(
                type == .date ? .badDate : .wrongType, "'\(field)' \(problem)\(context(owner))",
                token: attributeToken ?? elementToken)
        }
        if message.contains("Duplicate key-sequence"), let key = quoted(after: "['", in: message) {
            let constraint = lastQuoted(in: message) ?? ""
            let list = constraint.replacingOccurrences(of: ".unique-id", with: "")
            let within = list.contains(".") ? "'\(list.split(separator: ".").last ?? "")'\(context(owner))" : list
            var violation = make(
                .duplicateID, "duplicate id '\(Display.clipped(key))' in \(within)", token: elementToken)
            if !list.contains(".") { violation.record = key }
            return violation
        }
        if message.contains("Element content is not allowed, because the type definition is simple") {
            return make(
                .wrongType, "'\(field)' should be a single value, not a group of elements\(context(owner))",
                token: elementToken)
        }
        if message.contains("Character content other than whitespace is not allowed") {
            return make(
                .wrongType, "'\(field)' should hold records (child elements), not text\(context(owner))",
                token: elementToken)
        }
        if message.contains("No matching global declaration") {
            return make(
                .unknownField, "the root element must be <records>, not <\(Display.clipped(field))>",
                token: elementToken)
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

    private func place(_ owner: Owner?) -> String {
        guard let owner else { return "" }
        return owner.record.map { " in \(owner.collection) record \(Display.clipped($0))" } ?? " in \(owner.collection)"
    }

    private func context(_ owner: Owner?) -> String {
        guard let owner else { return "" }
        return owner.record.map { " (\(owner.collection) record \(Display.clipped($0)))" } ?? " (\(owner.collection))"
    }

    private func fieldNames(for owner: Owner?) -> [String] {
        guard let owner, let names = RecordsContract.collections[owner.collection] else {
            return Array(RecordsContract.allFields)
        }
        return names
    }

    /// The type of the field called `name` in the owner's collection (nested fields included).
    private func fieldType(_ name: String, owner: Owner?) -> ContractType {
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
            guard parts.last == "code", parts.count >= 3, let entry = RecordsContract.entry(parts[0]) else {
                return .text
            }
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
            let end = text[start...].firstIndex(of: "'")
        else { return nil }
        return String(text[start..<end])
    }

    private func lastQuoted(in text: String) -> String? {
        guard let end = text.lastIndex(of: "'"), let start = text[..<end].lastIndex(of: "'") else { return nil }
        return String(text[text.index(after: start)..<end])
    }

    private func expectedNames(in text: String) -> [String] {
        guard let open = text.range(of: "Expected is")?.upperBound, let start = text[open...].firstIndex(of: "("),
            let end = text[start...].firstIndex(of: ")")
        else { return [] }
        return text[text.index(after: start)..<end].split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
