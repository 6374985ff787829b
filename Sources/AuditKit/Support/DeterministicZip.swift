import Foundation
import ZIPFoundation

/// Writes a ZIP package (DOCX, XLSX) in memory, byte-identical for identical input: the parts in
/// the order given, every entry with the same modification date (a given day, else 1 January
/// 1980; never the clock), fixed permissions, and deflate at zlib's default level.
enum DeterministicZip {
    /// Why a package could not be written (only a failure inside the ZIP library).
    struct Failure: Error {
        var reason: String
    }

    /// The package holding `parts` (path in the archive, text), dated `day` (YYYY-MM-DD).
    static func data(_ parts: [(path: String, contents: String)], day: String?) throws(Failure) -> Data {
        let date = entryDate(day)
        do {
            let archive = try Archive(accessMode: .create)
            for part in parts {
                let bytes = Data(part.contents.utf8)
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                    modificationDate: date, permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw Failure(reason: "the archive has no data") }
            return data
        } catch let error as Failure {
            throw error
        } catch {
            throw Failure(reason: String(describing: error))
        }
    }

    /// Midnight UTC on `day` (YYYY-MM-DD), else 1 January 1980 (the earliest date a ZIP can hold).
    static func entryDate(_ day: String?) -> Date {
        let number = day.flatMap(CalendarDate.parse)?.day ?? 3652  // 1980-01-01
        return Date(timeIntervalSince1970: TimeInterval(number) * 86_400)
    }
}
