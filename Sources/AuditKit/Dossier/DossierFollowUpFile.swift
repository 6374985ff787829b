import Foundation

/// A follow-up result in JSON (`auditready followup --format json`), as the certification
/// dossier reads it back, with the path and SHA-256 of its file.
public struct DossierFollowUpFile: Sendable {
    public var report: FollowUpReport
    /// The file read, as given.
    public var path: String
    /// The SHA-256 of the file read.
    public var sha256: String

    /// Creates the follow-up of a dossier from one already read.
    public init(report: FollowUpReport, path: String, sha256: String) {
        self.report = report
        self.path = path
        self.sha256 = sha256
    }

    /// Reads the follow-up JSON at `path`.
    ///
    /// - Throws: ``FileFormatError`` when the file cannot be read or is not a follow-up in JSON.
    public static func load(path: String) throws(FileFormatError) -> DossierFollowUpFile {
        // Checked first: a named pipe or a device given here would otherwise block the run.
        if let problem = RegularFile.problem(reading: path) {
            throw FileFormatError(file: path, line: 0, column: 0, message: problem)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileFormatError(
                file: path, line: 0, column: 0,
                message: "cannot read this file; give the follow-up in JSON (auditready followup --format json)")
        }
        guard let report = try? JSONDecoder().decode(FollowUpReport.self, from: data), report.tool.name == AuditKit.name
        else {
            throw FileFormatError(
                file: path, line: 0, column: 0,
                message:
                    "this is not an auditready follow-up in JSON; give the result of auditready followup --format json")
        }
        return DossierFollowUpFile(report: report, path: path, sha256: FileDigest.sha256(data: data))
    }
}
