import Crypto
import Foundation

/// Stable identities for findings, for baselines, waivers, diffs and code-scanning dashboards.
///
/// A fingerprint hashes the rule id, the standard, the collection and the record id — never a
/// line number or an index — so adding or moving records leaves other findings' identities
/// unchanged. Findings with no record (about the export as a whole) hash the rule and clause.
/// When one rule raises several findings on the same key (a duplicated id), the second and later
/// ones get `#2`, `#3`… in report order.
public enum FindingFingerprint {
    /// Sets ``Finding/fingerprint`` on every finding (and on systemic findings' evidence).
    public static func assign(to findings: inout [Finding]) {
        var buffer: [UInt8] = []
        assign(to: &findings, buffer: &buffer)
    }

    /// `buffer` is scratch space for the keys, shared by the evidence lists.
    private static func assign(to findings: inout [Finding], buffer: inout [UInt8]) {
        // Occurrences are counted per SHA-256 of the key: the same digest is the same key.
        var seen: [SHA256.Digest: Int] = [:]
        seen.reserveCapacity(findings.count)
        for index in findings.indices {
            // Read in place: passed by value, the whole finding was copied each time.
            let digest = findings.withUnsafeBufferPointer { self.digest(of: $0.baseAddress! + index, buffer: &buffer) }
            // Counted in place: the digest is hashed once.
            let occurrence = counted(&seen[digest, default: 0])
            // Kept as the digest's first 8 bytes, written in hex when read.
            let prefix = digest.withUnsafeBytes { bytes in bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) } }
            findings[index].fingerprintText = .digest(prefix, occurrence: occurrence)
            if !findings[index].evidence.isEmpty { assign(to: &findings[index].evidence, buffer: &buffer) }
        }
    }

    /// `count` plus one, which it becomes.
    private static func counted(_ count: inout Int) -> Int {
        count += 1
        return count
    }

    /// The SHA-256 of the finding's key: rule, standard, clause (only without a record),
    /// collection and record, separated by U+001F. The key is written into `buffer`.
    static func digest(of finding: UnsafePointer<Finding>, buffer: inout [UInt8]) -> SHA256.Digest {
        buffer.removeAll(keepingCapacity: true)
        buffer += finding.pointee.rule.utf8
        buffer.append(0x1F)
        buffer += finding.pointee.standard.rawValue.utf8
        buffer.append(0x1F)
        if finding.pointee.record == nil { buffer += finding.pointee.clause.utf8 }
        buffer.append(0x1F)
        if let collection = finding.pointee.collection { buffer += collection.utf8 }
        buffer.append(0x1F)
        if let record = finding.pointee.record { buffer += record.utf8 }
        return buffer.withUnsafeBytes { SHA256.hash(data: $0) }
    }
}
