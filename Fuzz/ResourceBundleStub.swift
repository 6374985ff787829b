import Foundation

// The fuzz build compiles AuditKit with swiftc alone (scripts/fuzz.sh), so SwiftPM does not
// generate `Bundle.module`; this stand-in points at the resources in the source tree instead.
extension Bundle {
    static let module: Bundle = {
        let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/AuditKit/Resources")
        return Bundle(url: resources) ?? Bundle.main
    }()
}
