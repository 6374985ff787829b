/// Where a ``Diagnostic`` points: a file, and within it a 1-based line and column when known.
public struct DiagnosticLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path as the user gave it; empty for a problem that is in no file.
    public var file: String
    /// 1-based line; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column; 0 when unknown.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// No file: a problem with an option or with the run as a whole.
    public static let none = DiagnosticLocation(file: "")

    /// `FILE:LINE:COLUMN`, `FILE:LINE` when the column is unknown, `FILE` when the line is, or nothing.
    public var description: String {
        guard line > 0 else { return file }
        return column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
    }

    public static func < (lhs: DiagnosticLocation, rhs: DiagnosticLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
