/// A rendered report, ready to be written: its UTF-8 bytes, handed over in pieces.
///
/// A renderer that builds a `String` hands it over whole. The JSON renderer writes its bytes as
/// it goes and hands them over a megabyte at a time, so writing a report of any size to a file
/// holds about a megabyte of it in memory (a 100,000-complaint report is about 14 MB).
public struct RenderedReport: Sendable {
    private let produce: @Sendable (_ sink: (UnsafeRawBufferPointer) throws -> Void) throws -> Void

    /// A report rendered as text.
    public init(text: String) {
        produce = { sink in
            var text = text
            try text.withUTF8 { try sink(UnsafeRawBufferPointer($0)) }
        }
    }

    /// A report whose bytes `produce` writes, in pieces, to the sink it is given.
    init(streaming produce: @escaping @Sendable (_ sink: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) {
        self.produce = produce
    }

    /// Hands the report's bytes to `sink`, in order, in one or more pieces; stops at the first
    /// error `sink` throws and rethrows it.
    public func write(to sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        try produce(sink)
    }

    /// The whole report as text.
    public var string: String {
        var bytes: [UInt8] = []
        try? write { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
