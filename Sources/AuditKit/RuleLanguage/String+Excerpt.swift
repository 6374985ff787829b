/// How text taken from a rule file is quoted in a message: short, on one line, every character
/// visible.
extension String {
    /// The most characters of a rule file's text quoted in a message.
    static let excerptLength = 100

    /// The text cut at ``excerptLength`` characters (ending in `…` when cut), with line breaks,
    /// tabs and other invisible characters written as their code, such as `<U+0000>`.
    var excerpt: String {
        var result = ""
        var count = 0
        for character in self {
            if count == Self.excerptLength {
                result += "…"
                break
            }
            result += character.isInvisible ? "<\(character.codePoint)>" : String(character)
            count += 1
        }
        return result
    }
}

extension Character {
    /// True for a control character (line breaks and tabs included), or one that takes no room
    /// such as a zero-width space or a byte order mark.
    var isInvisible: Bool {
        unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                return true
            default:
                return false
            }
        }
    }

    /// `U+0000`, or `U+000D U+000A` for a character of several code points.
    var codePoint: String {
        unicodeScalars.map { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }.joined(separator: " ")
    }

    /// The character as a message names it: `'x'` when it can be seen, otherwise its code and,
    /// for the common ones, its name: `U+0000 (NUL)`, `U+0009 (tab)`.
    var visibleDescription: String {
        guard isInvisible else { return "'\(self)'" }
        let names: [UInt32: String] = [
            0x00: "NUL", 0x07: "bell", 0x08: "backspace", 0x09: "tab", 0x0A: "line break", 0x0B: "vertical tab",
            0x0C: "form feed", 0x0D: "carriage return", 0x1B: "escape", 0x7F: "DEL", 0xA0: "no-break space",
            0x200B: "zero-width space", 0xFEFF: "byte order mark", 0x2028: "line separator",
            0x2029: "paragraph separator"
        ]
        let scalars = Array(unicodeScalars)
        if scalars.count == 1, let name = names[scalars[0].value] { return "\(codePoint) (\(name))" }
        return codePoint
    }
}
