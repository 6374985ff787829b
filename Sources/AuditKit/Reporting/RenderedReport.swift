/// A rendered report as the UTF-8 bytes to write, whether the renderer built a string or wrote
/// the bytes directly.
///
/// A JSON report of 100,000 complaints is about 14 MB; keeping the writer's bytes instead of
/// turning them into a `String` (a second copy, checked as UTF-8 again) keeps one copy in memory
/// while the file is written.
public final class RenderedReport: @unchecked Sendable {
    private let text: String?
    private let bytes: UnsafeMutableBufferPointer<UInt8>?

    /// A report rendered as text.
    public init(text: String) {
        self.text = text
        bytes = nil
    }

    /// A report rendered as bytes; the report owns and frees them. They must be UTF-8.
    init(owning bytes: UnsafeMutableBufferPointer<UInt8>) {
        text = nil
        self.bytes = bytes
    }

    deinit {
        bytes?.deallocate()
    }

    /// Calls `body` with the report's UTF-8 bytes.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        if let bytes { return try body(UnsafeRawBufferPointer(bytes)) }
        var text = text ?? ""
        return try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    }

    /// The report as text.
    public var string: String {
        if let text { return text }
        return String(decoding: bytes!, as: UTF8.self)
    }
}
