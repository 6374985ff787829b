import Synchronization

/// A ``SourceLocation`` in eight bytes, so that a ``Record`` (and with it every ``Value`` and
/// every field) stays small: millions of records are loaded from a large export.
///
/// Almost every location fits in 63 bits (file index below 4,096, line below 2^26, column below
/// 2^25). One that does not, such as a record far into a minified JSON file that is one long
/// line, is kept whole in a process-wide table and the packed value holds its number there, so
/// no location is ever rounded.
struct PackedLocation: Sendable {
    private let bits: UInt64

    private static let overflowFlag: UInt64 = 1 << 63
    private static let fileBits: UInt64 = 12, lineBits: UInt64 = 26, columnBits: UInt64 = 25

    init(_ location: SourceLocation) {
        let file = UInt64(UInt32(bitPattern: location.file))
        let line = UInt64(UInt32(bitPattern: location.line))
        let column = UInt64(UInt32(bitPattern: location.column))
        if file < 1 << Self.fileBits, line < 1 << Self.lineBits, column < 1 << Self.columnBits {
            bits = file << (Self.lineBits + Self.columnBits) | line << Self.columnBits | column
        } else {
            bits = Self.overflowFlag | UInt64(OverflowLocations.shared.add(location))
        }
    }

    var location: SourceLocation {
        if bits & Self.overflowFlag != 0 {
            return OverflowLocations.shared.location(Int(truncatingIfNeeded: bits & ~Self.overflowFlag))
        }
        var location = SourceLocation.unknown
        location.file = Int32(truncatingIfNeeded: bits >> (Self.lineBits + Self.columnBits))
        location.line = Int32(truncatingIfNeeded: (bits >> Self.columnBits) & (1 << Self.lineBits - 1))
        location.column = Int32(truncatingIfNeeded: bits & (1 << Self.columnBits - 1))
        return location
    }
}

/// The locations too large to pack; only ever added to (thread-safe).
private final class OverflowLocations: Sendable {
    static let shared = OverflowLocations()
    private let table = Mutex<[SourceLocation]>([])

    func add(_ location: SourceLocation) -> Int {
        table.withLock { table in
            table.append(location)
            return table.count - 1
        }
    }

    func location(_ index: Int) -> SourceLocation {
        table.withLock { $0[index] }
    }
}
