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
