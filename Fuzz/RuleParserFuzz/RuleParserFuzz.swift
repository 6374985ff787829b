// libFuzzer target: the rule parser and checker, then the lints and the evaluator. Built by
// scripts/fuzz.sh; not part of the package build.
import AuditKit

/// Parses and checks the bytes as one rule file. Diagnostics are the expected outcome; each must
/// say what is wrong. Bytes that are not UTF-8 are skipped, as `RuleSet.load` refuses such files.
@c(LLVMFuzzerTestOneInput)
public func fuzzRuleParser(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let data,
          let text = String(validating: UnsafeBufferPointer(start: data, count: count), as: UTF8.self) else {
        return 0
    }
    do {
        let rules = try RuleSet.parse(sources: [(path: "fuzz.rules", name: "fuzz.rules", text: text)])
        // Every later pass over the expressions: the lints, canonical texts and the evaluator.
        _ = ContractLint.check(rules.files)
        _ = AbsenceLint.check(rules.files)
        _ = try? AuditEngine.run(rules: rules, records: RecordSet(), options: AuditOptions(asOf: CalendarDate(day: 20_000)))
    } catch {
        precondition(!error.problems.isEmpty, "a failed parse must say why")
        for diagnostic in error.problems {
            precondition(!diagnostic.message.isEmpty, "a diagnostic must say what is wrong")
            precondition(!diagnostic.description.contains("\n"), "a diagnostic is one line")
        }
    }
    return 0
}
