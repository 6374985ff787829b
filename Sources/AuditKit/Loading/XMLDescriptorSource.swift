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

    /// Bytes read from the file ahead of the parser: libxml2 asks for about 4 KB at a time, and
    /// one `read` each time cost a system call per 4 KB (125,000 of them for a 500 MB export).
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 16)
    /// The unread part of ``buffer``.
    private var start = 0, end = 0

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { buffer.deallocate() }

    /// libxml2's read callback: up to `length` bytes into `buffer`, 0 at the end of the file,
    /// -1 on a read error or once the attribute limit was passed.
    func fill(_ buffer: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
        if let parser, attributeLimitReached == nil, LibXMLParsing.attributeLimitReached(parser) {
            attributeLimitReached = LibXMLParsing.position(parser)
        }
        guard attributeLimitReached == nil else { return -1 }
        if start == end {
            let count = read(descriptor, self.buffer.baseAddress, self.buffer.count)
            if count < 0 { return errno == EINTR ? fill(buffer, length: length) : -1 }
            start = 0
            end = count
        }
        let count = min(length, end - start)
        UnsafeMutableRawPointer(buffer).copyMemory(from: self.buffer.baseAddress! + start, byteCount: count)
        start += count
        return Int32(count)
    }
}
