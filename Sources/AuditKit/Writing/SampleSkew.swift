import Foundation

/// A skewed distribution a generated sample can have instead of the uniform one: one value of a
/// field shared by every record of its collection, as real registers often are ("operator error"
/// as the root cause of most nonconformities, one big customer, one product). Used to check that
/// the evaluation's speed does not depend on the data's shape.
public enum SampleSkew: String, Sendable, CaseIterable {
    /// One root cause for every nonconformity that records one.
    case rootCause = "root-cause"
    /// One complainant for every complaint.
    case complainant
    /// One category for every complaint.
    case category
    /// One product for every complaint.
    case product
    /// One title for every document.
    case title
    /// One owner for every process.
    case owner
    /// One auditor for every internal audit.
    case auditor

    /// The collection and field the skew sets, and the one value it gives them.
    public var target: (collection: String, field: String, value: String) {
        switch self {
        case .rootCause: return ("nonconformities", "root_cause", "Operator error")
        case .complainant: return ("complaints", "complainant", "Customer 1 (buyer)")
        case .category: return ("complaints", "category", "dimensional")
        case .product: return ("complaints", "product", "Valve body VB-220")
        case .title: return ("documents", "title", "Quality manual")
        case .owner: return ("processes", "owner", "P03")
        case .auditor: return ("internal_audits", "auditor", "P03")
        }
    }

    /// `record` with the skewed field set to the one value, when the record has that field
    /// (an absent value stays absent, as in the uniform sample).
    public func applied(to record: Record) -> Record {
        let (_, spelled, value) = target
        guard let names = record.names, let field = names.existing(spelled), record[field] != nil else { return record }
        return Record(
            fields: record.fields.map { $0.name == field ? Record.Field(name: field, value: .text(value)) : $0 },
            names: names, location: record.location)
    }

    /// Reads `root-cause`, `category`… and `all` (every skew), comma-separated; nil for an unknown name.
    public static func parse(_ list: String) -> Set<SampleSkew>? {
        var skews = Set<SampleSkew>()
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            if name == "all" {
                skews.formUnion(allCases)
            } else if name == "none" {
                continue
            } else if let skew = SampleSkew(rawValue: name) {
                skews.insert(skew)
            } else {
                return nil
            }
        }
        return skews
    }

}
