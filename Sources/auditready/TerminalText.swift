/// Text from the data made safe to show on a terminal.
///
/// Exports, rule files and paths can hold escape sequences, bells, NUL bytes and line breaks;
/// written raw they would recolour or clear the terminal, hide text or forge extra lines.
/// Everything the command writes to the terminal about its inputs goes through here.
enum TerminalText {
    /// The longest line shown, in characters; a longer one is cut and ends with "…".
    static let maximumLineLength = 1_000

    /// `text` as one line: every control character (C0 and C1 controls, DEL, line and paragraph
    /// separators, and the bidirectional overrides that reorder what is shown) written visibly as
    /// `\u{1B}`, then cut at ``maximumLineLength`` characters.
    static func line(_ text: String) -> String {
        var result = ""
        var count = 0
        for character in text {
            let shown: String
            if character.unicodeScalars.contains(where: needsEscape) {
                shown = character.unicodeScalars.map { needsEscape($0) ? escaped($0) : String($0) }.joined()
            } else {
                shown = String(character)
            }
            let length = shown.count
            if count + length > maximumLineLength {
                result += "…"
                return result
            }
            result += shown
            count += length
        }
        return result
    }

    /// `text` split at its line breaks, the ones the command meant, each made safe with
    /// ``line(_:)``.
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0)) }
    }

    /// True for a scalar that must not reach the terminal as is.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `\u{1B}` for ESC: Swift's spelling, readable and unambiguous.
    static func escaped(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }
}
