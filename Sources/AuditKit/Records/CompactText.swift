/// Texts a record keeps in its own four-byte word, with no bytes elsewhere: up to four ASCII
/// characters (codes, flags, small numbers, people's initials) and texts written like a date
/// (`2026-03-01`). Together they are about half of an export's fields. Every other text is kept
/// in the load's ``TextArena`` and its word says where.
///
/// A word's top two bits say what it holds (``Tag``); ``CompactText`` reads and writes the two
/// kinds that need no arena. A text comes back exactly as written: the characters are kept,
/// never a reading of them (`2026-02-30` comes back as `2026-02-30`, `0042` as `0042`).
enum CompactText {
    /// What a text word holds, in its top two bits.
    enum Tag: UInt32 {
        /// Up to four ASCII characters (none NUL), seven bits each, the first lowest.
        case short = 0
        /// `DDDD-DD-DD` with a first digit of 0 to 3: the first digit in two bits, the seven
        /// others in four bits each.
        case dateLike = 1
        /// The position of the text's bytes in the ``TextArena``.
        case arenaBytes = 2
        /// The number of a text the ``TextArena`` keeps whole, as a `String`.
        case arenaString = 3
    }

    /// The bits below the tag.
    static let payloadMask: UInt32 = 0x3FFF_FFFF

    /// The tag of `word`.
    @inline(__always)
    static func tag(_ word: UInt32) -> Tag { Tag(rawValue: word >> 30)! }

    /// True when `word` holds its text itself (``Tag/short`` or ``Tag/dateLike``).
    @inline(__always)
    static func isInline(_ word: UInt32) -> Bool { word >> 31 == 0 }

    /// The word of `text` when it can be kept in the word itself.
    @inline(__always)
    static func word(_ text: String) -> UInt32? {
        let utf8 = text.utf8
        // Only texts of 1 to 4 or exactly 10 bytes can be inline; the count is cheap to ask.
        guard utf8.count <= 4 || utf8.count == 10 else { return nil }
        var text = text
        // Native strings are contiguous; a bridged one is made so once (never on Linux).
        return text.withUTF8 { word(UnsafeRawBufferPointer($0)) }
    }

    /// The word of the UTF-8 `bytes` of a text, when it can be kept in the word itself.
    static func word(_ bytes: UnsafeRawBufferPointer) -> UInt32? {
        let count = bytes.count
        if count <= 4 {
            // Seven bits a character; the length is read back from where the characters end,
            // so none may be NUL.
            var payload: UInt32 = 0
            for index in 0..<count {
                let byte = bytes[index]
                guard byte != 0, byte < 0x80 else { return nil }
                payload |= UInt32(byte) << (7 * UInt32(index))
            }
            return payload
        }
        guard count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[0] >= 0x30, bytes[0] <= 0x33 else { return nil }
        var nibbles: UInt32 = 0
        var shift: UInt32 = 0
        for index in 1..<10 where index != 4 && index != 7 {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            nibbles |= UInt32(digit) << shift
            shift += 4
        }
        return Tag.dateLike.rawValue << 30 | UInt32(bytes[0] - 0x30) << 28 | nibbles
    }

    /// True when `word` holds a date written `DDDD-DD-DD` that names a real day: what parsing its
    /// text would say, known without making the text.
    @inline(__always)
    static func isRealDay(_ word: UInt32) -> Bool {
        tag(word) == .dateLike && date(word) != nil
    }

    /// The date a ``Tag/dateLike`` word is written as, read from its digits without making the
    /// text (nil when it names no real day, as parsing the text would say: `2026-02-30`).
    @inline(__always)
    static func date(_ word: UInt32) -> CalendarDate? {
        let digits = Int(word & 0x0FFF_FFFF)
        @inline(__always) func digit(_ position: Int) -> Int { digits >> (4 * position) & 0xF }
        return CalendarDate.plainDate(
            year: Int(word >> 28 & 0x3) * 1000 + digit(0) * 100 + digit(1) * 10 + digit(2),
            month: digit(3) * 10 + digit(4), day: digit(5) * 10 + digit(6))
    }

    /// The text kept in `word`, which must be inline (``isInline(_:)``).
    @inline(__always)
    static func text(_ word: UInt32) -> String {
        if word >> 30 == Tag.short.rawValue {
            let count = (32 - word.leadingZeroBitCount + 6) / 7
            // The seven-bit characters spread back into bytes, all four stored at once.
            let bytes = word & 0x7F | (word & 0x3F80) << 1 | (word & 0x1F_C000) << 2 | (word & 0xFE0_0000) << 3
            return String(unsafeUninitializedCapacity: 4) { buffer in
                UnsafeMutableRawPointer(buffer.baseAddress!).storeBytes(of: bytes.littleEndian, as: UInt32.self)
                return count
            }
        }
        // Digit i into byte i as an ASCII digit (SWAR: the nibbles spread out in three steps),
        // then the dashes of "DDDD-DD-DD"; stored in two writes.
        var digits = UInt64(word >> 28 & 0x3) | UInt64(word & 0x0FFF_FFFF) << 4
        digits = (digits | digits << 16) & 0x0000_FFFF_0000_FFFF
        digits = (digits | digits << 8) & 0x00FF_00FF_00FF_00FF
        digits = (digits | digits << 4) & 0x0F0F_0F0F_0F0F_0F0F
        digits |= 0x3030_3030_3030_3030
        let low = digits & 0xFFFF_FFFF | 0x2D << 32 | (digits >> 32 & 0xFFFF) << 40 | 0x2D << 56
        let high = UInt16(truncatingIfNeeded: digits >> 48)
        return String(unsafeUninitializedCapacity: 10) { buffer in
            let raw = UnsafeMutableRawPointer(buffer.baseAddress!)
            raw.storeBytes(of: low.littleEndian, as: UInt64.self)
            raw.storeBytes(of: high.littleEndian, toByteOffset: 8, as: UInt16.self)
            return 10
        }
    }
}
