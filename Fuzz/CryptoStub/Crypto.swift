import Foundation

// A stand-in for swift-crypto's `SHA256`, used only by the fuzz build (scripts/fuzz.sh) so the
// fuzz targets compile AuditKit's sources with swiftc alone, without building BoringSSL. It has the
// same shape but is NOT a cryptographic hash: never link it into the product.

/// The fuzz build's stand-in for `Crypto.SHA256` (FNV-1a, spread over 32 bytes).
public struct SHA256: Sendable {
    /// The stand-in digest: 32 bytes.
    public struct Digest: Sequence, Sendable, Hashable {
        var bytes: [UInt8]
        public func makeIterator() -> IndexingIterator<[UInt8]> { bytes.makeIterator() }

        /// The digest's bytes, as swift-crypto's digests offer them.
        public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            try bytes.withUnsafeBytes(body)
        }
    }

    /// Bytes in a digest.
    public static let byteCount = 32

    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// A fresh hasher.
    public init() {}

    /// Adds bytes.
    public mutating func update<D: DataProtocol>(data: D) {
        for region in data.regions {
            for byte in region { state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
    }

    /// Adds the bytes at `bufferPointer`.
    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        for byte in bufferPointer { state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    }

    /// The digest of everything added.
    public func finalize() -> Digest {
        var bytes: [UInt8] = []
        var value = state
        for _ in 0..<32 {
            bytes.append(UInt8(truncatingIfNeeded: value))
            value = value &* 0x9E37_79B9_7F4A_7C15 &+ 1
        }
        return Digest(bytes: bytes)
    }

    /// The digest of `data`.
    public static func hash<D: DataProtocol>(data: D) -> Digest {
        var hasher = SHA256()
        hasher.update(data: data)
        return hasher.finalize()
    }
}
