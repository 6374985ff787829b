import Foundation

/// The plain text of rich text written as HTML, as web forms store it (ERPNext's Text Editor
/// fields: `<div>Labels printed from the order.</div>`): tags are removed, a tag that ends a
/// block or a line becomes a line break, the common entities are decoded and blank lines are
/// dropped. Not an HTML parser: enough to quote the text in a finding.
enum HTMLText {
    static let blockTags: Set<String> = [
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"
    ]
    static let entities: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]

    /// `html` as plain text; text without tags or entities is returned as it is.
    static func plain(_ html: String) -> String {
        guard html.contains("<") || html.contains("&") else { return html }
        var text = ""
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<", let close = html[index...].firstIndex(of: ">") {
                let name = html[html.index(after: index)..<close].drop { $0 == "/" }.prefix {
                    $0.isLetter || $0.isNumber
                }.lowercased()
                if blockTags.contains(name) { text.append("\n") }
                index = html.index(after: close)
            } else if character == "&", let end = html[index...].prefix(12).firstIndex(of: ";") {
                text.append(entity(String(html[html.index(after: index)..<end])) ?? String(html[index...end]))
                index = html.index(after: end)
            } else {
                text.append(character)
                index = html.index(after: index)
            }
        }
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    /// The character an entity name (`amp`, `#39`, `#x2019`) stands for.
    static func entity(_ name: String) -> String? {
        if let known = entities[name] { return known }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let code = digits.lowercased().hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return code.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
}
