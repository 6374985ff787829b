import Foundation

/// `export.fields_not_exported`: the fields of a register that the export says it cannot hold
/// (`["nonconformities.root_cause"]`: ERPNext's Non Conformance has no place for a root cause).
///
/// A record that lacks such a field is not evidence that the organisation did not record it:
/// a presence test on it (`nc.root_cause is not empty`) is unknown rather than false, so a
/// requirement fails only on the fields the export does hold, and a message shows the field as
/// "not in the export" instead of "none". The report lists the declared fields beside the
/// collections not exported, so the auditor knows to look for them on site.
enum ExportedFields {
    /// The name of the list in the `export` group.
    static let listName = "fields_not_exported"

    /// The fields declared not exported, by top-level collection: empty when the export declares
    /// none, named in `names`. Entries the records contract does not define are left out (see
    /// ``notes(root:place:)``).
    static func notExported(root: Record, names: NameTable) -> [String: Set<Name>] {
        var fields: [String: Set<Name>] = [:]
        for (_, collection, field) in declared(root: root) where isContractField(collection, field) {
            fields[collection, default: []].insert(names.name(field))
        }
        return fields
    }

    /// The declared fields the records contract defines, as `collection.field` in the order
    /// given, for the report; nil when there are none.
    static func listed(root: Record) -> [String]? {
        let fields = declared(root: root).filter { isContractField($0.collection, $0.field) }
        return fields.isEmpty ? nil : fields.map { "\($0.collection).\($0.field)" }
    }

    /// A note for each declared name the records contract does not define: it is not applied,
    /// and the note says what was probably meant.
    static func unknownNames(root: Record, place: (SourceLocation?) -> Finding.Location) -> [ExportNote] {
        guard let export = root["export"]?.record else { return [] }
        let location = place(export.location)
        let known = RecordsContract.collections.flatMap { entry in entry.value.map { "\(entry.key).\($0)" } }
        return declared(root: root).filter { !isContractField($0.collection, $0.field) }.map { spelled, _, _ in
            let hint = NearMatch.best(for: spelled, among: known).map { "; did you mean '\($0)'?" } ?? ""
            return ExportNote(
                kind: "unknown-field", collection: "export", record: nil,
                message:
                    "export.\(listName) names \(Display.quoted(spelled)), which is not a field of the records contract"
                    + " (write it as collection.field)\(hint)",
                location: location)
        }
    }

    /// The `collection.field` entries of the list as written (trimmed) and split at their first
    /// dot, in the order given, each once.
    private static func declared(root: Record) -> [(spelled: String, collection: String, field: String)] {
        guard let listed = root["export"]?.record?[listName] else { return [] }
        var seen = Set<String>()
        return listed.items.compactMap(\.text).compactMap { entry in
            let text = entry.trimmingCharacters(in: .whitespaces)
            guard seen.insert(text).inserted else { return nil }
            guard let dot = text.firstIndex(of: ".") else { return (text, text, "") }
            return (text, String(text[..<dot]), String(text[text.index(after: dot)...]))
        }
    }

    private static func isContractField(_ collection: String, _ field: String) -> Bool {
        !field.isEmpty && RecordsContract.collections[collection]?.contains(field) == true
    }
}
