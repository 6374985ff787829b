/// Texts a record keeps in eight bytes instead of a 16-byte `String`: short ASCII texts (up to
/// eight characters: codes, flags, small numbers, most ids) and texts written like a date
/// (`2026-03-01`: eight digits in four bytes). Together they are most of an export's fields.
///
/// A text comes back exactly as written: the bytes are kept, never a reading of them (a
/// `2026-02-30` comes back as `2026-02-30`). Packing reads the text's UTF-8 view and unpacking
/// builds a string from bytes with public API only; a text of at most 15 UTF-8 bytes is held in
/// the `String` value itself, so unpacking never allocates.
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

    /// How `text` can be kept, and its word when it is not kept as a `String`.
    @inline(__always)
    static func pack(_ text: String) -> (Kind, UInt64) {
        var text = text
        // Native strings are contiguous; a bridged one is made so once (never on Linux).
        return text.withUTF8 { pack(UnsafeRawBufferPointer($0)) }
    }

    /// How the UTF-8 `bytes` of a text can be kept, and its word when not as a `String`.
    static func pack(_ bytes: UnsafeRawBufferPointer) -> (Kind, UInt64) {
        let count = bytes.count
        guard count <= 10, count > 0 else { return (.string, 0) }
        // The bytes, first in the lowest byte of the word.
        var low: UInt64 = 0
        for index in 0..<min(count, 8) { low |= UInt64(bytes[index]) << (8 * UInt64(index)) }
        let ones: UInt64 = 0x0101_0101_0101_0101
        if count <= 8 {
            // ASCII only, and the length is read back from where the bytes end: the last byte
            // must not be NUL.
            guard low & (0x80 &* ones) == 0, bytes[count - 1] != 0 else { return (.string, 0) }
            return (.short, low)
        }
        guard count == 10, low >> 32 & 0xFF == 0x2D, low >> 56 == 0x2D else { return (.string, 0) }
        // The eight digit bytes, in order, then each checked to be 0-9 (all eight at once).
        let high = UInt64(bytes[8]) | UInt64(bytes[9]) << 8
        let digitBytes = low & 0xFFFF_FFFF | (low >> 40 & 0xFFFF) << 32 | high << 48
        guard ((digitBytes &+ 0x46 &* ones) | (digitBytes &- 0x30 &* ones)) & (0x80 &* ones) == 0 else {
            return (.string, 0)
        }
        // Byte i's value into nibble i.
        var digits = digitBytes &- 0x30 &* ones
        digits = (digits | digits >> 4) & 0x00FF_00FF_00FF_00FF
        digits = (digits | digits >> 8) & 0x0000_FFFF_0000_FFFF
        digits = (digits | digits >> 16) & 0xFFFF_FFFF
        return (.dateLike, digits)
    }

    /// The text kept in `word` as `kind` (not ``Kind/string``).
    @inline(__always)
    static func unpack(_ word: UInt64, as kind: Kind) -> String {
        if kind == .short {
            // The eight bytes stored at once; those past the text are zeros and not part of it.
            let count = 8 - word.leadingZeroBitCount / 8
            return String(unsafeUninitializedCapacity: 8) { buffer in
                UnsafeMutableRawPointer(buffer.baseAddress!).storeBytes(of: word.littleEndian, as: UInt64.self)
                return count
            }
        }
        // Nibble i back into byte i, as an ASCII digit; then the dashes of "DDDD-DD-DD".
        var bytes = word & 0xFFFF_FFFF
        bytes = (bytes | bytes << 16) & 0x0000_FFFF_0000_FFFF
        bytes = (bytes | bytes << 8) & 0x00FF_00FF_00FF_00FF
        bytes = (bytes | bytes << 4) & 0x0F0F_0F0F_0F0F_0F0F
        bytes |= 0x3030_3030_3030_3030
        let low = bytes & 0xFFFF_FFFF | 0x2D << 32 | (bytes >> 32 & 0xFFFF) << 40 | 0x2D << 56
        let high = bytes >> 48
        return String(unsafeUninitializedCapacity: 10) { buffer in
            let raw = UnsafeMutableRawPointer(buffer.baseAddress!)
            raw.storeBytes(of: low.littleEndian, as: UInt64.self)
            raw.storeBytes(of: UInt16(truncatingIfNeeded: high).littleEndian, toByteOffset: 8, as: UInt16.self)
            return 10
        }
    }
}
