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
        var seen: [String: Int] = [:]
        for index in findings.indices {
            let key = self.key(of: findings[index])
            let occurrence = (seen[key] ?? 0) + 1
            seen[key] = occurrence
            findings[index].fingerprint = hash(key) + (occurrence > 1 ? "#\(occurrence)" : "")
            assign(to: &findings[index].evidence)
        }
    }

    static func key(of finding: Finding) -> String {
        [finding.rule, finding.standard.rawValue, finding.record == nil ? finding.clause : "",
         finding.collection ?? "", finding.record ?? ""].joined(separator: "\u{1F}")
    }

    /// The first 16 hexadecimal digits of the SHA-256 of `text`.
    static func hash(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}
