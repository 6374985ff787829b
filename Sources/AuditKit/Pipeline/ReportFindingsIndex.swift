import Foundation

/// The findings of a JSON report, read a megabyte at a time without holding the report: for
/// each finding its fingerprint, its grade and where its JSON is in the file, so `diff` needs
/// memory for the fingerprints, not for the reports (two 470 MB reports took 2.9 to 4.9 GB when
/// decoded whole).
struct ReportFindingsIndex {
    /// One finding of the report.
    struct Entry {
        var fingerprint: String
        var grade: Grade
        /// Where the finding's JSON object starts in the file, and its length in bytes.
        var offset: Int
        var length: Int
    }

    let path: String
    private(set) var entries: [Entry] = []
    /// The report, kept open to read findings again.
    private let handle: FileHandle

    /// Reads the findings of the JSON report at `path`; each one is decoded once, to check it,
    /// and only its entry is kept.
    ///
    /// - Throws: ``FileFormatError`` when the file cannot be read or is not a JSON report
    ///   written by `auditready check --format json` (with fingerprints).
    init(path: String) throws(FileFormatError) {
        self.path = path
        if let problem = RegularFile.problem(reading: path) {
            throw FileFormatError(file: path, line: 0, column: 0, message: problem)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileFormatError(file: path, line: 0, column: 0, message: "cannot read this report")
        }
        self.handle = handle
        var scanner = Scanner()
        var offset = 0
        let decoder = JSONDecoder()
        do {
            while true {
                guard let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty else { break }
                try chunk.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                    try scanner.scan(bytes.bindMemory(to: UInt8.self), at: offset) { element, start in
                        let finding = try decoder.decode(Finding.self, from: Data(element))
                        guard !finding.fingerprint.isEmpty else { throw Problem.noFingerprint }
                        entries.append(
                            Entry(
                                fingerprint: finding.fingerprint, grade: finding.grade,
                                offset: start, length: element.count))
                    }
                }
                offset += chunk.count
            }
            guard scanner.complete else { throw Problem.notAReport }
        } catch Problem.noFingerprint {
            throw FileFormatError(
                file: path, line: 0, column: 0,
                message: "this report has no finding fingerprints; write it again with this version of auditready")
        } catch let error as FileFormatError {
            throw error
        } catch {
            throw FileFormatError(
                file: path, line: 0, column: 0,
                message: "this is not a JSON report written by auditready check --format json")
        }
    }

    /// The finding of `entry`, read again from the file.
    func finding(_ entry: Entry) throws(FileFormatError) -> Finding {
        do {
            try handle.seek(toOffset: UInt64(entry.offset))
            guard let data = try handle.read(upToCount: entry.length), data.count == entry.length else {
                throw Problem.notAReport
            }
            return try JSONDecoder().decode(Finding.self, from: data)
        } catch {
            throw FileFormatError(
                file: path, line: 0, column: 0, message: "this report changed while it was being compared")
        }
    }

    private enum Problem: Error { case notAReport, noFingerprint }

    /// Finds the elements of the top-level `findings` array in a JSON text given piece by piece.
    /// Checks the nesting of brackets and strings; each element is decoded by the caller.
    private struct Scanner {
        private var depth = 0
        private var inString = false
        private var escaped = false
        /// At depth 1: the next string is a key.
        private var expectingKey = false
        private var key: [UInt8] = []
        private var capturingKey = false
        /// The key of the value now being read at depth 1.
        private var valueKey: [UInt8] = []
        private var inFindings = false
        private var sawFindings = false
        private var sawTop = false
        private var element: [UInt8] = []
        private var elementStart = -1
        private static let findingsKey = Array("findings".utf8)

        /// True once the whole text was one object with a `findings` array.
        var complete: Bool { sawTop && depth == 0 && sawFindings && !inString }

        mutating func scan(
            _ bytes: UnsafeBufferPointer<UInt8>, at base: Int,
            element found: ([UInt8], Int) throws -> Void
        ) throws {
            var copyFrom = elementStart >= 0 ? 0 : -1
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == 0x5C {
                        escaped = true
                    } else if byte == 0x22 {
                        inString = false
                        if capturingKey {
                            capturingKey = false
                            valueKey = key
                        }
                    } else if capturingKey, key.count < 64 {
                        key.append(byte)
                    }
                    index += 1
                    continue
                }
                switch byte {
                case 0x22:  // "
                    inString = true
                    if depth == 1, expectingKey {
                        expectingKey = false
                        capturingKey = true
                        key.removeAll(keepingCapacity: true)
                    }
                case 0x7B, 0x5B:  // { [
                    if depth == 0 {
                        guard byte == 0x7B, !sawTop else { throw Problem.notAReport }
                        sawTop = true
                        expectingKey = true
                    } else if depth == 1, valueKey == Self.findingsKey {
                        guard byte == 0x5B, !sawFindings else { throw Problem.notAReport }
                        inFindings = true
                        sawFindings = true
                    } else if depth == 2, inFindings {
                        guard byte == 0x7B else { throw Problem.notAReport }
                        elementStart = base + index
                        copyFrom = index
                        element.removeAll(keepingCapacity: true)
                    }
                    depth += 1
                case 0x7D, 0x5D:  // } ]
                    depth -= 1
                    guard depth >= 0 else { throw Problem.notAReport }
                    if depth == 2, inFindings, elementStart >= 0 {
                        element.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copyFrom...index]))
                        try found(element, elementStart)
                        elementStart = -1
                        copyFrom = -1
                    } else if depth == 1, inFindings {
                        inFindings = false
                    }
                case 0x2C:  // ,
                    if depth == 1 { expectingKey = true; valueKey = [] }
                case 0x20, 0x0A, 0x0D, 0x09, 0x3A:
                    break
                default:
                    if depth == 0 { throw Problem.notAReport }
                    if depth == 2, inFindings { throw Problem.notAReport }
                }
                index += 1
            }
            if elementStart >= 0, copyFrom >= 0 {
                element.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copyFrom..<count]))
            }
        }
    }
}
