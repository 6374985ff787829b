import Foundation
import Yams

/// Reads a waivers file (YAML):
///
/// ```yaml
/// version: 1
/// waivers:
///   - rule: K07-acknowledgement-on-time
///     record: CMP-2026-0*
///     justification: Acknowledgement letters were sent by post during the mail strike.
///     approver: Claire Dupont, quality manager
///     expires: 2027-01-31
///     corrective_action: NC-2026-014
///   - fingerprint: 3f2a9c0d1e4b5a67
///     justification: …
/// ```
public enum WaiverFileReader {
    /// The most characters a waiver's justification may have: the reason in a few sentences, not
    /// the document it comes from. Reports carry every justification in full, so a longer one is
    /// refused when the file is read.
    public static let maxJustificationCharacters = 2_000

    /// The waivers of the YAML text `source` from the file `path`.
    public static func read(source: String, path: String) throws(FileFormatError) -> [Waiver] {
        let root = try SafeYAML.compose(source, path: path, kind: .waivers)
        // The version first: a later auditready's file may not have the list this one expects.
        if let root, case .mapping(let top) = root {
            _ = try YAMLFileVersion.read(top["version"], path: path, kind: .waivers)
        }
        guard let root, case .mapping(let top) = root, let list = top["waivers"], case .sequence(let items) = list
        else {
            throw FileFormatError(
                file: path, line: root?.mark?.line ?? 0, column: root?.mark?.column ?? 0,
                code: .waivers, message: "a waivers file is a mapping with a 'waivers' list")
        }
        let keys = ["fingerprint", "rule", "record", "justification", "approver", "expires", "corrective_action"]
        var waivers: [Waiver] = []
        for item in items {
            guard case .mapping(let mapping) = item else {
                throw FileFormatError(
                    file: path, line: item.mark?.line ?? 0, column: item.mark?.column ?? 0,
                    code: .waivers,
                    message:
                        "each waiver is a mapping with a rule or fingerprint, justification, approver and expiry date")
            }
            var values: [String: String] = [:]
            for (key, value) in mapping {
                let name = key.scalar?.string ?? "?"
                guard keys.contains(name) else {
                    let hint = NearMatch.best(for: name, among: keys).map { "; did you mean '\($0)'?" } ?? ""
                    throw FileFormatError(
                        file: path, line: key.mark?.line ?? 0, column: key.mark?.column ?? 0,
                        code: .waivers, message: "unknown key '\(Display.excerpt(name))' in a waiver\(hint)")
                }
                values[name] = value.scalar?.string
                if name == "justification", let text = values[name] {
                    try checkLength(of: text, at: value, path: path)
                }
            }
            waivers.append(
                Waiver(
                    fingerprint: values["fingerprint"], rule: values["rule"], recordPattern: values["record"],
                    justification: values["justification"], approver: values["approver"],
                    expires: values["expires"], correctiveAction: values["corrective_action"],
                    line: item.mark?.line ?? 0))
        }
        return waivers
    }

    /// Refuses a justification longer than ``maxJustificationCharacters``, at its place.
    private static func checkLength(of justification: String, at value: Node, path: String) throws(FileFormatError) {
        // Counting stops past the limit: a justification of megabytes is not walked in full.
        guard justification.utf8.count > maxJustificationCharacters,
            justification.dropFirst(maxJustificationCharacters).first != nil
        else { return }
        let limit = Display.grouped(maxJustificationCharacters)
        throw FileFormatError(
            file: path, line: value.mark?.line ?? 0, column: value.mark?.column ?? 0,
            code: .waivers,
            message: "this justification is longer than the \(limit) characters a waiver's justification may have; "
                + "give the reason in a few sentences and name the document that has the details")
    }

    /// Reads the waivers file at `path`.
    ///
    /// - Throws: ``FileFormatError`` when the file cannot be read, is larger than 8 MiB (see
    ///   `AUDITREADY_MAX_YAML_BYTES`) or is not a valid waivers file.
    public static func load(path: String) throws(FileFormatError) -> [Waiver] {
        try read(source: try SafeYAML.readFile(path, kind: .waivers), path: path)
    }
}
