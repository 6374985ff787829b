#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Makes repeated long scalar texts share one copy while an export is loaded.
///
/// Exports repeat much of their text: customer and product names, the people who sign records,
/// the standard wording of decisions and remedies. Texts of up to 15 bytes are stored inside a
/// Swift `String` and cost nothing extra; a longer one costs a heap block of its own, about
/// 80 bytes for a typical field. The interner remembers the most recent text for each of a
/// fixed number of hash slots, so a text written again is handed out as the earlier `String`
/// (sharing its storage) instead of a new block. Its memory is fixed (at most 1.5 MB) whatever
/// the export holds, and a text that does not repeat costs one hash and one table write.
struct ScalarInterner {
    private var hashes: [UInt64]
    private var texts: [String]
    private let shift: UInt64

    /// An interner sized for an input of `inputBytes` (256 to 65,536 slots, one per 512 bytes),
    /// or with `inputBytes` 0 one that only decodes.
    init(inputBytes: Int) {
        var bits = 8
        while bits < 16, 512 << bits < inputBytes { bits += 1 }
        let slots = inputBytes > 0 ? 1 << bits : 0
        hashes = Array(repeating: 0, count: slots)
        texts = Array(repeating: "", count: slots)
        shift = UInt64(64 - bits)
    }

    /// The UTF-8 `bytes` as text (invalid sequences repaired as `String(decoding:as:)` does),
    /// shared with an earlier equal text when one is remembered.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > 15, !hashes.isEmpty else { return String(decoding: bytes, as: UTF8.self) }
        // A collision only costs a byte comparison and a missed share.
        let hash = ByteHash.of(UnsafeRawBufferPointer(bytes), seed: 0xcbf2_9ce4_8422_2325)
        let slot = Int(truncatingIfNeeded: hash >> shift)
        if hashes[slot] == hash, Self.equal(texts[slot], bytes) { return texts[slot] }
        let text = String(decoding: bytes, as: UTF8.self)
        hashes[slot] = hash
        texts[slot] = text
        return text
    }

    private static func equal(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = text
        return text.withUTF8 { stored in
            stored.count == bytes.count && memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        }
    }
}
