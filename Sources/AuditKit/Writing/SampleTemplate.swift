import Foundation

/// The fixed part of a generated sample export: the organisation, its people, processes,
/// documents, audits and reviews of the acme-small sample. ``SampleGenerator`` writes the large
/// collections (complaints, orders, releases, nonconformities) around it.
///
/// The records are the package resource `acme-small-records.json`, a copy of
/// `Samples/acme-small/records.json` (a test keeps the two identical).
enum SampleTemplate {
    /// The collections the generator writes itself, left out of the sample's records.
    static let generatedCollections: Set<String> = ["complaints", "orders", "releases", "nonconformities"]

    /// The bundled copy of the acme-small sample export.
    static var resource: URL? { Bundle.module.url(forResource: "acme-small-records", withExtension: "json") }

    /// The sample's records, without the collections the generator writes, their names in
    /// `names`.
    static func records(names: NameTable) -> Record {
        guard let url = resource, let data = try? Data(contentsOf: url) else {
            preconditionFailure("the bundled sample template acme-small-records.json is missing from this installation")
        }
        let sample: Record
        do {
            sample = try JSONRecordLoader.load(bytes: Array(data), path: "template", fileIndex: 0, names: names)
        } catch {
            preconditionFailure("the bundled sample template is not a valid export: \(error)")
        }
        return Record(
            fields: sample.fields.filter { !generatedCollections.contains(names.string($0.name)) }, names: names,
            location: sample.location)
    }
}
