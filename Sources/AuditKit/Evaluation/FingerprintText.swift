/// A finding's fingerprint (``Finding/fingerprint``) as a finding keeps it: as given, or as the
/// engine makes it, the first 8 bytes of the SHA-256 of the finding's key and which occurrence of
/// that key the finding is, written in hex when read. As a string, 16 hex digits take a block of
/// their own: 4 MB for the 66,000 findings and evidence at 300,000 complaints.
enum FingerprintText: Sendable {
    case given(String)
    case digest(UInt64, occurrence: Int)

    /// The fingerprint: 16 hex digits, then `#2`, `#3`… for a later occurrence of the same key.
    var string: String {
        switch self {
        case .given(let text): return text
        case .digest(let prefix, let occurrence):
            let hex = String(unsafeUninitializedCapacity: 16) { out in
                for index in 0..<16 {
                    let nibble = UInt8(truncatingIfNeeded: prefix >> UInt64(60 - 4 * index)) & 15
                    out[index] = nibble < 10 ? 48 + nibble : 87 + nibble
                }
                return 16
            }
            return occurrence > 1 ? hex + "#\(occurrence)" : hex
        }
    }
}
