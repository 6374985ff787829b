import Foundation

/// `export.collections`: the collections an export says it contains. A collection it leaves out,
/// and that no input holds, was not exported, so the rules that read it are not evaluated and their clauses are "not
/// assessed", rather than reported as wholly absent (a complaints-only export checked against
/// ISO 10002 is graded fairly).
enum ExportedCollections {
    /// The collections and groups of the records contract the export does not contain, or nil
    /// when it does not list what it contains.
    static func notExported(root: Record) -> Set<String>? {
        guard let listed = root["export"]?.record?["collections"], !listed.items.isEmpty else { return nil }
        let exported = Set(listed.items.compactMap(\.text).map { $0.trimmingCharacters(in: .whitespaces) })
        // A collection the file holds was exported, listed or not (a file added beside a partial export).
        return Set(
            RecordsContract.entries.map(\.name).filter {
                $0 != "export" && !exported.contains($0) && root[$0] == nil
            })
    }

    /// Notes for the names `export.collections` lists that the records contract does not define
    /// (a misspelling would otherwise make the collection count as not exported), placed by `place`.
    static func unknownNames(root: Record, place: (SourceLocation?) -> Finding.Location) -> [ExportNote] {
        guard let export = root["export"]?.record, let listed = export["collections"] else { return [] }
        let known = RecordsContract.entries.map(\.name)
        return listed.items.compactMap(\.text).filter { !known.contains($0.trimmingCharacters(in: .whitespaces)) }.map {
            name in
            let hint = NearMatch.best(for: name, among: known).map { "; did you mean '\($0)'?" } ?? ""
            return ExportNote(
                kind: "unknown-collection", collection: "export", record: nil,
                message:
                    "export.collections names \(Display.quoted(name)), which the records contract does not define\(hint)",
                location: place(export.location))
        }
    }

    /// True when `rule` reads (in its scope, filter or requirement) a top-level name of `names`.
    static func reads(_ rule: RuleDeclaration, anyOf names: Set<String>) -> Bool {
        var read = rule.requirement.freeNames
        if let scope = rule.scope { read.formUnion(scope.source.freeNames) }
        if let filter = rule.filter { read.formUnion(filter.freeNames) }
        return !read.isDisjoint(with: names)
    }
}
