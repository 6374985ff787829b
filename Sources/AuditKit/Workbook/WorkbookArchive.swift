import Foundation
import ZIPFoundation

/// An .xlsx file opened for reading: a ZIP archive whose entries are checked before any is read
/// (no `..`, no absolute path), and whose parts are streamed to a ``WorkbookPartHandler`` within
/// ``WorkbookLimits`` counted on the inflated bytes themselves, never taken from the headers.
/// The file is only ever read.
final class WorkbookArchive {
    /// The workbook's path, as given.
    let path: String
    /// Lower-case hexadecimal SHA-256 of the file.
    let sha256: String
    private let archive: Archive
    private let limits: WorkbookLimits
    private let fileSize: Int
    /// Inflated bytes read so far, all parts together.
    private var totalRead = 0

    /// Opens the workbook at `path`.
    ///
    /// - Throws: ``RecordLoadError`` when the file cannot be read, is an encrypted workbook or an
    ///   old `.xls` file, is not a ZIP archive, or holds an entry whose path is unsafe.
    init(path: String, limits: WorkbookLimits = .standard) throws(RecordLoadError) {
        self.path = path
        self.limits = limits
        let reader = try InputReader(path: path)
        let head = reader.head
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw RecordLoadError(
                file: path,
                message:
                    "this is a password-protected workbook or an old Excel 97-2003 (.xls) file, which cannot be read; "
                    + "remove the password, or save it as an Excel workbook (.xlsx), and try again")
        }
        guard head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
            throw RecordLoadError(
                file: path,
                message: head.isEmpty
                    ? "the file is empty; an Excel workbook (.xlsx) was expected"
                    : "the file is not an Excel workbook (.xlsx): it is not a ZIP archive")
        }
        fileSize = reader.size
        sha256 = try reader.streamDigest()
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw RecordLoadError(
                file: path, message: "the workbook's ZIP archive is damaged and cannot be opened (\(error))")
        }
        for entry in archive {
            let name = entry.path
            let parts = name.split(separator: "/", omittingEmptySubsequences: false)
            if name.hasPrefix("/") || name.hasPrefix("\\") || name.contains("\\") || parts.contains("..")
                || name.contains(":") || name.utf8.contains(0)
            {
                throw RecordLoadError(
                    file: path,
                    message:
                        "the workbook holds an entry with an unsafe path ('\(Display.clipped(name))'); "
                        + "a workbook's parts never leave the archive, so the file was not read")
            }
        }
    }

    /// True when the archive holds the part `name` (`xl/workbook.xml`).
    func has(_ name: String) -> Bool { archive[name] != nil }

    /// `registers.xlsx (xl/worksheets/sheet1.xml)`: where a part's problems are.
    func place(_ part: String) -> String { "\(path) (\(part))" }

    /// Streams the part `name` through libxml2 to `handler`.
    ///
    /// - Throws: ``RecordLoadError`` naming the part when it is missing, expands past the limits,
    ///   is not well-formed XML, declares a DOCTYPE, or when `handler` throws.
    func read(_ name: String, into handler: WorkbookPartHandler) throws(RecordLoadError) {
        guard let entry = archive[name], entry.type == .file else {
            throw RecordLoadError(
                file: place(name),
                message: "the workbook has no part \(name); it may be damaged, or not written by a spreadsheet program")
        }
        let parser = WorkbookPartParser(place: place(name), handler: handler)
        let stored = max(min(Int(clamping: entry.compressedSize), fileSize), 1)
        var expanded = 0
        var failure: RecordLoadError?
        do {
            _ = try archive.extract(entry, bufferSize: 32 * 1024, skipCRC32: false) { data in
                expanded += data.count
                self.totalRead += data.count
                if let problem = self.limitProblem(expanded: expanded, stored: stored) {
                    failure = RecordLoadError(file: self.place(name), message: problem)
                    throw CancellationError()
                }
                var fed: RecordLoadError?
                data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                    do throws(RecordLoadError) {
                        try parser.feed(bytes)
                    } catch {
                        fed = error
                    }
                }
                if let fed {
                    failure = fed
                    throw CancellationError()
                }
            }
        } catch {
            if let failure { throw failure }
            throw RecordLoadError(
                file: place(name), message: "the part could not be unpacked: the workbook is damaged (\(error))")
        }
        try parser.finish()
    }

    /// Why `expanded` inflated bytes from `stored` stored bytes break the limits, or nil.
    private func limitProblem(expanded: Int, stored: Int) -> String? {
        if expanded > limits.partBytes {
            return
                "the part expands to more than \(limits.partBytes >> 20) MB; the workbook is too large to check, or is a zip bomb"
        }
        if totalRead > limits.totalBytes {
            return
                "the workbook's parts expand to more than \(limits.totalBytes >> 20) MB together; it is too large to check, or is a zip bomb"
        }
        if expanded > limits.ratioFloor, expanded / stored > limits.ratio {
            return
                "the part expands more than \(limits.ratio) times its stored size, which no spreadsheet program writes; the file looks like a zip bomb and was not read"
        }
        return nil
    }
}
