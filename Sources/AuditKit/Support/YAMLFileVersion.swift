import Yams

/// The `version` key of auditready's YAML files (`auditready.yml`, waivers, mappings, responses),
/// like the `version` line of rule files: a file written for a later auditready is refused at its
/// version instead of being half understood.
enum YAMLFileVersion {
    /// The only version this auditready reads and writes.
    static let current = 1

    /// The version the value `node` of the `version` key declares; a file without the key
    /// (`node` nil) is version 1, so files written before the key existed keep working.
    ///
    /// - Throws: ``FileFormatError`` at the value when it is not a whole number or not a version
    ///   this auditready reads.
    static func read(_ node: Node?, path: String, kind: SafeYAML.Kind) throws(FileFormatError) -> Int {
        guard let node else { return current }
        func problem(_ message: String) -> FileFormatError {
            FileFormatError(
                file: path, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, code: kind.code,
                message: message)
        }
        guard let number = node.scalar.flatMap({ Int($0.string) }) else {
            throw problem("'version' is a whole number; this auditready reads version \(current)")
        }
        guard number == current else {
            throw problem(
                "version \(number) of the \(kind.noun) is not supported; this auditready reads version \(current)"
                    + (number > current ? " (the file was written for a later auditready)" : ""))
        }
        return number
    }
}
