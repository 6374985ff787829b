/// The text of a message as UTF-8 bytes, with where each of its characters starts and was
/// written: its placeholders are found on the bytes, and the places of its characters are those
/// the lexer kept for the text.
struct MessageText {
    let bytes: [UInt8]
    /// For each byte, the place of the character starting there; nil inside a character.
    private let placeAt: [SourceLocation?]

    init(_ token: Token) {
        bytes = Array(token.value.utf8)
        placeAt = token.valuePlaces.byByte(of: bytes)
    }

    /// True when the character at `position` is the ASCII character `code` alone, not joined by
    /// a mark.
    func isCharacter(_ code: UInt8, at position: Int) -> Bool {
        bytes[position] == code && placeAt[position] != nil
            && (position + 1 == bytes.count || placeAt[position + 1] != nil)
    }

    /// Where the character starting at `position` was written.
    func place(_ position: Int) -> SourceLocation { placeAt[position] ?? .unknown }

    /// The places of the bytes in `range`: each character's at the byte where it starts, nil at
    /// its other bytes.
    func places(of range: Range<Int>) -> [SourceLocation?] { Array(placeAt[range]) }

    /// The bytes in `range` as a string.
    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
}
