import ArgumentParser
import AuditKit
import Foundation

/// `auditready rules`: list and lint clause checklists.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List or check rule files.",
        subcommands: [List.self, Lint.self, Coverage.self])

    /// `auditready rules list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the rules: id, standard, clause, stages, grade and title.")

        @OptionGroup var rules: RuleDirectories

        @Flag(help: "List the parameters and their defaults instead.")
        var parameters = false

        func run() throws {
            let ruleSet = try rules.load()
            let text = parameters ? RuleListing.parameters(ruleSet) : RuleListing.rules(ruleSet)
            try StandardStream.print(text)
        }
    }

    /// `auditready rules lint`.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Parse and check rule files; warn where they read fields the records contract does not define.",
            discussion: "Exit codes: 0 no errors (warnings allowed), 2 errors.")

        @Argument(help: ArgumentHelp("Rule directories or files. Default: the bundled checklists.", valueName: "DIR"))
        var paths: [String] = []

        /// Errors and warnings go to standard error, one line each, like every other command's;
        /// only the summary line is written on standard output.
        func run() throws {
            let ruleSet: RuleSet
            do {
                ruleSet = try RuleSet.load(paths: RuleDirectories.resolve(paths))
            } catch {
                try StandardStream.print(counted(error.problems.count, "error") + "\n")
                throw error
            }
            // A `define` called by several rules is checked in each: say each warning once.
            let warnings = Set(
                ruleSet.warnings + ContractLint.check(ruleSet.files) + AbsenceLint.check(ruleSet.files)
                    + NestedScanLint.check(ruleSet.files)
                    + TranslationLint.check(ruleSet.files, language: .fr)
            ).sorted()
            for warning in warnings { Terminal.show(warning.diagnostic) }
            try StandardStream.print(
                "\(counted(ruleSet.files.count, "file")), \(counted(ruleSet.rules.count, "rule")): no errors, \(counted(warnings.count, "warning"))\n"
            )
        }
    }
}

extension RulesCommand {
    /// `auditready rules coverage`.
    struct Coverage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every clause of both standards with the rules that check it, or its on-site item.")

        @OptionGroup var rules: RuleDirectories

        @Option(help: "text or json.")
        var format: CoverageFormat = .text

        enum CoverageFormat: String, CaseIterable, ExpressibleByArgument { case text, json }

        func run() throws {
            let coverage = ClauseCatalogue.coverage(of: try rules.load())
            let text: String
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                text = String(decoding: try encoder.encode(coverage), as: UTF8.self) + "\n"
            case .text:
                var rows = [["STANDARD", "CLAUSE", "CHECKED BY", "TITLE"]]
                for entry in coverage {
                    var how = entry.rules.isEmpty ? [] : ["\(entry.rules.count) rule(s)"]
                    if entry.manual { how.append("on site") }
                    if how.isEmpty, entry.throughSubclauses { how.append("its sub-clauses") }
                    rows.append([
                        entry.standard.rawValue, entry.clause, how.isEmpty ? "NOTHING" : how.joined(separator: " + "),
                        entry.title
                    ])
                }
                let unchecked = coverage.filter { !$0.isCovered }.count
                text =
                    RuleListing.table(rows)
                    + "\(coverage.count) clauses; \(unchecked) checked neither by a rule nor on site\n"
            }
            try StandardStream.print(text)
        }
    }
}

/// The text of `rules list`.
enum RuleListing {
    static func rules(_ ruleSet: RuleSet) -> String {
        var rows: [[String]] = [["ID", "STANDARD", "CLAUSE", "STAGES", "GRADE", "TITLE"]]
        for check in BuiltinCheck.all {
            rows.append([check.id, check.standard.rawValue, check.clause, "both", check.grade.rawValue, check.title])
        }
        let sorted = ruleSet.rules.sorted {
            ($0.standard, ClauseNumber.compare($0.clause, $1.clause), $0.id) < ($1.standard, 0, $1.id)
        }
        for rule in sorted {
            let stages =
                rule.stages == Stage.initialAudit
                ? "both"
                : Stage.allCases.filter(rule.stages.contains).map(\.rawValue).joined(separator: ",")
            rows.append([rule.id, rule.standard.rawValue, rule.clause, stages, rule.grade.rawValue, rule.title])
        }
        return table(rows)
    }

    static func parameters(_ ruleSet: RuleSet) -> String {
        var rows: [[String]] = [["PARAMETER", "DEFAULT", "DESCRIPTION"]]
        for (name, parameter) in ruleSet.parameters.sorted(by: { $0.key < $1.key }) {
            rows.append([name, RuleListing.describe(parameter.defaultValue), parameter.description ?? ""])
        }
        return table(rows)
    }

    static func describe(_ literal: Expr.Literal) -> String {
        switch literal {
        case .number(let number): return number == number.rounded() ? String(Int(number)) : String(number)
        case .text(let text): return "\"\(text)\""
        case .bool(let bool): return String(bool)
        case .date(let date): return date.description
        case .duration(let amount, let unit): return "\(amount) \(unit.rawValue)"
        }
    }

    /// Left-aligned columns; the last column is not padded.
    static func table(_ rows: [[String]]) -> String {
        guard let columns = rows.first?.count else { return "" }
        let widths = (0..<columns).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == columns - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
