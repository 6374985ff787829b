/// The kind of a ``Diagnostic``: a short, stable name such as `record-load` that scripts and CI
/// annotations can rely on while the wording of messages improves.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// A records export that cannot be read (missing, not XML or JSON, malformed, too large).
    public static let recordLoad = DiagnosticCode(rawValue: "record-load")
    /// A rule file that cannot be used.
    public static let ruleSyntax = DiagnosticCode(rawValue: "rule-syntax")
    /// A rule file that works but should be improved (`rules lint`).
    public static let ruleLint = DiagnosticCode(rawValue: "rule-lint")
    /// A mapping file, or a mapping that does not fit its input.
    public static let mapping = DiagnosticCode(rawValue: "mapping")
    /// `auditready.yml`.
    public static let configuration = DiagnosticCode(rawValue: "configuration")
    /// A waivers file.
    public static let waivers = DiagnosticCode(rawValue: "waivers")
    /// A follow-up responses file.
    public static let responses = DiagnosticCode(rawValue: "responses")
    /// A rule-test file.
    public static let ruleTests = DiagnosticCode(rawValue: "rule-tests")
    /// Another file the tool reads back: a baseline, a previous report, a follow-up result.
    public static let fileFormat = DiagnosticCode(rawValue: "file-format")
    /// Records that break the records contract (reported as warnings by `map`).
    public static let contract = DiagnosticCode(rawValue: "contract")
    /// A rule parameter that no rule declares or whose value does not fit.
    public static let parameter = DiagnosticCode(rawValue: "parameter")
    /// Audit programme settings that cannot be planned.
    public static let programme = DiagnosticCode(rawValue: "programme")
    /// Inputs of a certification dossier that do not belong together.
    public static let dossier = DiagnosticCode(rawValue: "dossier")
    /// A follow-up whose inputs do not fit together (such as rules changed since the report).
    public static let followUp = DiagnosticCode(rawValue: "follow-up")
    /// A file that is missing, is not a regular file or cannot be read.
    public static let unreadable = DiagnosticCode(rawValue: "unreadable")
    /// An output that cannot be written.
    public static let output = DiagnosticCode(rawValue: "output")
    /// Command-line options that do not fit together.
    public static let usage = DiagnosticCode(rawValue: "usage")
    /// An error the library gives no code (a system error while writing an output, for example).
    public static let unclassified = DiagnosticCode(rawValue: "unclassified")
}
