/// A place in an input file or rule file: 1-based line and column.
///
/// Records keep only the index of their input file, never a copy of its path, so millions of
/// records cost a few bytes each for their location.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable {
    /// Index of the file in the list of loaded inputs (or rule files).
    public var file: Int32
    /// 1-based line; 0 when unknown.
    public var line: Int32
    /// 1-based column; 0 when unknown.
    public var column: Int32

    /// Creates a location.
    public init(file: Int32 = 0, line: Int, column: Int) {
        self.file = file
        self.line = Int32(clamping: line)
        self.column = Int32(clamping: column)
    }

    /// An unknown location.
    public static let unknown = SourceLocation(line: 0, column: 0)

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
