/// The JSON report written member by member, exactly as each type's `Encodable` conformance
/// encodes it (``JSONReportRenderer``). Members are listed in the byte order of their keys;
/// optional members are left out or written as `null` as the conformance does. A property added
/// to a report type must be added here too: `JSONReportWriterTests` compares with `JSONEncoder`.

extension AuditReport: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("as_of", asOf)
            json.member("audience", audience)
            json.member("clauses", clauses)
            json.member("complaint_indicators", ifPresent: complaintIndicators)
            json.member("corrective_action_plan", ifPresent: correctiveActionPlan)
            json.member("export_notes", exportNotes)
            json.member("findings", findings)
            json.member("generated_at", ifPresent: generatedAt)
            json.member("inputs", inputs)
            json.member("language", language)
            json.member("not_applicable", notApplicable)
            json.member("not_exported", ifPresent: notExported)
            json.member("organisation", ifPresent: organisation)
            json.member("parameter_overrides", ifPresent: parameterOverrides)
            json.member("previous", ifPresent: previous)
            json.member("principles", principles)
            json.member("readiness", readiness)
            json.member("recommendation", ifPresent: recommendation)
            json.member("recommendation_basis", ifPresent: recommendationBasis)
            json.member("rule_results", ruleResults)
            json.member("rules", rules)
            json.member("stage", stage)
            json.member("standards", standards)
            json.member("summary", summary)
            json.member("tool", tool)
        }
    }
}

extension OrganisationIdentity: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("id", ifPresent: id)
            json.member("name", ifPresent: name)
            json.member("scope", ifPresent: scope)
            json.member("sites", ifPresent: sites)
        }
    }
}

extension AuditReport.Tool: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("name", name)
            json.member("version", version)
        }
    }
}

extension AuditReport.Summary: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("concern", ifPresent: concern)
            json.member("major", major)
            json.member("minor", minor)
            json.member("observation", observation)
            json.member("opportunity", opportunity)
            json.member("waived", waived)
        }
    }
}

extension AuditReport.ClauseResult: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("clause", clause)
            json.member("justification", ifPresent: justification)
            json.member("requirement", ifPresent: requirement)
            json.member("rules", rules)
            json.member("standard", standard)
            json.member("status", status)
            json.member("title", title)
            json.member("verify_on_site", ifPresent: verifyOnSite)
        }
    }
}

extension AuditReport.RuleSetInfo: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("evaluated", evaluated)
            json.member("fingerprint", fingerprint)
        }
    }
}

extension Finding: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            if !arguments.isEmpty { json.member("arguments", arguments) }
            json.member("clause", clause)
            json.member("collection", orNull: collection)
            if !evidence.isEmpty { json.member("evidence", evidence) }
            json.member("fingerprint", fingerprint)
            json.member("grade", grade)
            json.member("location", location)
            json.member("message", message)
            json.member("record", orNull: record)
            json.member("rule", rule)
            json.member("stage2_grade", ifPresent: stage2Grade)
            json.member("standard", standard)
            json.member("waiver", ifPresent: waiver)
        }
    }
}

extension Finding.Location: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("file", orNull: file)
            json.member("line", orNull: line)
        }
    }
}

extension Waiver: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("approver", ifPresent: approver)
            json.member("corrective_action", ifPresent: correctiveAction)
            json.member("expires", ifPresent: expires)
            json.member("fingerprint", ifPresent: fingerprint)
            json.member("justification", ifPresent: justification)
            json.member("line", line)
            json.member("record", ifPresent: recordPattern)
            json.member("rule", ifPresent: rule)
        }
    }
}

extension InputFile: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("format", format)
            json.member("path", path)
            json.member("records", records)
            json.member("sha256", sha256)
            json.member("sheet", ifPresent: sheet)
        }
    }
}

extension NotApplicableDeclaration: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("accepted", accepted)
            json.member("clause", clause)
            json.member("justification", ifPresent: justification)
        }
    }
}

extension PrincipleStanding: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("clauses", clauses)
            json.member("conforming", conforming)
            json.member("gaps", gaps)
            json.member("level", level)
            json.member("major_findings", majorFindings)
            json.member("not_assessed", notAssessed)
            json.member("principle", principle)
        }
    }
}

extension Readiness: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("blocking", ifPresent: blocking)
            json.member("overall_percent", ifPresent: overallPercent)
            json.member("sections", sections)
            json.member("stage2_verdict", ifPresent: stage2)
        }
    }
}

extension Readiness.Section: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("conforming", conforming)
            json.member("gaps", gaps)
            json.member("not_applicable", notApplicable)
            json.member("not_assessed", notAssessed)
            json.member("percent", ifPresent: percent)
            json.member("section", section)
            json.member("standard", standard)
        }
    }
}

extension RuleResult: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("arguments", arguments)
            json.member("clause", clause)
            json.member("findings", findings)
            json.member("grade", grade)
            json.member("guidance", ifPresent: guidance)
            json.member("id", id)
            json.member("standard", standard)
            json.member("title", title)
        }
    }
}

extension CorrectiveAction: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("action", action)
            json.member("clause", clause)
            json.member("correction", correction)
            json.member("due_on", ifPresent: dueOn)
            json.member("finding", finding)
            json.member("grade", grade)
            json.member("owner", owner)
            json.member("record", ifPresent: record)
            json.member("root_cause", rootCause)
            json.member("rule", rule)
            json.member("standard", standard)
        }
    }
}

extension ComplaintIndicators: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("acknowledgement", acknowledgement)
            json.member("by_month", byMonth)
            json.member("resolution", resolution)
            json.member("total", total)
        }
    }
}

extension ComplaintIndicators.Month: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("count", count)
            json.member("month", month)
        }
    }
}

extension ComplaintIndicators.Timing: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("max_days", ifPresent: maxDays)
            json.member("measured", measured)
            json.member("median_days", ifPresent: medianDays)
            json.member("pending", pending)
            json.member("percent_within_target", ifPresent: percentWithinTarget)
            json.member("target_days", ifPresent: targetDays)
            json.member("within_target", ifPresent: withinTarget)
        }
    }
}

extension Standard: JSONWritable {}
extension Grade: JSONWritable {}
extension Stage: JSONWritable {}
extension Language: JSONWritable {}
extension Audience: JSONWritable {}
extension AuditReport.ClauseStatus: JSONWritable {}
extension Readiness.Verdict: JSONWritable {}
extension Recommendation: JSONWritable {}
extension PrincipleStanding.Level: JSONWritable {}
extension QualityPrinciple: JSONWritable {}

extension ExportNote: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("collection", orNull: collection)
            json.member("kind", kind)
            json.member("location", location)
            json.member("message", message)
            json.member("record", orNull: record)
        }
    }
}

extension RecommendationBasis: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("majors_verified_by", ifPresent: majorsVerifiedBy)
            json.member("not_assessed", notAssessed)
        }
    }
}

extension MessageArgument: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("items", ifPresent: items)
            json.member("type", type)
            json.member("value", ifPresent: value)
        }
    }
}

extension MessageArgument.Kind: JSONWritable {}
