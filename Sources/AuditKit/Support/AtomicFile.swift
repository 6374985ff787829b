import Foundation

/// Writes outputs so that a reader never sees half a file and an input is never overwritten.
public enum AtomicFile {
    /// Why an output could not be written.
    public struct WriteError: Error, LocalizedError, Sendable {
        public var path: String
        public var reason: String
        public var errorDescription: String? { "cannot write \(path): \(reason)" }

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// Writes `contents` to a temporary file beside `path`, then renames it over `path`.
    ///
    /// - Parameter protected: paths that must never be written (every file the run reads); a
    ///   path naming the same file through a symbolic or hard link counts as that file.
    /// - Throws: ``WriteError`` when `path` is a protected input, an existing file there is not a
    ///   regular file (a device, a named pipe, a folder), or the write fails; an existing file at
    ///   `path` is then left as it was.
    public static func write(_ contents: String, to path: String, protected: [String] = []) throws(WriteError) {
        try write(RenderedReport(text: contents), to: path, protected: protected)
    }

    /// Writes a rendered report as ``write(_:to:protected:)`` writes text, piece by piece.
    public static func write(_ contents: RenderedReport, to path: String, protected: [String] = []) throws(WriteError) {
        // A symbolic link is written through: the file it points to is replaced, the link stays.
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        if let problem = RegularFile.problem(replacing: path) {
            throw WriteError(path: path, reason: problem)
        }
        for input in protected where RegularFile.same(input, path) {
            let alias = input == path ? "" : " (\(input))"
            throw WriteError(path: path, reason: "it is one of the input files\(alias); choose another output path")
        }
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw WriteError(path: path, reason: String(cString: strerror(errno)))
        }
        var failure: String?
        do {
            try contents.write { piece in
                var offset = 0
                while offset < piece.count {
                    let written = Foundation.write(descriptor, piece.baseAddress! + offset, piece.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw WriteError(path: path, reason: String(cString: strerror(errno)))
                    }
                    offset += written
                }
            }
        } catch let error as WriteError {
            failure = error.reason
        } catch {
            failure = (error as NSError).localizedDescription
        }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary.path, target.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary.path)
            throw WriteError(path: path, reason: failure)
        }
    }
}
