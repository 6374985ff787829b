import Foundation

/// Mappings shipped with auditready, chosen by name (`--mapping erpnext`) before any file of
/// that name; a file called `erpnext` in the working directory is still read as `./erpnext`.
public enum BundledMapping {
    /// The names of the bundled mappings.
    public static let names = ["erpnext"]

    /// The bundled mapping called `name`, read from the package's resources; nil when no bundled
    /// mapping has that name. Errors name it as `erpnext.yml (bundled mapping)`.
    public static func load(named name: String) throws(FileFormatError) -> Mapping? {
        guard names.contains(name) else { return nil }
        let display = "\(name).yml (bundled mapping)"
        guard let url = Bundle.module.url(forResource: name, withExtension: "yml", subdirectory: "mappings") else {
            throw FileFormatError(
                file: display, line: 0, column: 0,
                code: .mapping, message: "the bundled mapping is missing from this installation; reinstall auditready")
        }
        return try MappingReader.read(source: try SafeYAML.readFile(url.path, kind: .mapping), path: display)
    }
}
