import AuditKit
import Foundation

/// The folder `--output-dir` names: used when it exists, created (with its parents) when not.
enum OutputDirectory {
    /// Makes sure `path` is a folder.
    ///
    /// - Throws: ``AtomicFile/WriteError`` naming `path` when something other than a folder is
    ///   there, or the folder cannot be created.
    static func create(_ path: String) throws(AtomicFile.WriteError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard let kind = RegularFile.kind(mode: info.st_mode), kind == "a folder" else {
                let what = RegularFile.kind(mode: info.st_mode) ?? "a regular file"
                throw AtomicFile.WriteError(
                    path: path, reason: "this is \(what), not a folder; give --output-dir the path of a folder")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            let reason = underlying.flatMap {
                $0.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32($0.code))) : nil
            }
            throw AtomicFile.WriteError(
                path: path, reason: "the folder cannot be created: \(reason ?? error.localizedDescription)")
        }
    }
}
