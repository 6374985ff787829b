/// The `previous` section written member by member, in the byte order of its keys, exactly as its
/// `Encodable` conformance encodes it.
extension PreviousAudit: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("as_of", asOf)
            json.member("findings", findings)
            json.member("path", path)
            json.member("sha256", sha256)
            json.member("stage", stage)
        }
    }
}

extension PreviousAudit.Item: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("clause", clause)
            json.member("fingerprint", fingerprint)
            json.member("grade", grade)
            json.member("message", message)
            json.member("record", orNull: record)
            json.member("rule", rule)
            json.member("standard", standard)
            json.member("status", status)
        }
    }
}

extension PreviousFindingStatus: JSONWritable {}
