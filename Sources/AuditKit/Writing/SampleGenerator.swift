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

    /// Creates a generator.
    public init(complaints: Int, seed: UInt64 = 1) {
        self.complaints = max(0, complaints)
        self.seed = seed
    }

    /// Number of nonconformities generated beside the complaints.
    public var nonconformities: Int { max(1, complaints / 20) }

    /// Writes the export to both handles (JSON and XML), in chunks.
    ///
    /// - Throws: the error of a failed write.
    public func write(json: FileHandle, xml: FileHandle) throws {
        let template = SampleTemplate.records()
        let writer = StreamingRecordWriter(json: json, xml: xml)
        var builder = SampleRecordBuilder(complaints: complaints, nonconformities: nonconformities, seed: seed)
        let after: [String: (Name, Int, (inout SampleRecordBuilder, Int) -> Record)] = [
            "equipment": (Name("orders"), complaints, { $0.order($1) }),
            "suppliers": (Name("releases"), complaints, { $0.release($1) }),
            "nonconforming_outputs": (Name("nonconformities"), nonconformities, { $0.nonconformity($1) }),
            "management_reviews": (Name("complaints"), complaints, { $0.complaint($1) }),
        ]
        for field in template.fields {
            try writer.write(field.name, field.value)
            guard let (name, count, make) = after[field.name.string] else { continue }
            writer.beginCollection(name)
            for index in 0..<count { try writer.append(make(&builder, index)) }
            try writer.endCollection()
        }
        try writer.finish()
    }
}
