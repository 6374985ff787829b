import Foundation

/// Writes a synthetic but valid records export of any size, in JSON and XML, for benchmarks.
///
/// The export has `complaints` complaints and proportionate other records: about as many orders
/// and releases, one nonconformity per 20 complaints, and the small collections of the
/// acme-small sample (people, processes, documents, audits…). A few per cent of the records
/// carry gaps (late acknowledgements, missing fields, an invalid date or two), so every rule
/// has work to do. The same count and seed always give the same bytes.
public struct SampleGenerator: Sendable {
    /// Number of complaints.
    public var complaints: Int
    /// Seed of the pseudo-random choices.
    public var seed: UInt64
    /// Fields given one value in all their collection's records; none gives the uniform sample.
    public var skews: Set<SampleSkew>

    /// Creates a generator.
    public init(complaints: Int, seed: UInt64 = 1, skews: Set<SampleSkew> = []) {
        self.complaints = max(0, complaints)
        self.seed = seed
        self.skews = skews
    }

    /// Number of nonconformities generated beside the complaints.
    public var nonconformities: Int { max(1, complaints / 20) }

    /// Writes the export to both handles (JSON and XML), in chunks.
    ///
    /// - Throws: the error of a failed write.
    public func write(json: FileHandle, xml: FileHandle) throws {
        let names = NameTable()
        let template = SampleTemplate.records(names: names)
        let writer = StreamingRecordWriter(json: json, xml: xml)
        var builder = SampleRecordBuilder(
            complaints: complaints, nonconformities: nonconformities, seed: seed, names: names)
        let after: [String: (String, Int, (inout SampleRecordBuilder, Int) -> Record)] = [
            "equipment": ("orders", complaints, { $0.order($1) }),
            "suppliers": ("releases", complaints, { $0.release($1) }),
            "nonconforming_outputs": ("nonconformities", nonconformities, { $0.nonconformity($1) }),
            "management_reviews": ("complaints", complaints, { $0.complaint($1) })
        ]
        for position in 0..<template.fieldCount {
            let field = template.fieldName(at: position)
            try writer.write(field, skewed(template.value(at: position), in: field))
            guard let (name, count, make) = after[field] else { continue }
            writer.beginCollection(name)
            let skews = self.skews.filter { $0.target.collection == name }
            for index in 0..<count {
                try writer.append(skews.reduce(make(&builder, index)) { $1.applied(to: $0) })
            }
            try writer.endCollection()
        }
        try writer.finish()
    }

    /// The records of the template collection `collection` with the skews that apply to it.
    private func skewed(_ value: Value, in collection: String) -> Value {
        let skews = self.skews.filter { $0.target.collection == collection }
        guard !skews.isEmpty, case .list(let items) = value else { return value }
        return .list(
            items.map { item in
                guard case .record(let record) = item else { return item }
                return .record(skews.reduce(record) { $1.applied(to: $0) })
            })
    }
}
