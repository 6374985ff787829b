/// The language-dependent parts of a DOCX report: the language tag Word uses for spelling and
/// hyphenation, and the page-number line of the footer.
struct DOCXLanguage: Sendable {
    /// The BCP 47 tag written to `w:lang` and `dc:language` (en-GB, fr-FR).
    var tag: String
    /// The footer's words around the PAGE and NUMPAGES fields: "Page ", " of " / « Page », « sur ».
    var page: String
    var pageOf: String

    init(_ language: Language) {
        switch language {
        case .en: (tag, page, pageOf) = ("en-GB", "Page ", " of ")
        case .fr: (tag, page, pageOf) = ("fr-FR", "Page ", " sur ")
        }
    }
}
