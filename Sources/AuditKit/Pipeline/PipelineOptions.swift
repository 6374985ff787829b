/// What a pipeline adds to a check run: accepted findings and a baseline of known ones.
public struct PipelineOptions: Sendable {
    /// Waivers and the file they came from (for locations in findings about them).
    public var waivers: [Waiver]
    public var waiversFile: String?
    /// Fingerprints of findings already known; when set, only new findings are reported.
    public var baseline: Set<String>?

    public init(waivers: [Waiver] = [], waiversFile: String? = nil, baseline: Set<String>? = nil) {
        self.waivers = waivers
        self.waiversFile = waiversFile
        self.baseline = baseline
    }

    /// The built-in check raised for a waiver that cannot be applied.
    public static var invalidWaiver: BuiltinCheck { BuiltinCheck.invalidWaiver }

    /// Marks waived findings, adds a finding (in `language`) for each waiver that cannot be
    /// applied, placed under the standards of the run (`standards`), and drops findings in the
    /// baseline. Fingerprints must already be assigned.
    ///
    /// - Returns: the sorted fingerprints of the findings dropped because the baseline holds them.
    @discardableResult
    public func apply(
        to findings: inout [Finding], asOf date: CalendarDate, checking standards: Set<Standard>,
        language: Language = .en
    ) -> [String] {
        let placement = Self.invalidWaiver.placement(checking: standards)
        var problems: [Finding] = []
        for waiver in waivers {
            let issues = waiver.problems(asOf: date, language: language)
            if issues.isEmpty {
                for index in findings.indices where findings[index].waiver == nil && waiver.covers(findings[index]) {
                    findings[index].waiver = waiver
                }
                continue
            }
            let message: String
            if language == .fr {
                let target = waiver.fingerprint.map { "l'empreinte \($0)" } ?? "la règle \(waiver.rule ?? "?")"
                message = "La dérogation pour \(target) ne peut pas s'appliquer : \(issues.joined(separator: ", "))."
            } else {
                let target = waiver.fingerprint.map { "fingerprint \($0)" } ?? "rule \(waiver.rule ?? "?")"
                message = "The waiver for \(target) cannot be applied: \(issues.joined(separator: ", "))."
            }
            problems.append(
                Finding(
                    rule: Self.invalidWaiver.id, standard: placement.standard, clause: placement.clause,
                    grade: Self.invalidWaiver.grade, collection: "waivers", record: nil,
                    message: message,
                    location: Finding.Location(file: waiversFile, line: waiver.line > 0 ? waiver.line : nil)))
        }
        FindingFingerprint.assign(to: &problems)
        findings += problems
        var known: Set<String> = []
        if let baseline {
            findings.removeAll { finding in
                guard baseline.contains(finding.fingerprint) else { return false }
                known.insert(finding.fingerprint)
                return true
            }
        }
        findings.sortInPlace()
        return known.sorted()
    }
}
