import Foundation
import Testing
@testable import AuditKit

/// What a lead auditor would strike out of a report, checked over every finding the bundled rules
/// give on the samples and on the rule tests' examples: the same gap reported twice, messages
/// that read badly, raw codes or parameter names in prose, and messages that cannot be written
/// again in the other language.
@Suite(.serialized) struct FindingQualityTests {
    static let samples = ["acme-small", "early-stage", "small-business"]

    /// Every report of the samples (both stages, both languages) and of the rule tests' examples.
    static let reports: [(name: String, report: AuditReport)] = {
        var reports: [(String, AuditReport)] = []
        guard let rules = try? RuleSet.load(paths: BundledRuleTests.ruleDirectories) else { return [] }
        for sample in samples {
            let path = BundledRuleTests.repository.appendingPathComponent("Samples/\(sample)/records.json").path
            guard let records = try? RecordLoader.load(path: path) else { continue }
            for stage in Stage.allCases {
                for language in Language.allCases {
                    var options = AuditOptions(
                        asOf: CalendarDate(year: 2026, month: 11, day: 15)!, stage: stage,
                        standards: [.iso9001, .iso10002], language: language)
                    options.audience = .self
                    if let report = try? AuditEngine.run(rules: rules, records: records, options: options) {
                        reports.append(("\(sample) \(stage.rawValue) \(language.rawValue)", report))
                    }
                }
            }
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quality-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let tests = (try? RuleTestRunner.discover(paths: BundledRuleTests.ruleDirectories)) ?? []
        for (index, test) in tests.enumerated() {
            let file = directory.appendingPathComponent("t\(index).json")
            guard (try? Data(RecordWriter.json(test.records).utf8).write(to: file)) != nil,
                let records = try? RecordLoader.load(path: file.path)
            else { continue }
            for language in Language.allCases {
                let options = AuditOptions(
                    asOf: test.asOf, stage: test.stage, standards: [.iso9001, .iso10002],
                    parameters: test.parameters, language: language)
                if let report = try? AuditEngine.run(rules: rules, records: records, options: options) {
                    reports.append(("\(test.file):\(test.line) \(language.rawValue)", report))
                }
            }
        }
        return reports
    }()

    /// Rule pairs that check different requirements of one clause on the same record, each with
    /// why they are two gaps and not one. A new pair fails the test until it is merged, gated or
    /// added here with its reason.
    static let distinctPairs: [(String, String, String)] = [
        (
            "K02-channels-listed", "K02-process-information-published",
            "which channels exist vs whether the process is published"
        ),
        ("K04-complaints-objectives", "K04-complaints-time-targets", "objectives vs time targets"),
        ("K05-complaint-registered", "K06-remedy-sought", "registration data vs the remedy the complainant asked for"),
        ("K05-reference-unique", "K06-remedy-sought", "a unique reference vs the remedy sought"),
        ("Q01-scope-sites", "Q27-design-records-exist", "sites of the scope vs applicability of design"),
        ("Q01-scope-stated", "Q27-design-not-applicable-contradicted", "the scope itself vs a contradicted exclusion"),
        ("Q01-scope-stated", "Q27-design-records-exist", "the scope itself vs applicability of design"),
        (
            "Q04-context-issues-identified", "Q04-context-issues-reviewed",
            "issues determined vs issues kept under review"
        ),
        ("Q05-policy-commitments", "Q05-quality-policy-approved", "content of the policy vs its approval"),
        ("Q08-risk-action-evaluated", "Q08-risk-action-planned", "action planned vs its effectiveness evaluated"),
        ("Q09-objective-measurable", "Q10-objective-measured", "6.2.1 b measurable vs 6.2.1 e monitored"),
        ("Q09-objective-measurable", "Q10-objective-never-measured", "6.2.1 b measurable vs 6.2.1 e monitored"),
        ("Q12-calibration-not-overdue", "Q13-calibration-traceable", "interval kept vs traceability of the standard"),
        (
            "Q29-supplier-status-recorded", "Q30-critical-supplier-approved",
            "status recorded vs approval of a critical supplier"
        ),
        (
            "Q29-supplier-status-recorded", "Q31-poor-evaluation-actioned",
            "status recorded vs action on a poor evaluation"
        ),
        ("Q45-audit-record-complete", "Q46-auditor-independence", "audit record vs objectivity"),
        ("Q45-audit-record-complete", "Q47-auditor-competent", "audit record vs auditor competence"),
        ("Q45-audit-record-complete", "Q48-audit-report-distributed", "audit record vs reporting to management"),
        ("Q46-auditor-independence", "Q47-auditor-competent", "objectivity vs competence"),
        ("Q47-auditor-competent", "Q48-audit-report-distributed", "competence vs reporting"),
        ("Q48-audit-report-distributed", "Q49-audit-findings-raised", "reporting vs action on findings"),
        ("Q52-review-actions-assigned", "Q52-review-outputs", "decisions taken vs actions assigned"),
        ("Q52-review-outputs", "Q59-review-actions-followed", "decisions taken vs actions followed up"),
        ("Q55-effectiveness-checked", "Q57-no-recurrence", "effectiveness reviewed vs the nonconformity recurring")
    ]
    static let distinctRequirements = Set(distinctPairs.map { [$0.0, $0.1].sorted() })

    @Test func thereAreReportsToCheck() {
        #expect(Self.reports.count > 500)
    }

    /// No two findings at the same clause point at the same record for the same requirement.
    @Test func oneGapOneFinding() {
        // One example per pair of rules.
        var duplicates: [String: String] = [:]
        for (name, report) in Self.reports where report.language == .en {
            var seen: [String: [String]] = [:]
            for finding in report.findings {
                let key =
                    "\(finding.standard.rawValue) \(finding.clause) \(finding.collection ?? "") \(finding.record ?? "(whole export)")"
                for other in seen[key] ?? [] where other != finding.rule {
                    let pair = [other, finding.rule].sorted()
                    if !Self.distinctRequirements.contains(pair), duplicates[pair.joined(separator: " and ")] == nil {
                        duplicates[pair.joined(separator: " and ")] = "\(key) (\(name))"
                    }
                }
                seen[key, default: []].append(finding.rule)
            }
        }
        for (pair, example) in duplicates.sorted(by: { $0.key < $1.key }) {
            Issue.record("same record, same clause: \(pair), e.g. \(example)")
        }
        #expect(duplicates.count == 0)
    }

    /// No finding is a major at stage 2 without naming either its record or the whole-export gap.
    @Test func majorsAtStage2AreWholeRequirementsOrSystemic() {
        for (name, report) in Self.reports where report.stage == .certification {
            for finding in report.findings where finding.grade == .major && finding.record != nil {
                Issue.record(
                    Comment(
                        rawValue:
                            "\(name): \(finding.rule) grades one record \(finding.record ?? "") major; a single record is a lapse"
                    ))
            }
        }
    }

    /// The slips an auditor reported, in every message of every report.
    @Test func messagesReadCorrectly() {
        let rules = try? RuleSet.load(paths: BundledRuleTests.ruleDirectories)
        let parameters = Set(rules?.parameters.keys.map { $0 } ?? [])
        var slips = Set<String>()
        let englishPlural =
            (#"(?<![\w.,])1 (?!(?:process|analysis|status|business|address|class|basis|access|series|is|was|has|does|lacks|needs|remains|shows|misses|refers|names)\b)[a-z]+s\b"#)
        let frenchPlural =
            (#"(?<![\w.,])[01] (?!(?:mois|processus|fois|cours|accès|temps|dans|sous|sur|plus|sans|après|depuis|vers|chez)\b)[a-zé]+s\b"#)
        for (name, report) in Self.reports {
            for finding in report.findings + report.findings.flatMap(\.evidence) {
                // The rules' own words: texts from the records (a title with a "%" or brackets) masked.
                let masked = finding.arguments.map { argument in
                    argument.type == .text ? MessageArgument(type: .text, value: "X") : argument
                }
                let message =
                    rules?.message(
                        for: Finding(
                            rule: finding.rule, standard: finding.standard, clause: finding.clause,
                            grade: finding.grade, record: finding.record, message: "",
                            location: finding.location, arguments: masked),
                        in: report.language) ?? finding.message
                func slip(_ what: String) {
                    slips.insert("\(finding.rule) [\(report.language.rawValue)] \(what): \(message)")
                }
                if message.contains("((") || message.contains("))") { slip("double parentheses") }
                for phrase in [
                    "on (not recorded)", "dated (not recorded)", "by (not recorded)", "le (non renseigné)",
                    "du (non renseigné)", "par (non renseigné)", "date du (non renseigné)"
                ] where message.contains(phrase) {
                    slip("absent value read as a date or a person")
                }
                if report.language == .en, message.range(of: englishPlural, options: .regularExpression) != nil {
                    slip("plural after 1")
                }
                if report.language == .fr, message.range(of: frenchPlural, options: .regularExpression) != nil {
                    slip("plural after 0 or 1")
                }
                if report.language == .fr, message.range(of: #"\d%"#, options: .regularExpression) != nil {
                    slip("French percent without space")
                }
                // The date check names the field as the export writes it, so it can be found in the file.
                for word in message.split(whereSeparator: { !$0.isLetter && $0 != "_" })
                where word.contains("_")
                    && finding.rule != BuiltinCheck.invalidDate.id
                {
                    slip("raw code or parameter name '\(word)'")
                }
                for parameter in parameters where message.contains(" \(parameter) ") {
                    slip("parameter name '\(parameter)'")
                }
                _ = name
            }
        }
        // Titles and guidance are prose too: no parameter names or raw codes. Guidance may say
        // which field of the export to fill in (complaints_handling.published_on).
        let fields = RecordsContract.allFields.union(RecordsContract.collections.keys)
        for rule in rules?.rules ?? [] {
            for language in Language.allCases {
                let texts = [rule.localizedTitle(language), rule.localizedGuidance(language) ?? ""]
                for text in texts {
                    for word in text.split(whereSeparator: { !$0.isLetter && $0 != "_" })
                    where word.contains("_") && !fields.contains(String(word)) {
                        slips.insert("\(rule.id) [\(language.rawValue)] title or guidance names '\(word)'")
                    }
                }
            }
        }
        for slip in slips.sorted().prefix(60) { Issue.record("\(slip)") }
        #expect(slips.count == 0)
    }

    /// Every message of a rule can be written again in the other language from the finding's
    /// arguments, and gives what the rules give when run in that language.
    @Test func messagesAreLocalisedWhenRendered() throws {
        let rules = try RuleSet.load(paths: BundledRuleTests.ruleDirectories)
        var compared = 0
        for sample in Self.samples {
            let english = Self.reports.first { $0.name == "\(sample) certification en" }?.report
            let french = Self.reports.first { $0.name == "\(sample) certification fr" }?.report
            guard let english, let french else { continue }
            for (one, other) in zip(english.findings, french.findings)
            where one.evidence.isEmpty && !one.rule.hasPrefix("AR-") {
                #expect(rules.message(for: one, in: .fr) == other.message)
                #expect(rules.message(for: other, in: .en) == one.message)
                compared += 1
            }
        }
        #expect(compared > 10)
    }
}
