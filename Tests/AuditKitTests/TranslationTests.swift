import Testing
@testable import AuditKit

/// French texts in rule files: `title.fr`, `message.fr`, `guidance.fr`, clause `fr` variants,
/// the fallback to English, and the lint warning.
@Suite struct TranslationTests {
    static let rules = """
        clause iso9001 9.2.1 "Internal audits" fr "Audits internes"
          verify on site "Ask the auditor" fr "Interroger l'auditeur"

        rule R1
          title "Audits are done"
          title.fr "Les audits sont réalisés"
          standard iso9001
          clause 9.2.1
          grade major
          guidance "Plan audits."
          guidance.fr "Planifiez les audits."
          for each a in internal_audits
          require a.conducted_on is present
          message "Audit {a.id} has no date."
          message.fr "L'audit {a.id} n'a pas de date."
        end

        rule R2
          title "Reviews are held"
          standard iso9001
          clause 9.3.1
          grade minor
          require count(management_reviews) > 0
          message "No review."
        end
        """

    @Test func parsesFrenchItems() throws {
        let file = try RuleParser.parse(source: Self.rules, path: "t.rules", fileIndex: 0)
        let rule = file.rules[0]
        #expect(rule.localizedTitle(.fr) == "Les audits sont réalisés")
        #expect(rule.localizedGuidance(.fr) == "Planifiez les audits.")
        #expect(rule.localizedTitle(.en) == "Audits are done")
        #expect(rule.translations[.fr]?.message?.parts.count == 3)
        #expect(file.clauses[0].localizedTitle(.fr) == "Audits internes")
        #expect(file.clauses[0].localizedOnSite(.fr) == "Interroger l'auditeur")
        #expect(file.clauses[0].localizedOnSite(.en) == "Ask the auditor")
        #expect(file.rules[1].localizedTitle(.fr) == "Reviews are held", "falls back to English")
    }

    @Test func engineWritesFrenchMessagesAndTitles() throws {
        let json = #"{"internal_audits": [{"id": "IA-1"}]}"#
        let report = try AuditEngine.run(
            rules: EvaluationHarness.ruleSet(Self.rules),
            records: EvaluationHarness.records(json: json),
            options: AuditOptions(asOf: EvaluationHarness.auditDate, language: .fr))
        #expect(report.language == .fr)
        #expect(report.findings.first { $0.rule == "R1" }?.message == "L'audit IA-1 n'a pas de date.")
        #expect(report.findings.first { $0.rule == "R2" }?.message == "No review.")
        #expect(report.ruleResult("R1")?.title == "Les audits sont réalisés")
        #expect(report.clauses.first { $0.clause == "9.2.1" }?.title == "Audits internes")
        #expect(report.recommendation == .notRecommended)
        #expect(MarkdownReportRenderer().render(report).contains("Recommandation au comité de certification"))
    }

    @Test func syntaxErrorsNameTheFix() {
        func error(_ item: String) -> String? {
            let source = """
                rule R1
                  title "t"
                  \(item)
                  standard iso9001
                  clause 9.2.1
                  grade major
                  require true
                  message "m"
                end
                """
            do {
                _ = try RuleParser.parse(source: source, path: "t.rules", fileIndex: 0)
                return nil
            } catch {
                return error.message
            }
        }
        #expect(error(#"title .fr "x""#)?.contains("without spaces") == true)
        #expect(error(#"title.de "x""#)?.contains("unknown language 'de'") == true)
        #expect(error(#"title.fr "x" title.fr "y""#)?.contains("already has 'title.fr'") == true)
        #expect(error(#"message.fr "{unclosed""#)?.contains("not closed") == true)
        #expect(error(#"title.fr "x""#) == nil)
    }

    @Test func frenchPlaceholdersAreChecked() {
        let source = Self.rules.replacingOccurrences(of: "n'a pas de date.", with: "{cuont(a)}")
        #expect(throws: RuleSetError.self) { try EvaluationHarness.ruleSet(source) }
    }

    @Test func lintWarnsOncePerRuleWithoutFrench() throws {
        let ruleSet = try EvaluationHarness.ruleSet(Self.rules)
        let warnings = TranslationLint.check(ruleSet.files)
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("rule 'R2' has no French text for 'title.fr', 'message.fr'") == true)
        #expect(warnings.first?.severity == .warning)
        #expect(TranslationLint.check(ruleSet.files, language: .en).isEmpty)
    }
}
