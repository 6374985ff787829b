import Foundation

/// The one check every file a run reads or replaces goes through: it must be a regular file.
///
/// Opening a named pipe for reading waits for a writer (the run would hang), a device can be
/// endless, and replacing a device node with a report breaks the system. Nothing here opens a
/// file in a way that can block.
public enum RegularFile {
    /// What a file of this mode is, with its article ("a named pipe"), when it is not a regular
    /// file; nil for a regular file.
    public static func kind(mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFLNK: return "a symbolic link"
        default: return "a special file"
        }
    }

    /// Why the file at `path` cannot be read as an input, in plain English (for example "this is
    /// a named pipe, not a regular file" or "the file cannot be read: Permission denied"); nil
    /// when it is a regular file this process may open for reading.
    public static func problem(reading path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return describe(errno: errno) }
        if let kind = kind(mode: info.st_mode) { return "this is \(kind), not a regular file" }
        // Non-blocking, in case the file was swapped for a pipe since the stat.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return describe(errno: errno) }
        close(descriptor)
        return nil
    }

    /// Why an output may not be written at `path`: an existing file there (followed through
    /// symbolic links) that is not a regular file, or a link to nothing; nil when `path` does
    /// not exist or is a regular file.
    public static func problem(replacing path: String) -> String? {
        var info = stat()
        if stat(path, &info) == 0 {
            guard let kind = kind(mode: info.st_mode) else { return nil }
            return "this is \(kind), not a regular file; give the path of a file to write"
        }
        if lstat(path, &info) == 0 {
            return "this is a symbolic link to nothing; give the path of a file to write"
        }
        return nil
    }

    /// True when `first` and `second` name the same file: the same path once symbolic links are
    /// resolved, or the same device and inode (a hard link, or a link through another folder).
    public static func same(_ first: String, _ second: String) -> Bool {
        if resolved(first) == resolved(second) { return true }
        var one = stat(), two = stat()
        guard stat(first, &one) == 0, stat(second, &two) == 0 else { return false }
        return one.st_dev == two.st_dev && one.st_ino == two.st_ino
    }

    /// `path` absolute, standardised, with symbolic links resolved.
    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Plain English for a failed `open` or `stat`, with the system's reason.
    public static func describe(errno code: Int32) -> String {
        switch code {
        case ENOENT: return "the file does not exist"
        case ENOTDIR: return "the file does not exist (a part of its path is not a folder)"
        default:
            let reason = strerror(code).map { String(cString: $0) } ?? "error \(code)"
            return "the file cannot be read: \(reason)"
        }
    }
}
