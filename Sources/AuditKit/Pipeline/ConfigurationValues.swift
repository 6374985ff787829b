import Yams

/// Decodes the values of `auditready.yml` to their types; every error names the file, line and
/// column of the value and, for a value out of a fixed list, the list and the nearest entry.
struct ConfigurationValues {
    /// The configuration file, as given.
    let path: String

    /// A text value and the node it was read from.
    struct Item {
        var text: String
        var node: Node
    }

    /// A problem at `node` (its line and column), or naming only the file when it has no place.
    func problem(at node: Node?, _ message: String) -> FileFormatError {
        FileFormatError(
            file: path, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, code: .configuration,
            message: message)
    }

    /// The single text value of `key`.
    func scalar(_ node: Node, _ key: String) throws(FileFormatError) -> String {
        guard let value = node.scalar?.string else { throw problem(at: node, "'\(key)' takes a single value") }
        return value
    }

    /// The values of `key`, a list or a single value.
    func list(_ node: Node, _ key: String) throws(FileFormatError) -> [Item] {
        if let value = node.scalar?.string { return [Item(text: value, node: node)] }
        guard case .sequence(let items) = node else { throw problem(at: node, "'\(key)' takes a list, such as [a, b]") }
        var values: [Item] = []
        for item in items { values.append(Item(text: try scalar(item, key), node: item)) }
        return values
    }

    /// The value of `key`, one of `cases` by its name.
    func choice<Value: RawRepresentable & Hashable>(
        _ node: Node, _ key: String, noun: String, among cases: [Value], aliases: [String: Value] = [:]
    ) throws(FileFormatError) -> Value where Value.RawValue == String {
        try choice(Item(text: try scalar(node, key), node: node), noun: noun, among: cases, aliases: aliases)
    }

    /// `item` as one of `cases`, read with `reading` (by default its name); otherwise an error
    /// listing them, with "did you mean" when `aliases` knows the value or, when `spelling` is
    /// true, one is spelt almost the same (not for standards: iso14001 is not a typo of iso9001).
    func choice<Value: RawRepresentable & Hashable>(
        _ item: Item, noun: String, among cases: [Value], aliases: [String: Value] = [:], spelling: Bool = true,
        reading: (String) -> Value? = { Value(rawValue: $0) }
    ) throws(FileFormatError) -> Value where Value.RawValue == String {
        if let value = reading(item.text) { return value }
        let names = cases.map(\.rawValue)
        let compact = item.text.lowercased().filter { $0.isLetter || $0.isNumber }
        let meant = aliases[compact]?.rawValue ?? (spelling ? NearMatch.best(for: item.text, among: names) : nil)
        throw problem(
            at: item.node,
            "'\(Display.excerpt(item.text))' is not \(article(noun)) \(noun); use one of \(names.joined(separator: ", "))"
                + (meant.map { "; did you mean '\($0)'?" } ?? ""))
    }

    /// The audit date `as_of`, checked as `--as-of` is.
    func date(_ node: Node, _ key: String) throws(FileFormatError) -> CalendarDate {
        switch AuditDate.parse(try scalar(node, key), option: key) {
        case .success(let date): return date
        case .failure(let failure): throw problem(at: node, failure.message)
        }
    }

    private func article(_ noun: String) -> String {
        "aeiou".contains(noun.first ?? "x") ? "an" : "a"
    }
}
