/// Safe display of text taken from an export in messages.
enum Display {
    /// `"value"`, shortened to 60 characters and with control characters shown as spaces, so a
    /// hostile value cannot flood or reshape a report line.
    static func quoted(_ text: String) -> String {
        var shown = String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        if shown.count > 60 { shown = String(shown.prefix(59)) + "…" }
        return "\"\(shown)\""
    }
}

extension Display {
    /// `text` cut to `limit` Unicode scalars (the last replaced by "…" when cut), for a value from
    /// an input echoed in a message: a column name or an id may be a megabyte long. Control
    /// characters are left for the terminal to escape.
    static func clipped(_ text: String, to limit: Int = 100) -> String {
        let scalars = text.unicodeScalars
        guard let cut = scalars.index(scalars.startIndex, offsetBy: limit, limitedBy: scalars.endIndex),
              cut != scalars.endIndex else { return text }
        return String(scalars[..<scalars.index(before: cut)]) + "…"
    }
}
