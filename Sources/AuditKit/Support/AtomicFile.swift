import Foundation

/// Writes outputs so that a reader never sees half a file and an input is never overwritten.
public enum AtomicFile {
    /// Why an output could not be written.
    public struct WriteError: Error, LocalizedError, Sendable {
        public var path: String
        public var reason: String
        public var errorDescription: String? { "cannot write \(path): \(reason)" }
    }

    /// Writes `contents` to a temporary file beside `path`, then renames it over `path`.
    ///
    /// - Parameter protected: paths that must never be written (the inputs of the run).
    /// - Throws: ``WriteError`` when `path` is a protected input or the write fails; an existing
    ///   file at `path` is then left as it was.
    public static func write(_ contents: String, to path: String, protected: [String] = []) throws(WriteError) {
        try write(RenderedReport(text: contents), to: path, protected: protected)
    }

    /// Writes a rendered report as ``write(_:to:protected:)`` writes text.
    public static func write(_ contents: RenderedReport, to path: String, protected: [String] = []) throws(WriteError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        for input in protected where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath() == target {
            throw WriteError(path: path, reason: "it is one of the input files; choose another output path")
        }
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            // Written from the report's own bytes: copying megabytes of report into a Data first
            // cost as much as writing them.
            try contents.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress, !bytes.isEmpty else { return try Data().write(to: temporary) }
                try Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none)
                    .write(to: temporary)
            }
            if rename(temporary.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw WriteError(path: path, reason: reason)
            }
        } catch let error as WriteError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}
