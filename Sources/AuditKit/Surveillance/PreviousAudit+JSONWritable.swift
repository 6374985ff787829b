/// The `previous` section written member by member, in the byte order of its keys, exactly as its
/// `Encodable` conformance encodes it.
extension PreviousAudit: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.asOf, asOf)
            json.member(CodingKeys.findings, findings)
            json.member(CodingKeys.path, path)
            json.member(CodingKeys.sha256, sha256)
            json.member(CodingKeys.stage, stage)
        }
    }
}

extension PreviousAudit.Item: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.clause, clause)
            json.member(CodingKeys.fingerprint, fingerprint)
            json.member(CodingKeys.grade, grade)
            json.member(CodingKeys.message, message)
            json.member(CodingKeys.record, orNull: record)
            json.member(CodingKeys.rule, rule)
            json.member(CodingKeys.standard, standard)
            json.member(CodingKeys.status, status)
        }
    }
}

extension PreviousFindingStatus: JSONWritable {}
