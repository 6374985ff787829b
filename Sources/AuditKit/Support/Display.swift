/// Safe display of text taken from an input file (an export, a YAML file) in messages.
public enum Display {
    /// `"value"`, shortened to 60 characters and with control characters shown as spaces, so a
    /// hostile value cannot flood or reshape a report line.
    static func quoted(_ text: String) -> String {
        var shown = String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        if shown.count > 60 { shown = String(shown.prefix(59)) + "…" }
        return "\"\(shown)\""
    }

    /// The longest excerpt ``excerpt(_:limit:)`` shows by default, in characters.
    public static let excerptLimit = 100

    /// `text` made safe to echo in a one-line message: cut after `limit` characters (ending with
    /// "…"), with control characters (ESC, BEL, NUL, line breaks, tabs…) and other invisible
    /// format characters written out visibly as `\u{1B}`, so a hostile value can neither flood the
    /// terminal nor move its cursor or split the line.
    ///
    /// - Parameters:
    ///   - text: the value read from an input file.
    ///   - limit: the number of characters kept before "…".
    /// - Returns: the text to put between quotes in a message.
    public static func excerpt(_ text: some StringProtocol, limit: Int = excerptLimit) -> String {
        var shown = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                shown += "…"
                break
            }
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                shown.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return shown
    }
}

extension Display {
    /// `text` cut to `limit` Unicode scalars (the last replaced by "…" when cut), for a value from
    /// an input echoed in a message: a column name or an id may be a megabyte long. Control
    /// characters are left for the terminal to escape.
    static func clipped(_ text: String, to limit: Int = 100) -> String {
        let scalars = text.unicodeScalars
        guard let cut = scalars.index(scalars.startIndex, offsetBy: limit, limitedBy: scalars.endIndex),
            cut != scalars.endIndex
        else { return text }
        return String(scalars[..<scalars.index(before: cut)]) + "…"
    }

    /// `4194304` as `4,194,304`.
    static func grouped(_ number: Int) -> String {
        var digits = Array(String(number))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        return String(digits)
    }
}
