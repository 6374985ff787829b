// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "AuditReady",
    products: [
        .executable(name: "auditready", targets: ["auditready"]),
        .library(name: "AuditKit", targets: ["AuditKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // The ZIP container of DOCX reports (fixed entry order, dates and compression).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libxml2 from the system (Debian: libxml2-dev). Parsers are set up only in AuditKit's LibXMLParsing.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // glibc's allocator settings (mallopt), which the command line sets for the whole process.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // The engine: records, rule language, evaluator, reports. Never prints.
        .target(
            name: "AuditKit",
            dependencies: [
                "CLibXML2",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // The records contract as XML Schema and JSON Schema (the top-level schemas/ links here),
            // the bundled mappings (`--mapping erpnext`) and the acme-small sample export the
            // sample generator starts from.
            resources: [.copy("Resources/schemas"), .copy("Resources/mappings"), .copy("Resources/acme-small-records.json")]
        ),
        // The bundled clause checklists in Rules/, shipped as package resources so the
        // command finds them from any working directory.
        .target(
            name: "BundledRules",
            path: "Rules",
            exclude: ["README.md", "GRADING.md", "CATALOGUE-iso9001.md", "CATALOGUE-iso10002.md"],
            sources: ["BundledRules.swift"],
            resources: [.copy("iso9001"), .copy("iso10002")]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "auditready",
            dependencies: [
                "AuditKit",
                "BundledRules",
                "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "AuditKitTests",
            dependencies: ["AuditKit", "BundledRules", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Snapshots", "Fixtures"]
        ),
        .testTarget(
            name: "AuditreadyCLITests",
            dependencies: ["AuditKit"]
        ),
    ]
)

// The libFuzzer targets in Fuzz/, built only by scripts/fuzz.sh, which sets AUDITREADY_FUZZ=1 and
// adds `-sanitize=fuzzer,address -parse-as-library` (libFuzzer supplies their main: built plainly
// they would not link).
if Context.environment["AUDITREADY_FUZZ"] != nil {
    package.targets += [
        .target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["AuditKit"], path: "Fuzz/FuzzSupport"),
    ]
    for name in ["RuleParserFuzz", "XMLLoaderFuzz", "JSONLoaderFuzz", "YAMLFuzz", "CSVMappingFuzz"] {
        package.targets.append(
            .executableTarget(name: name, dependencies: ["AuditKit", "FuzzSupport", "FuzzDriver"], path: "Fuzz/\(name)"))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
