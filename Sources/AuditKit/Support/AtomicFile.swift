import Foundation

/// Writes outputs so that a reader never sees half a file and an input is never overwritten.
public enum AtomicFile {
    /// Why an output could not be written.
    public struct WriteError: Error, LocalizedError, Sendable, DiagnosticConvertible {
        public var path: String
        public var reason: String
        public var errorDescription: String? { "cannot write \(path): \(reason)" }
        public var diagnostics: [Diagnostic] { [Diagnostic(code: .output, message: errorDescription ?? reason)] }

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
        let pending = try Pending(path: path, protected: protected)
        do {
            try contents.write { piece in try pending.write(piece) }
        } catch {
            pending.discard()
            throw error as? WriteError ?? WriteError(path: path, reason: (error as NSError).localizedDescription)
        }
        try pending.commit()
    }

    /// An output being written: a temporary file beside its path, renamed over the path by
    /// ``commit()`` once it is whole, removed by ``discard()``. For outputs written as they are
    /// made, such as the two files of `auditready sample`.
    public final class Pending {
        /// The path the output will have.
        public let path: String
        /// The file the output is written to until ``commit()``, beside `path`.
        private let temporary: String
        private let target: String
        private var descriptor: Int32

        /// Opens a temporary file for the output `path`.
        ///
        /// - Throws: ``WriteError`` when `path` is a protected input (every file the run reads,
        ///   also through a symbolic or hard link), an existing file there is not a regular file
        ///   (a device, a named pipe, a folder), or the temporary file cannot be made.
        public init(path: String, protected: [String] = []) throws(WriteError) {
            // A symbolic link is written through: the file it points to is replaced, the link stays.
            let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
            if let problem = RegularFile.problem(replacing: path) {
                throw WriteError(path: path, reason: problem)
            }
            for input in protected where RegularFile.same(input, path) {
                let alias = input == path ? "" : " (\(input))"
                throw WriteError(path: path, reason: "it is one of the input files\(alias); choose another output path")
            }
            let temporary = target.deletingLastPathComponent()
                .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp").path
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else {
                throw WriteError(path: path, reason: String(cString: strerror(errno)))
            }
            self.path = path
            self.temporary = temporary
            self.target = target.path
            self.descriptor = descriptor
        }

        deinit { discard() }

        /// Appends `bytes` to the temporary file.
        public func write(_ bytes: UnsafeRawBufferPointer) throws(WriteError) {
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(path: path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }

        /// A handle on the temporary file, for writers that take one; valid until ``commit()`` or
        /// ``discard()``, which close the file (the handle does not).
        public var handle: FileHandle { FileHandle(fileDescriptor: descriptor, closeOnDealloc: false) }

        /// Closes the temporary file and renames it over `path`; on failure removes it and leaves
        /// an existing file at `path` as it was.
        public func commit() throws(WriteError) {
            guard descriptor >= 0 else { throw WriteError(path: path, reason: "the output was already closed") }
            var failure: String?
            if close(descriptor) != 0 { failure = String(cString: strerror(errno)) }
            descriptor = -1
            if failure == nil, rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
            if let failure {
                unlink(temporary)
                throw WriteError(path: path, reason: failure)
            }
        }

        /// Closes and removes the temporary file (nothing when it was committed).
        public func discard() {
            guard descriptor >= 0 else { return }
            close(descriptor)
            descriptor = -1
            unlink(temporary)
        }
    }
}
