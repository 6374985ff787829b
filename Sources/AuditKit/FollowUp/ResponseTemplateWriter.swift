/// Writes a responses file to fill in: one entry for every open finding of a stage 2 report,
/// naming the finding (fingerprint, rule, clause, grade, record, message) and leaving the
/// organisation's parts empty. Comments are in the chosen language; keys stay in English.
public enum ResponseTemplateWriter {
    /// The YAML text of the template for `report`.
    public static func template(for report: StageTwoReport, language: Language) -> String {
        let fr = language == .fr
        let strings = ReportStrings.for(language)
        var lines: [String] = []
        let inputs = report.inputs.map(\.path).joined(separator: ", ")
        if fr {
            lines += [
                "# Réponses aux constats de l'audit de certification (étape 2) du \(report.asOf) (\(inputs)).",
                "# Pour chaque constat, remplissez\u{00A0}: correction (ce qui a été fait sur l'enregistrement lui-même),",
                "# root_cause (la cause racine), corrective_action (ce qui empêche que cela se reproduise),",
                "# owner (le responsable) et due_on (l'échéance, AAAA-MM-JJ)\u{00A0}; une fois l'action réalisée,",
                "# completed_on (AAAA-MM-JJ) et evidence (identifiants d'enregistrements ou références de documents).",
                "# Ne modifiez pas fingerprint, rule, clause, grade, record ni finding\u{00A0}: ils désignent le constat.",
                "# Une non-conformité majeure doit être corrigée et vérifiée dans les six mois suivant le dernier jour",
                "# de l'étape 2\u{00A0}; pour une mineure, un plan complet suffit, sa mise en œuvre est vérifiée à l'audit suivant."
            ]
        } else {
            lines += [
                "# Responses to the findings of the certification audit (stage 2) of \(report.asOf) (\(inputs)).",
                "# For each finding fill in: correction (what was done to the record itself), root_cause,",
                "# corrective_action (what stops it happening again), owner and due_on (YYYY-MM-DD); once done,",
                "# completed_on (YYYY-MM-DD) and evidence (record ids or document references).",
                "# Leave fingerprint, rule, clause, grade, record and finding as they are: they name the finding.",
                "# A major nonconformity must be corrected and verified within six months of the last day of stage 2;",
                "# for a minor one a complete plan suffices, its implementation is verified at the next audit."
            ]
        }
        lines += ["version: \(ResponseFileReader.version)"]
        let open = report.openFindings
        guard !open.isEmpty else {
            lines.append(fr ? "responses: []  # aucun constat ouvert" : "responses: []  # no open finding")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("responses:")
        let auditDate = report.auditDate
        for finding in open {
            let grade = finding.auditGrade
            let suggested = CorrectiveActionPlan.dueDays(for: grade).map { auditDate.adding(days: $0) }
            lines.append("")
            lines.append("  # \(strings.grade(grade)) — \(strings.clauseReference(finding.standard, finding.clause))")
            lines.append("  - fingerprint: \(quoted(finding.fingerprint))")
            lines.append("    rule: \(quoted(finding.rule))")
            lines.append("    clause: \(quoted("\(finding.standard.rawValue) \(finding.clause)"))")
            lines.append("    grade: \(grade.rawValue)")
            lines.append("    record: \(finding.record.map(quoted) ?? "null")")
            lines.append("    finding: \(quoted(finding.message))")
            lines.append("    correction: \"\"")
            lines.append("    root_cause: \"\"")
            lines.append("    corrective_action: \"\"")
            lines.append("    owner: \"\"")
            if let suggested {
                lines.append(
                    "    due_on: \"\"  # " + (fr ? "au plus tard le \(suggested)" : "at the latest \(suggested)"))
            } else {
                lines.append(
                    "    due_on: \"\"  # "
                        + (fr ? "aucune réponse exigée pour ce constat" : "no response required for this finding"))
            }
            lines.append("    completed_on: \"\"")
            lines.append("    evidence: []")
            lines.append("    comment: \"\"")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar: backslashes, quotes and control characters escaped, so no
    /// text of a finding can break the file's structure.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
                {
                    out +=
                        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
