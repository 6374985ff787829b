/// auditready's engine: records exports, the rule language, evaluation and reports.
public enum AuditKit {
    /// The tool name written in reports.
    public static let name = "auditready"
    /// The tool version written in reports.
    public static let version = "0.1.0"
}
