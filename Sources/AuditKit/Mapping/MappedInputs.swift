import Foundation

/// The input files of a mapped run: a directory given on the command line stands for the files
/// in it that the mapping names with `file:` or `from:` (an ERPNext export folder holding
/// `Issue.json`, `Non Conformance.json`…), in name order; other files in it are left alone.
enum MappedInputs {
    /// `paths` with each directory replaced by the files in it that `mapping` reads.
    static func files(_ paths: [String], mapping: Mapping) throws(MappedLoader.LoadError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                throw .input(
                    RecordLoadError(
                        file: path, message: "the directory cannot be listed (\(error.localizedDescription))"))
            }
            let wanted = named(in: mapping)
            let lowered = Set(wanted.map { $0.lowercased() })
            let chosen = names.filter { lowered.contains($0.lowercased()) }.sorted {
                $0.utf8.lexicographicallyPrecedes($1.utf8)
            }
            guard !chosen.isEmpty else {
                let named =
                    wanted.isEmpty
                    ? "the mapping names no file ('file:')"
                    : "the mapping reads " + Array(Set(wanted)).sorted().prefix(12).joined(separator: ", ")
                throw .input(
                    RecordLoadError(
                        file: path, message: "the directory holds none of the files the mapping reads (\(named))"))
            }
            let prefix = path.hasSuffix("/") ? path : path + "/"
            files.append(contentsOf: chosen.map { prefix + $0 })
        }
        return files
    }

    /// The file names a mapping reads: its collections' `file:` and its fields' `from:`.
    static func named(in mapping: Mapping) -> [String] {
        func gathered(_ fields: [Mapping.FieldRule]) -> [String] {
            fields.flatMap { field in (field.from.map { [$0] } ?? []) + gathered(field.fields) }
        }
        return mapping.collections.flatMap { rule in (rule.file.map { [$0] } ?? []) + gathered(rule.fields) }
    }
}
