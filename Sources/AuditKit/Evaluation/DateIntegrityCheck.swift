/// Finds date fields whose text is not a real ISO 8601 date (ISO 9001 7.5.3): a record that says
/// a complaint arrived on 30 February cannot be relied on, and rules cannot use it.
enum DateIntegrityCheck {
    /// Date fields of the records contract. A field the contract does not define (`recieved_on`)
    /// is a defect of the export, listed as an export note, not a lapse in the record.
    static func isDateField(_ name: String) -> Bool {
        RecordsContract.dateFields.contains(name)
    }

    static func findings(root: Record, language: Language = .en) -> [RuleEvaluator.RawFinding] {
        var findings: [RuleEvaluator.RawFinding] = []
        // Whether each name is a date field, by name number: 0 not asked yet, 1 no, 2 yes.
        var dateFields: [UInt8] = []
        func isDate(_ record: Record, at position: Int) -> Bool {
            let id = Int(record.name(at: position).id)
            if id < dateFields.count, dateFields[id] != 0 { return dateFields[id] == 2 }
            return learn(record, at: position)
        }
        // A name met for the first time: spelled once, out of the loop over fields.
        func learn(_ record: Record, at position: Int) -> Bool {
            let id = Int(record.name(at: position).id)
            if id >= dateFields.count { dateFields += Array(repeating: 0, count: id + 1 - dateFields.count) }
            dateFields[id] = isDateField(record.fieldName(at: position)) ? 2 : 1
            return dateFields[id] == 2
        }
        func visit(_ record: Record, collection: String, owner: Record) {
            let recordID = record.id
            let owner = recordID == nil ? owner : record
            let ownerID = recordID ?? owner.id
            for position in 0..<record.fieldCount {
                let isDate = isDate(record, at: position)
                // A text kept as a word is read out only when its field is a date, and not even
                // then when the word holds a real day written like a date (read from its digits,
                // as parsing the text would: ``CompactText/date(_:)``).
                if let word = record.textWord(at: position) {
                    if !isDate { continue }
                    if CompactText.isRealDay(word) { continue }
                }
                let field = record.field(at: position)
                switch field.value {
                case .text(let text):
                    if isDate, CalendarDate.parse(text) == nil {
                        let fieldName = record.fieldName(at: position)
                        let message: String
                        if language == .fr {
                            let subject =
                                ownerID.map { "Dans l'enregistrement \(Display.quoted($0)) (collection \(collection))" }
                                ?? "Dans l'enregistrement \(collection)"
                            message =
                                "\(subject), le champ \(fieldName) vaut \(Display.quoted(text)), qui n'est pas une date réelle : l'enregistrement ne montre pas quand l'étape a eu lieu (les dates s'écrivent AAAA-MM-JJ)."
                        } else {
                            let subject =
                                ownerID.map { "Record \(Display.quoted($0)) (collection \(collection))" }
                                ?? "The \(collection) record"
                            message =
                                "\(subject) gives its field \(fieldName) as \(Display.quoted(text)), not a real date: the record does not show when that step happened (dates are written YYYY-MM-DD)."
                        }
                        findings.append(
                            RuleEvaluator.RawFinding(
                                grade: BuiltinCheck.invalidDate.grade, collection: collection, record: ownerID,
                                message: message,
                                location: owner.location))
                    }
                case .record(let inner):
                    visit(inner, collection: ownerID == nil ? record.fieldName(at: position) : collection, owner: owner)
                case .list(let items):
                    let innerCollection = ownerID == nil ? record.fieldName(at: position) : collection
                    for item in items {
                        if let inner = item.record {
                            visit(inner, collection: innerCollection, owner: owner)
                        }
                    }
                }
            }
        }
        visit(root, collection: "records", owner: root)
        return findings
    }
}
