internal import CLibXML2

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file a libxml2 descriptor parser reads (``LibXMLParsing/descriptorParser(handler:context:source:)``),
/// and where the reading stopped because a start tag had too many attributes.
final class XMLDescriptorSource {
    /// The open file; not closed here.
    let descriptor: Int32
    /// The parser reading it, set when the parser is made.
    var parser: xmlParserCtxtPtr?
    /// Where the parser was when it met a start tag with more than
    /// ``LibXMLParsing/attributeLimit`` attributes; reading stopped there.
    private(set) var attributeLimitReached: (line: Int, column: Int)?

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// libxml2's read callback: up to `length` bytes into `buffer`, 0 at the end of the file,
    /// -1 on a read error or once the attribute limit was passed.
    func fill(_ buffer: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
        if let parser, attributeLimitReached == nil, LibXMLParsing.attributeLimitReached(parser) {
            attributeLimitReached = LibXMLParsing.position(parser)
        }
        guard attributeLimitReached == nil else { return -1 }
        while true {
            let count = read(descriptor, buffer, length)
            if count >= 0 { return Int32(count) }
            if errno != EINTR { return -1 }
        }
    }
}
