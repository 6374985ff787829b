/// Escaping of text written into XML documents (JUnit reports, records exports).
public enum XMLEscaping {
    /// Text made safe in XML content and double-quoted attributes. `>` is escaped too, so `]]>`
    /// cannot appear; characters XML 1.0 does not allow (most control characters, lone
    /// surrogates cannot occur in Swift strings, U+FFFE/U+FFFF) become spaces; line breaks in
    /// attributes are written as character references so they survive attribute normalisation.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
