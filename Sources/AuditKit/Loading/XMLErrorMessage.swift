/// Turns libxml2's error messages into one line of plain English for the person who made the
/// export. Messages it does not know are kept, prefixed with "the file is not valid XML".
enum XMLErrorMessage {
    /// The most text libxml2 accepts in one node without `XML_PARSE_HUGE` (`XML_MAX_TEXT_LENGTH`).
    static let maximumTextLength = 10_000_000

    /// libxml2's message, on one line and in plain English where it is known.
    static func plain(_ libxml: String) -> String {
        let lines = libxml.split(whereSeparator: \.isNewline)
            .map { String($0.drop(while: \.isWhitespace)) }
            .filter { !$0.isEmpty }
        let first = lines.first ?? ""
        if first.hasPrefix("Input is not proper UTF-8") {
            let bytes =
                lines.first { $0.hasPrefix("Bytes: ") }.map { " (bytes " + $0.dropFirst("Bytes: ".count) + ")" } ?? ""
            return "the text is not valid UTF-8\(bytes); save the export with UTF-8 encoding, "
                + "or declare its encoding in the XML declaration"
        }
        if first.contains("huge text node") {
            return "a text value is longer than 10,000,000 characters, the most one field may hold"
        }
        if first == "Document is empty" {
            return "the file is not valid XML: no element was found where the export should start "
                + "(is it an XML file at all?)"
        }
        return "the file is not valid XML: " + lines.joined(separator: " ")
    }
}
