import Foundation

/// `export.collections`: the collections an export says it contains. A collection it leaves out
/// was not exported, so the rules that read it are not evaluated and their clauses are "not
/// assessed", rather than reported as wholly absent (a complaints-only export checked against
/// ISO 10002 is graded fairly).
enum ExportedCollections {
    /// The collections and groups of the records contract the export does not contain, or nil
    /// when it does not list what it contains.
    static func notExported(root: Record) -> Set<String>? {
        guard let listed = root[Name("export")]?.record?[Name("collections")], !listed.items.isEmpty else { return nil }
        let exported = Set(listed.items.compactMap(\.text).map { $0.trimmingCharacters(in: .whitespaces) })
        return Set(RecordsContract.entries.map(\.name)).subtracting(exported).subtracting(["export"])
    }

    /// True when `rule` reads (in its scope, filter or requirement) a top-level name of `names`.
    static func reads(_ rule: RuleDeclaration, anyOf names: Set<String>) -> Bool {
        var read = rule.requirement.freeNames
        if let scope = rule.scope { read.formUnion(scope.source.freeNames) }
        if let filter = rule.filter { read.formUnion(filter.freeNames) }
        return !read.isDisjoint(with: names)
    }
}
