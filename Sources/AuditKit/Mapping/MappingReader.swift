import Foundation
import Yams

/// Reads a mapping file (YAML, docs/mappings.md). Every error names the file, line and column.
///
/// ```yaml
/// version: 1
/// date_format: dd/mm/yyyy
/// constants:
///   organisation:
///     standards: [ISO 10002:2018]
/// collections:
///   complaints:
///     file: reclamations.csv
///     separator: ";"
///     fields:
///       id: N° réclamation
///       received_on: Date de réception
///       priority:
///         column: Priorité
///         values: { Basse: low, Moyenne: medium, Haute: high }
///       channel: { constant: email }
/// ```
public enum MappingReader {
    static let topKeys = ["version", "date_format", "constants", "collections"]
    static let collectionKeys = ["file", "sheet", "source", "separator", "date_format", "fields", "keep_other_fields"]
    static let fieldKeys = ["column", "field", "constant", "date", "values", "split", "fields", "from", "match", "html"]

    /// Reads the mapping file at `path`.
    ///
    /// - Throws: ``FileFormatError`` when the file cannot be read, is larger than 8 MiB (see
    ///   `AUDITREADY_MAX_YAML_BYTES`) or is not a valid mapping.
    public static func load(path: String) throws(FileFormatError) -> Mapping {
        try read(source: try SafeYAML.readFile(path, kind: .mapping), path: path)
    }

    /// Reads mapping YAML `source` from the file `path`.
    public static func read(source: String, path: String) throws(FileFormatError) -> Mapping {
        let root = try SafeYAML.compose(source, path: path, kind: .mapping)
        func fail(_ node: Node?, _ message: String) -> FileFormatError {
            FileFormatError(
                file: path, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, code: .mapping,
                message: message)
        }
        guard let root, case .mapping(let top) = root else {
            throw fail(root, "a mapping file is a YAML mapping with a 'collections' key")
        }
        var mapping = Mapping(path: path)
        var defaultFormat: DateFormat?
        var collectionsNode: Node?
        _ = try YAMLFileVersion.read(top["version"], path: path, kind: .mapping)
        for (key, value) in top {
            let name = key.scalar?.string ?? ""
            switch name {
            case "version": break
            case "date_format": defaultFormat = try dateFormat(value, fail)
            case "constants": mapping.constants = try constants(value, fail)
            case "collections": collectionsNode = value
            default:
                throw fail(
                    key,
                    "unknown key '\(Display.excerpt(name))' at the top of the mapping"
                        + NearMatch.hint(for: name, among: topKeys))
            }
        }
        guard let collectionsNode, case .mapping(let collections) = collectionsNode else {
            throw fail(
                collectionsNode ?? root, "the mapping needs 'collections': one entry per contract collection it fills")
        }
        let known = RecordsContract.entries.filter { !$0.isGroup }.map(\.name)
        for (key, value) in collections {
            let target = key.scalar?.string ?? ""
            guard let entry = RecordsContract.entry(target), !entry.isGroup else {
                throw fail(
                    key,
                    "'\(Display.excerpt(target))' is not a collection of the records contract"
                        + NearMatch.hint(
                            for: target, among: known, otherwise: "; groups such as organisation go under 'constants'"))
            }
            // A list of bodies: several sources (one file each) feed the same collection.
            var bodies = [value]
            if case .sequence(let items) = value, !items.isEmpty { bodies = Array(items) }
            for body in bodies {
                mapping.collections.append(
                    try collectionRule(key, body, entry: entry, defaultFormat: defaultFormat, fail))
            }
        }
        return mapping
    }

    private static func collectionRule(
        _ key: Node, _ value: Node, entry: ContractCollection, defaultFormat: DateFormat?,
        _ fail: (Node?, String) -> FileFormatError
    ) throws(FileFormatError) -> Mapping.CollectionRule {
        let target = entry.name
        guard case .mapping(let body) = value else {
            throw fail(value, "'\(target)' needs a mapping with 'fields' (and 'file' for a CSV register)")
        }
        var rule = Mapping.CollectionRule(target: target, line: key.mark?.line ?? 0, column: key.mark?.column ?? 0)
        rule.dateFormat = defaultFormat
        var fieldsNode: Node?
        for (bodyKey, bodyValue) in body {
            let name = bodyKey.scalar?.string ?? ""
            switch name {
            case "file": rule.file = try scalar(bodyValue, "file", fail)
            case "sheet": rule.sheet = try scalar(bodyValue, "sheet", fail)
            case "source": rule.source = try scalar(bodyValue, "source", fail)
            case "separator":
                let text = try scalar(bodyValue, "separator", fail)
                let separator = text == "\\t" || text.lowercased() == "tab" ? "\t" : text
                guard separator.count == 1, let character = separator.first else {
                    throw fail(bodyValue, "'separator' is one character, such as \";\" or \",\" (or tab)")
                }
                rule.separator = character
            case "date_format": rule.dateFormat = try dateFormat(bodyValue, fail)
            case "keep_other_fields": rule.keepOtherFields = try boolean(bodyValue, "keep_other_fields", fail)
            case "fields": fieldsNode = bodyValue
            default:
                throw fail(
                    bodyKey,
                    "unknown key '\(Display.excerpt(name))' in collection '\(target)'"
                        + NearMatch.hint(for: name, among: collectionKeys))
            }
        }
        if let fieldsNode {
            guard case .mapping(let fields) = fieldsNode else {
                throw fail(fieldsNode, "'fields' maps contract fields to columns: 'received_on: Date de réception'")
            }
            for (fieldKey, fieldValue) in fields {
                rule.fields.append(try fieldRule(fieldKey, fieldValue, entry: entry, fail))
            }
        }
        if rule.fields.isEmpty, !rule.keepOtherFields {
            throw fail(key, "collection '\(target)' maps no fields; add 'fields'")
        }
        return rule
    }

    private static func fieldRule(
        _ key: Node, _ value: Node, entry: ContractCollection,
        _ fail: (Node?, String) -> FileFormatError
    ) throws(FileFormatError) -> Mapping.FieldRule {
        let target = key.scalar?.string ?? ""
        guard let field = entry.field(target) else {
            throw fail(
                key,
                "'\(Display.excerpt(target))' is not a field of \(entry.name) in the records contract"
                    + NearMatch.hint(for: target, among: entry.fields.map(\.name)))
        }
        var rule = Mapping.FieldRule(target: target, line: key.mark?.line ?? 0, column: key.mark?.column ?? 0)
        switch value {
        case .scalar(let scalar):
            rule.source = scalar.string
        case .mapping(let body):
            for (bodyKey, bodyValue) in body {
                let name = bodyKey.scalar?.string ?? ""
                switch name {
                case "column", "field": rule.source = try scalar(bodyValue, name, fail)
                case "constant": rule.constant = try constantValue(bodyValue, fail)
                case "date": rule.dateFormat = try dateFormat(bodyValue, fail)
                case "split": rule.split = try scalar(bodyValue, "split", fail)
                case "from": rule.from = try scalar(bodyValue, "from", fail)
                case "html": rule.html = try boolean(bodyValue, "html", fail)
                case "match":
                    guard case .mapping(let pairs) = bodyValue, pairs.count == 1, let pair = pairs.first,
                        let theirs = pair.key.scalar?.string, let ours = pair.value.scalar?.string, !theirs.isEmpty,
                        !ours.isEmpty
                    else {
                        throw fail(
                            bodyValue,
                            "'match' pairs a field of the gathered records with a field of this record: '{ goal: name }'"
                        )
                    }
                    rule.match = (theirs, ours)
                case "fields":
                    guard case .records(let recordFields) = field.type, case .mapping(let pairs) = bodyValue else {
                        throw fail(
                            bodyKey,
                            "only a field holding a list of records (such as management_reviews.actions) takes 'fields'"
                        )
                    }
                    let items = ContractCollection("\(entry.name).\(target)", recordFields)
                    for (itemKey, itemValue) in pairs {
                        rule.fields.append(try fieldRule(itemKey, itemValue, entry: items, fail))
                    }
                case "values":
                    guard case .mapping(let pairs) = bodyValue else {
                        throw fail(bodyValue, "'values' maps source values to codes: '{ Haute: high, Basse: low }'")
                    }
                    for (from, to) in pairs {
                        guard let source = from.scalar?.string, let code = to.scalar?.string else {
                            throw fail(to, "each entry of 'values' maps one source value to one code")
                        }
                        // `~` or `null`: the value stands for nothing, so the field is left absent.
                        let absent = to.scalar?.style == .plain && ["~", "null", "Null", "NULL"].contains(code)
                        rule.values[source] = absent ? "" : code
                    }
                default:
                    throw fail(
                        bodyKey,
                        "unknown key '\(Display.excerpt(name))' for field '\(target)'"
                            + NearMatch.hint(for: name, among: fieldKeys))
                }
            }
        default:
            throw fail(
                value,
                "field '\(target)' needs a column name or a mapping with 'column', 'constant', 'date', 'values' or 'split'"
            )
        }
        if rule.from != nil || rule.match != nil {
            guard rule.from != nil, rule.match != nil, !rule.fields.isEmpty, rule.source == nil, rule.constant == nil
            else {
                throw fail(
                    key,
                    "field '\(target)' gathers records from another export: give 'from' (its file), 'match' ('{ goal: name }') and 'fields', and no 'field' or 'constant'"
                )
            }
            return rule
        }
        if rule.source == nil, rule.constant == nil {
            throw fail(key, "field '\(target)' needs 'column' (or 'field') or 'constant'")
        }
        if case .records = field.type, rule.constant == nil, rule.fields.isEmpty {
            throw fail(
                key,
                "'\(target)' holds a list of records: give 'field' (the source's list of records, such as a child table) and 'fields' (how each record is filled)"
            )
        }
        if rule.source != nil, rule.constant != nil {
            throw fail(key, "field '\(target)' has both a column and a constant; keep one")
        }
        if rule.dateFormat != nil, field.type != .date {
            throw fail(key, "field '\(target)' is not a date field, so it takes no 'date' layout")
        }
        return rule
    }

    private static func scalar(_ node: Node, _ key: String, _ fail: (Node?, String) -> FileFormatError)
        throws(FileFormatError) -> String
    {
        guard let text = node.scalar?.string, !text.isEmpty else { throw fail(node, "'\(key)' needs a text value") }
        return text
    }

    private static func boolean(_ node: Node, _ key: String, _ fail: (Node?, String) -> FileFormatError)
        throws(FileFormatError) -> Bool
    {
        switch node.scalar?.string.lowercased() {
        case "true"?: return true
        case "false"?: return false
        default: throw fail(node, "'\(key)' is true or false")
        }
    }

    private static func dateFormat(_ node: Node, _ fail: (Node?, String) -> FileFormatError) throws(FileFormatError)
        -> DateFormat
    {
        guard let text = node.scalar?.string, let format = DateFormat(text) else {
            throw fail(
                node,
                "a date layout is made of dd, mm and yyyy with separators, such as dd/mm/yyyy, dd.mm.yyyy or yyyy/mm/dd"
            )
        }
        return format
    }

    /// A constant's value; the names of its records go to `names` (a table of the constant's
    /// own, by default: a run puts them in its table as it reads them).
    private static func constantValue(
        _ node: Node, _ fail: (Node?, String) -> FileFormatError, names: NameTable = NameTable()
    ) throws(FileFormatError) -> Value {
        switch node {
        case .scalar(let scalar): return .text(scalar.string)
        case .sequence(let items):
            var values: [Value] = []
            for item in items { values.append(try constantValue(item, fail, names: names)) }
            return .list(values)
        case .mapping(let pairs):
            // Gathered first and stored once: appending to a record rebuilds it (quadratic).
            var fields: [Record.Field] = []
            for (key, value) in pairs {
                fields.append(
                    Record.Field(
                        name: names.name(key.scalar?.string ?? ""), value: try constantValue(value, fail, names: names))
                )
            }
            return .record(Record(fields: fields, names: names))
        default:
            throw fail(node, "a constant is a value, a list or a mapping")
        }
    }

    private static func constants(_ node: Node, _ fail: (Node?, String) -> FileFormatError) throws(FileFormatError)
        -> Record
    {
        guard case .mapping(let pairs) = node else {
            throw fail(node, "'constants' maps groups or collections of the records contract to their values")
        }
        let known = RecordsContract.entries.map(\.name)
        let names = NameTable()
        var fields: [Record.Field] = []
        for (key, value) in pairs {
            let name = key.scalar?.string ?? ""
            guard RecordsContract.entry(name) != nil else {
                throw fail(
                    key,
                    "'\(Display.excerpt(name))' is not a collection or group of the records contract"
                        + NearMatch.hint(for: name, among: known))
            }
            fields.append(Record.Field(name: names.name(name), value: try constantValue(value, fail, names: names)))
        }
        return Record(fields: fields, names: names)
    }
}
