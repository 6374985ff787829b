/// Finds date fields whose text is not a real ISO 8601 date (ISO 9001 7.5.3): a record that says
/// a complaint arrived on 30 February cannot be relied on, and rules cannot use it.
enum DateIntegrityCheck {
    /// Date fields of the records contract: names ending in `_on`, and the audit programme period.
    static func isDateField(_ name: String) -> Bool {
        name.hasSuffix("_on") || name == "period_start" || name == "period_end"
    }

    static func findings(root: Record, language: Language = .en) -> [RuleEvaluator.RawFinding] {
        var findings: [RuleEvaluator.RawFinding] = []
        var dateFields: [Name: Bool] = [:]
        func visit(_ record: Record, collection: String, owner: Record) {
            let owner = record.id == nil ? owner : record
            for field in record.fields {
                let isDate = dateFields[field.name] ?? {
                    let answer = isDateField(field.name.string)
                    dateFields[field.name] = answer
                    return answer
                }()
                switch field.value {
                case .text(let text):
                    if isDate, CalendarDate.parse(text) == nil {
                        let message: String
                        if language == .fr {
                            let subject = owner.id.map { "L'enregistrement \(Display.quoted($0)) de \(collection)" } ?? "L'enregistrement \(collection)"
                            message = "\(subject) indique \(field.name) = \(Display.quoted(text)), qui n'est pas une date valide ; les dates s'écrivent AAAA-MM-JJ, par exemple 2026-03-01."
                        } else {
                            let subject = owner.id.map { "Record \(Display.quoted($0)) in \(collection)" } ?? "The \(collection) record"
                            message = "\(subject) gives \(field.name) as \(Display.quoted(text)), which is not a valid date; dates are written YYYY-MM-DD, such as 2026-03-01."
                        }
                        findings.append(RuleEvaluator.RawFinding(
                            grade: BuiltinCheck.invalidDate.grade, collection: collection, record: owner.id,
                            message: message,
                            location: owner.location))
                    }
                case .record(let inner):
                    visit(inner, collection: owner.id == nil ? field.name.string : collection, owner: owner)
                case .list(let items):
                    for item in items {
                        if let inner = item.record {
                            visit(inner, collection: owner.id == nil ? field.name.string : collection, owner: owner)
                        }
                    }
                }
            }
        }
        visit(root, collection: "records", owner: root)
        return findings
    }
}
