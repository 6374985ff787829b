/// The cells of one CSV row as the file gives them (quotes resolved, not trimmed), in one byte
/// buffer reused from row to row: a cell becomes a `String` only when asked, and a mapped
/// register hands most cells to its ``TextArena`` straight from here.
///
/// Every cell is valid UTF-8 (``CSVRowReader`` checks each as it ends).
struct CSVCells {
    /// The bytes of every cell, one after the other.
    private(set) var bytes: [UInt8] = []
    /// Where each cell ends in `bytes`.
    private var ends: [Int] = []

    /// How many cells the row has.
    var count: Int { ends.count }

    /// Empties the row, keeping its room.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    /// Adds a byte to the cell being read.
    @inline(__always)
    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    /// The bytes of the cell being read, since the last ``endCell()``.
    var openCell: ArraySlice<UInt8> { bytes[(ends.last ?? 0)...] }

    /// Ends the cell being read.
    mutating func endCell() { ends.append(bytes.count) }

    /// Calls `body` with the bytes of the cell at `index` (below ``count``), untrimmed.
    @inline(__always)
    func withCell<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<ends[index]])) }
    }

    /// The cell at `index` as text, trimmed as every scalar is (``trimmedScalar(_:)``); empty
    /// for a blank cell.
    func text(_ index: Int) -> String {
        withCell(index) { trimmedScalar(bytes: $0) }
    }

    /// ``text(_:)``, with long repeated texts shared through `interner`.
    func text(_ index: Int, interner: inout ScalarInterner) -> String {
        withCell(index) { trimmedScalar(bytes: $0, interner: &interner) }
    }

    /// True when the cell at `index` is empty or only whitespace.
    func isBlank(_ index: Int) -> Bool {
        withCell(index) { bytes in
            let (inner, plain) = trimmedScalarBytes(bytes)
            if inner.isEmpty { return true }
            return !plain && trimmedScalar(bytes: inner).isEmpty
        }
    }

    /// True when every cell of the row is blank.
    var isBlank: Bool { (0..<count).allSatisfy(isBlank) }
}
