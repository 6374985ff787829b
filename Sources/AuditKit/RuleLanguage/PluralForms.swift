import Foundation

/// The words of a plural placeholder, after its first `|`: `{N | complaint | complaints}`.
struct PluralForms {
    /// The words between the bars, trimmed of the spaces around them.
    let words: [String]
    /// True when the words hold a double quote.
    let containQuote: Bool

    /// The words of the bytes `range` of a message, split at each `|` character.
    init(_ message: MessageText, _ range: Range<Int>) {
        var words: [String] = []
        var start = range.lowerBound
        for position in range where message.isCharacter(UInt8(ascii: "|"), at: position) {
            words.append(Self.trimmed(message, start..<position))
            start = position + 1
        }
        words.append(Self.trimmed(message, start..<range.upperBound))
        self.words = words
        let quote = UInt8(ascii: "\"")
        if !words.contains(where: { $0.utf8.contains(quote) }) {
            containQuote = false
        } else if words.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) {
            containQuote = true
        } else {
            // A quote a mark joins is no quote to Foundation.
            containQuote = words.joined().contains("\"")
        }
    }

    /// The text of `range` without the whitespace (`CharacterSet.whitespaces`) at its ends.
    private static func trimmed(_ message: MessageText, _ range: Range<Int>) -> String {
        let bytes = message.bytes
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
        // Beyond ASCII, other spaces may be trimmed too: Foundation decides.
        if lower < upper, bytes[lower] >= 0x80 || bytes[upper - 1] >= 0x80 {
            return message.string(range).trimmingCharacters(in: .whitespaces)
        }
        return message.string(lower..<upper)
    }
}
