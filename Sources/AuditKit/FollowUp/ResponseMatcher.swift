/// Pairs each response of a responses file with the open finding of the report it answers, by
/// fingerprint or by rule and record, refusing what cannot be paired unambiguously.
enum ResponseMatcher {
    /// The response answering each open finding of `report` (in the order of
    /// ``StageTwoReport/openFindings``), nil where none does.
    ///
    /// - Throws: ``FileFormatError`` at the response's line for a response that names no open
    ///   finding, names several, contradicts its fingerprint, or answers a finding already answered.
    static func match(
        _ responses: [CorrectiveActionResponse], to report: StageTwoReport,
        path: String
    ) throws(FileFormatError) -> [CorrectiveActionResponse?] {
        let open = report.openFindings
        var byFingerprint: [String: Int] = [:]
        for (index, finding) in open.enumerated() { byFingerprint[finding.fingerprint] = index }
        let waived = Set(report.findings.filter { $0.waiver != nil }.map(\.fingerprint))
        var answers = [CorrectiveActionResponse?](repeating: nil, count: open.count)
        for response in responses {
            func fail(_ message: String) -> FileFormatError {
                FileFormatError(file: path, line: response.line, column: response.column, message: message)
            }
            let index: Int
            if let fingerprint = response.fingerprint {
                guard let found = byFingerprint[fingerprint] else {
                    if waived.contains(fingerprint) {
                        throw fail(
                            "the finding with fingerprint '\(fingerprint)' is waived in the report: it is not followed up, so remove this response"
                        )
                    }
                    let hint =
                        NearMatch.best(for: fingerprint, among: open.map(\.fingerprint)).map {
                            "; did you mean '\($0)'?"
                        } ?? ""
                    throw fail("no finding of the report has the fingerprint '\(fingerprint)'\(hint)")
                }
                let finding = open[found]
                if let rule = response.rule, rule != finding.rule {
                    throw fail(
                        "the finding with fingerprint '\(fingerprint)' is one of rule \(finding.rule), not \(rule); check which finding this response answers"
                    )
                }
                if let record = response.record, record != finding.record {
                    throw fail(
                        "the finding with fingerprint '\(fingerprint)' is about \(finding.record.map { "record \($0)" } ?? "the export as a whole"), not record \(record); check which finding this response answers"
                    )
                }
                index = found
            } else {
                let rule = response.rule ?? ""
                let candidates = open.indices.filter { open[$0].rule == rule && open[$0].record == response.record }
                let target = response.record.map { "record \($0)" } ?? "the export as a whole"
                guard let found = candidates.first else {
                    throw fail("the report has no open finding of rule \(rule) about \(target)")
                }
                guard candidates.count == 1 else {
                    throw fail(
                        "the report has \(candidates.count) findings of rule \(rule) about \(target); name the one this response answers by its fingerprint"
                    )
                }
                index = found
            }
            if let first = answers[index] {
                let finding = open[index]
                let target = finding.record.map { "record \($0)" } ?? "the export as a whole"
                throw fail(
                    "a second response to the finding of rule \(finding.rule) about \(target) (fingerprint '\(finding.fingerprint)'); the first is at line \(first.line). Keep one response per finding"
                )
            }
            answers[index] = response
        }
        return answers
    }
}
