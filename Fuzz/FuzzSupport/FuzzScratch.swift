// Shared by the loader fuzz targets (built by scripts/fuzz.sh).
import AuditKit
#if canImport(Glibc)
    import Glibc
#endif

/// Writes fuzz inputs to a scratch file and loads them, checking what a failure must look like.
public enum FuzzScratch {
    /// Replaces the file at `path` with `count` bytes from `data`.
    public static func write(_ data: UnsafePointer<UInt8>?, _ count: Int, to path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(descriptor >= 0, "cannot write the fuzz scratch file \(path)")
        var written = 0
        while let data, written < count {
            let n = Glibc.write(descriptor, data + written, count - written)
            precondition(n > 0, "cannot write the fuzz scratch file \(path)")
            written += n
        }
        close(descriptor)
    }

    /// Loads the export at `path` and merges it after itself; an error must name the file, say
    /// what is wrong and carry a non-negative place. A crash, trap, leak or hang is what the
    /// fuzzer looks for.
    public static func load(_ path: String) {
        do {
            let set = try RecordLoader.load(path: path)
            precondition(set.inputs.count == 1, "a loaded file must describe itself")
            // Merged after itself, as `check FILE FILE` does: the second copy's records are
            // renumbered to point at the second file, shape by shape.
            var merged = set
            merged.merge(set)
            // And once more as loaded on its own, with a name table of its own: its records are
            // renamed into the merged set's table as they are renumbered.
            merged.merge(try RecordLoader.load(path: path))
            precondition(merged.inputs.count == 3, "a merged set lists every file")
            precondition(merged.root.fieldNames == set.root.fieldNames, "merging loses no collection and adds none")
            for position in 0..<set.root.fieldCount {
                let name = set.root.fieldName(at: position)
                if case .list(let items) = set.root.value(at: position) {
                    precondition(merged.root[name]?.items.count == 3 * items.count, "merging keeps every record")
                }
            }
            // Validated as `check` does: an unknown field repeated is said once per file.
            let violations = ContractValidator.violations(in: merged)
            precondition(
                violations.allSatisfy { !$0.message.isEmpty && $0.line >= 0 && $0.column >= 0 },
                "a violation says what is wrong, and where")
        } catch {
            precondition(error.file == path, "a load error must name the file")
            precondition(!error.message.isEmpty, "a load error must say what is wrong")
            precondition(error.line >= 0 && error.column >= 0, "places are never negative")
        }
    }

    /// Loads a small valid export once, before fuzzing: the process's read-only tables (the records
    /// contract and its compiled form) are then built outside any input, so their one-time
    /// allocations are not taken for leaks of the first input.
    public static func warmUp(_ text: String, at path: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { write($0.baseAddress, $0.count, to: path) }
        load(path)
    }
}
