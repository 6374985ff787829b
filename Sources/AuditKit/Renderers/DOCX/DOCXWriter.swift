import Foundation

/// Writes a ``ReportDocument`` as a Word document (.docx, WordprocessingML), for exchanging an
/// audit dossier with certification bodies and clients who work in Word.
///
/// The file is a ZIP written with ZIPFoundation in memory, byte-identical for identical input:
/// the parts are added in a fixed order, every entry carries the same modification date (the
/// audit date, else 1 January 1980; never the clock), fixed permissions, and deflate at zlib's
/// default level.
public struct DOCXWriter: Sendable {
    /// Why a document could not be written (only a failure inside the ZIP library).
    public struct WriteError: Error, LocalizedError, Sendable {
        public var reason: String
        public var errorDescription: String? { "cannot write the DOCX report: \(reason)" }
    }

    public var document: ReportDocument
    /// The audit date, YYYY-MM-DD: the document's creation date and the ZIP entries' date.
    public var date: String?
    /// The tool that wrote the file, for the document properties ("auditready 1.2.0").
    public var application: String

    /// A writer for `document`, dated `date` (YYYY-MM-DD) when given.
    public init(_ document: ReportDocument, date: String? = nil, application: String = "auditready") {
        self.document = document
        self.date = date.flatMap { $0.utf8.count == 10 && CalendarDate.parse($0) != nil ? $0 : nil }
        self.application = application
    }

    /// The main part, `word/document.xml`, as text.
    public var documentXML: String {
        DOCXPackageParts.document(body: DOCXBody(document).xml)
    }

    /// The parts of the package, in the order they are stored.
    var parts: [(path: String, contents: String)] {
        let language = DOCXLanguage(document.language)
        return [
            ("[Content_Types].xml", DOCXPackageParts.contentTypes),
            ("_rels/.rels", DOCXPackageParts.packageRelationships),
            ("word/document.xml", documentXML),
            ("word/_rels/document.xml.rels", DOCXPackageParts.documentRelationships),
            ("word/styles.xml", DOCXStyles.xml(languageTag: language.tag)),
            ("word/footer1.xml", DOCXPackageParts.footer(language)),
            (
                "docProps/core.xml",
                DOCXPackageParts.core(
                    title: document.title, language: language,
                    creator: application, date: date)
            ),
            ("docProps/app.xml", DOCXPackageParts.app(application: application))
        ]
    }

    /// The .docx file's bytes.
    ///
    /// - Throws: ``WriteError`` if the ZIP library fails.
    public func data() throws(WriteError) -> Data {
        do {
            return try DeterministicZip.data(parts, day: date)
        } catch {
            throw WriteError(reason: error.reason)
        }
    }
}
