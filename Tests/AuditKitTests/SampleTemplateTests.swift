import Foundation
import Testing
@testable import AuditKit

/// The sample generator starts from the acme-small sample, bundled as a resource: the copy must
/// stay the sample itself, so that editing one and not the other fails here.
@Suite struct SampleTemplateTests {
    private static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples/acme-small/records.json")

    @Test func bundledTemplateIsTheAcmeSmallSample() throws {
        let resource = try #require(SampleTemplate.resource)
        #expect(try Data(contentsOf: resource) == Data(contentsOf: Self.sample))
    }

    @Test func templateLeavesOutTheCollectionsTheGeneratorWrites() throws {
        let names = SampleTemplate.records(names: NameTable()).fieldNames
        #expect(names.contains("organisation") && names.contains("management_reviews"))
        #expect(SampleTemplate.generatedCollections.isDisjoint(with: names))
    }
}
