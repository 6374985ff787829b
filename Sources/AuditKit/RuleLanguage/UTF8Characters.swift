/// Where characters (grapheme clusters) start in UTF-8 text, decided on the bytes where they can
/// be and asked of the text's `Character`s only where they cannot.
enum UTF8Characters {
    /// The length of the character starting at `position` when the bytes alone tell it: an ASCII
    /// character, or a letter from U+0080 to U+05FF (Latin, Greek, Cyrillic, Hebrew), that what
    /// follows cannot join (ASCII, or a character below U+0300, where combining marks start);
    /// `"\r\n"` is one character. Nil when only the text's characters can tell.
    @inline(__always)
    static func quickLength(_ bytes: [UInt8], at position: Int) -> Int? {
        let byte = bytes[position]
        let next = position + 1 < bytes.count ? bytes[position + 1] : 0
        if byte < 0x80 {
            if next < 0x80 { return byte == 0x0D && next == 0x0A ? 2 : 1 }
            return next >= 0xC2 && next <= 0xCB ? 1 : nil
        }
        if byte >= 0xC2, byte <= 0xD7 {
            let after = position + 2 < bytes.count ? bytes[position + 2] : 0
            if after < 0x80 || (after >= 0xC2 && after <= 0xCB) { return 2 }
        }
        return nil
    }

    /// The character of `text` starting at the byte offset `position` (a character boundary).
    static func character(of text: String, at position: Int) -> Character {
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: position)...].first ?? " "
    }
}
