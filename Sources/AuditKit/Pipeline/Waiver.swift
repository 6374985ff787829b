/// An accepted finding: the organisation knows about it, someone approved living with it until a
/// date, and a corrective action is (usually) linked. Waived findings stay in every report,
/// marked as waived; they no longer fail a pipeline.
public struct Waiver: Sendable, Codable, Hashable {
    /// The fingerprint it covers, or nil when it covers a rule and a record pattern.
    public var fingerprint: String?
    /// The rule it covers, with ``recordPattern``.
    public var rule: String?
    /// A record id pattern (`*` matches any run of characters); nil or `*` for every record.
    public var recordPattern: String?
    /// Why the finding is accepted.
    public var justification: String?
    /// Who approved it.
    public var approver: String?
    /// The last day it applies (`YYYY-MM-DD`).
    public var expires: String?
    /// The corrective action that will remove the finding.
    public var correctiveAction: String?
    /// The line of the waiver in its file.
    public var line: Int

    enum CodingKeys: String, CodingKey {
        case fingerprint, rule, justification, approver, expires, line
        case recordPattern = "record"
        case correctiveAction = "corrective_action"
    }

    public init(
        fingerprint: String? = nil, rule: String? = nil, recordPattern: String? = nil,
        justification: String? = nil, approver: String? = nil, expires: String? = nil,
        correctiveAction: String? = nil, line: Int = 0
    ) {
        self.fingerprint = fingerprint
        self.rule = rule
        self.recordPattern = recordPattern
        self.justification = justification
        self.approver = approver
        self.expires = expires
        self.correctiveAction = correctiveAction
        self.line = line
    }

    /// True when this waiver names the finding (by fingerprint, or by rule and record pattern).
    public func covers(_ finding: Finding) -> Bool {
        if let fingerprint { return fingerprint == finding.fingerprint }
        guard let rule, rule == finding.rule else { return false }
        guard let pattern = recordPattern, pattern != "*" else { return true }
        guard let record = finding.record else { return false }
        return Waiver.matches(Array(record), Array(pattern))
    }

    /// What is wrong with this waiver as of `date`, in plain words; empty when it can be applied.
    public func problems(asOf date: CalendarDate, language: Language = .en) -> [String] {
        let french = language == .fr
        var problems: [String] = []
        if fingerprint == nil && rule == nil {
            problems.append(
                french ? "elle ne désigne ni empreinte ni règle" : "it names neither a fingerprint nor a rule")
        }
        if (justification ?? "").allSatisfy(\.isWhitespace) {
            problems.append(french ? "elle ne donne aucune justification" : "it gives no justification")
        }
        if (approver ?? "").allSatisfy(\.isWhitespace) {
            problems.append(french ? "elle ne nomme aucun approbateur" : "it names no approver")
        }
        if let expires {
            if let end = CalendarDate.parse(expires), end.secondOfDay == nil {
                if end.day < date.day { problems.append(french ? "elle a expiré le \(end)" : "it expired on \(end)") }
            } else {
                problems.append(
                    french
                        ? "sa date d'expiration « \(Display.excerpt(expires)) » n'est pas une date écrite AAAA-MM-JJ"
                        : "its expiry date '\(Display.excerpt(expires))' is not a date written YYYY-MM-DD")
            }
        } else {
            problems.append(french ? "elle n'a pas de date d'expiration" : "it has no expiry date")
        }
        return problems
    }

    /// Glob matching with `*` (any run) and `?` (one character).
    static func matches(_ text: [Character], _ pattern: [Character]) -> Bool {
        var t = 0, p = 0, star = -1, mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                t += 1; p += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p; mark = t; p += 1
            } else if star >= 0 {
                p = star + 1; mark += 1; t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
