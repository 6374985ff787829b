import Foundation

/// Why an audit programme cannot be planned from the given arguments: one plain sentence each.
public enum ProgrammeError: Error, LocalizedError, Sendable, Equatable, DiagnosticConvertible {
    /// A date option that is not a real `YYYY-MM-DD` date.
    case invalidDate(option: String, text: String)
    /// Fewer than one person.
    case personnelNotPositive(Int)
    /// Fewer than one site.
    case sitesNotPositive(Int)
    /// A stage of the initial audit ending after the certification decision.
    case stagesAfterDecision(stage: String, date: String, decision: String)
    /// Stage 1 ending after stage 2.
    case stage1AfterStage2(stage1: String, stage2: String)
    /// A `--param` name the programme does not have.
    case unknownParameter(String, known: [String])
    /// A `--param` value that is not a whole number.
    case parameterNotANumber(String, String)
    /// A `--param` value outside its range.
    case parameterOutOfRange(String, Int, ClosedRange<Int>)
    /// A planned date that would fall before its window.
    case leadBeyondWindow(lead: Int, window: Int)
    /// A `--not-applicable` clause the rule files do not declare.
    case unknownClause(String)
    /// No clause left to audit.
    case nothingApplicable

    public var errorDescription: String? {
        switch self {
        case let .invalidDate(option, text):
            return "\(option) \"\(text)\" is not a real calendar date; write it as YYYY-MM-DD, e.g. 2026-03-15."
        case let .personnelNotPositive(value):
            return "--employees must be a whole number of people, at least 1 (got \(value))."
        case let .sitesNotPositive(value):
            return "--sites must be a whole number of sites, at least 1 (got \(value))."
        case let .stagesAfterDecision(stage, date, decision):
            return
                "\(stage) \(date) is after the certification decision \(decision); the initial audit is completed before the decision."
        case let .stage1AfterStage2(stage1, stage2):
            return "--stage1-end \(stage1) is after --stage2-end \(stage2); stage 1 comes before stage 2."
        case let .unknownParameter(name, known):
            return "unknown programme parameter \"\(name)\"; the parameters are \(known.joined(separator: ", "))."
        case let .parameterNotANumber(name, text):
            return "--param \(name) needs a whole number, not \"\(text)\"."
        case let .parameterOutOfRange(name, value, range):
            return
                "--param \(name)=\(value) is out of range; use a value from \(range.lowerBound) to \(range.upperBound)."
        case let .leadBeyondWindow(lead, window):
            return
                "--param lead_months=\(lead) must be shorter than window_months=\(window), so the planned date lies inside the window."
        case let .unknownClause(clause):
            return
                "--not-applicable \(clause) names no clause of the loaded rules; write it as in `auditready rules coverage`, e.g. 8.3."
        case .nothingApplicable:
            return
                "no applicable clause is left: the rules declare no clause of the chosen standards, or every one was declared not applicable."
        }
    }

    /// The error as a ``Diagnostic`` with code ``DiagnosticCode/programme``.
    public var diagnostics: [Diagnostic] { [Diagnostic(code: .programme, message: errorDescription ?? "")] }
}
