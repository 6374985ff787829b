/// Warns, for `rules lint`, about rules that give no text in a report language: reports in that
/// language then show the English text.
public enum TranslationLint {
    /// One warning per rule missing any of its texts in `language` (nothing for English).
    public static func check(_ files: [RuleFile], language: Language = .fr) -> [RuleDiagnostic] {
        guard language != .en else { return [] }
        var diagnostics: [RuleDiagnostic] = []
        for file in files {
            for rule in file.rules {
                let missing = rule.untranslatedItems(in: language)
                guard !missing.isEmpty else { continue }
                let items = missing.map { "'\($0)'" }.joined(separator: ", ")
                diagnostics.append(
                    RuleDiagnostic(
                        file: file.path, at: rule.location, severity: .warning,
                        message: "rule '\(rule.id.excerpt)' has no French text for \(items); French reports will show "
                            + "the English text until you add \(missing.count == 1 ? "it" : "them")"))
            }
        }
        return diagnostics.sorted()
    }
}
