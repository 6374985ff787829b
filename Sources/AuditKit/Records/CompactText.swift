/// Texts a record keeps in eight bytes instead of a 16-byte `String`: short ASCII texts (up to
/// eight characters: codes, flags, small numbers, most ids) and texts written like a date
/// (`2026-03-01`: eight digits in four bytes). Together they are most of an export's fields.
///
/// A text comes back exactly as written: the bytes are kept, never a reading of them (a
/// `2026-02-30` comes back as `2026-02-30`). Packing and unpacking read and build Swift's
/// in-place representation of a short string (up to 15 UTF-8 bytes held in the `String` value
/// itself), so neither allocates nor decodes. That representation is checked once, at run
/// time, against strings the standard library makes; where it differs, records keep every
/// text as a `String` and nothing else changes.
enum CompactText {
    /// How a field's text is kept.
    enum Kind: UInt32 {
        /// As a `String`.
        case string = 0
        /// Up to eight ASCII bytes, in a word.
        case short = 1
        /// `DDDD-DD-DD`, its eight digits in a word.
        case dateLike = 2
    }

    /// True when strings are laid out as this file expects, so texts may be kept compact.
    static let isAvailable: Bool = selfTest()

    /// The tag byte of an in-place ASCII string of `count` bytes (top byte of its second word).
    @inline(__always)
    private static func asciiTag(_ count: Int) -> UInt64 { UInt64(0xE0 | count) << 56 }

    /// How `text` can be kept, and its word when it is not kept as a `String`.
    @inline(__always)
    static func pack(_ text: String) -> (Kind, UInt64) {
        guard isAvailable else { return (.string, 0) }
        return packUnchecked(text)
    }

    @inline(__always)
    private static func packUnchecked(_ text: String) -> (Kind, UInt64) {
        let (low, high) = unsafeBitCast(text, to: (UInt64, UInt64).self)
        let tag = high >> 56
        guard tag & 0xF0 == 0xE0 else { return (.string, 0) }  // not an in-place ASCII string
        let count = tag & 0x0F
        if count <= 8 {
            // The length is read back from where the bytes end: the last byte must not be NUL.
            guard count > 0, low >> (8 * (count - 1)) & 0xFF != 0 else { return (.string, 0) }
            return (.short, low)
        }
        guard count == 10, low >> 32 & 0xFF == 0x2D, low >> 56 == 0x2D else { return (.string, 0) }
        // The eight digit bytes, in order, then each checked to be 0-9 (all eight at once).
        let bytes = low & 0xFFFF_FFFF | (low >> 40 & 0xFFFF) << 32 | (high & 0xFFFF) << 48
        let ones: UInt64 = 0x0101_0101_0101_0101
        guard ((bytes &+ 0x46 &* ones) | (bytes &- 0x30 &* ones)) & (0x80 &* ones) == 0 else { return (.string, 0) }
        // Byte i's value into nibble i.
        var digits = bytes &- 0x30 &* ones
        digits = (digits | digits >> 4) & 0x00FF_00FF_00FF_00FF
        digits = (digits | digits >> 8) & 0x0000_FFFF_0000_FFFF
        digits = (digits | digits >> 16) & 0xFFFF_FFFF
        return (.dateLike, digits)
    }

    /// The text kept in `word` as `kind` (not ``Kind/string``).
    @inline(__always)
    static func unpack(_ word: UInt64, as kind: Kind) -> String {
        if kind == .short {
            let count = 8 - word.leadingZeroBitCount / 8
            return unsafeBitCast((word, asciiTag(count)), to: String.self)
        }
        // Nibble i back into byte i, as an ASCII digit; then the dashes of "DDDD-DD-DD".
        var bytes = word & 0xFFFF_FFFF
        bytes = (bytes | bytes << 16) & 0x0000_FFFF_0000_FFFF
        bytes = (bytes | bytes << 8) & 0x00FF_00FF_00FF_00FF
        bytes = (bytes | bytes << 4) & 0x0F0F_0F0F_0F0F_0F0F
        bytes |= 0x3030_3030_3030_3030
        let low = bytes & 0xFFFF_FFFF | 0x2D << 32 | (bytes >> 32 & 0xFFFF) << 40 | 0x2D << 56
        return unsafeBitCast((low, bytes >> 48 | asciiTag(10)), to: String.self)
    }

    /// Packs and unpacks strings made by the standard library, and compares the results with
    /// them byte for byte.
    private static func selfTest() -> Bool {
        guard MemoryLayout<String>.size == 16, UInt64(1).littleEndian == 1 else { return false }
        let samples: [(String, Kind)] = [
            ("a", .short), ("ab", .short), ("open", .short), ("C-000123", .short), ("12345678", .short),
            ("2026-03-01", .dateLike), ("0000-00-00", .dateLike), ("9999-99-99", .dateLike),
            ("1970-01-01", .dateLike), ("2026-12-31", .dateLike), ("a\u{0}b", .short),
            ("2026-03-0x", .string), ("2026/03/01", .string), ("2026-03-:1", .string), ("2026-03-/1", .string),
            ("C-0001234", .string), ("été", .string), ("", .string), ("ab\u{0}", .string),
            ("a long text that is kept as a string", .string)
        ]
        for (sample, expected) in samples {
            // Made at run time from bytes, as the loaders make them.
            let made = String(decoding: Array(sample.utf8), as: UTF8.self)
            let (kind, word) = packUnchecked(made)
            guard kind == expected else { return false }
            guard kind != .string else { continue }
            let back = unpack(word, as: kind)
            guard back == made, Array(back.utf8) == Array(sample.utf8), back.utf8.count == sample.utf8.count,
                back.hashValue == made.hashValue
            else { return false }
        }
        return true
    }
}
