/// The JSON report written member by member, exactly as each type's `Encodable` conformance
/// encodes it (``JSONReportRenderer``), and as its `Decodable` conformance reads it back: every
/// member is named by the type's `CodingKeys`, the one place its key is spelled. Members are
/// listed in the byte order of their keys (a debug build stops on one out of order); optional
/// members are left out or written as `null` as the conformance does. A property added to a
/// report type must be added here too: `JSONReportWriterTests` compares with `JSONEncoder`.

extension AuditReport: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.asOf, asOf)
            json.member(CodingKeys.audience, audience)
            json.member(CodingKeys.clauses, clauses)
            json.member(CodingKeys.complaintIndicators, ifPresent: complaintIndicators)
            json.member(CodingKeys.correctiveActionPlan, ifPresent: correctiveActionPlan)
            json.member(CodingKeys.exportNotes, exportNotes)
            json.member(CodingKeys.fieldsNotExported, ifPresent: fieldsNotExported)
            json.member(CodingKeys.findings, findings)
            json.member(CodingKeys.generatedAt, ifPresent: generatedAt)
            json.member(CodingKeys.inputs, inputs)
            json.member(CodingKeys.language, language)
            json.member(CodingKeys.notApplicable, notApplicable)
            json.member(CodingKeys.notExported, ifPresent: notExported)
            json.member(CodingKeys.organisation, ifPresent: organisation)
            json.member(CodingKeys.parameterOverrides, ifPresent: parameterOverrides)
            json.member(CodingKeys.previous, ifPresent: previous)
            json.member(CodingKeys.principles, principles)
            json.member(CodingKeys.readiness, readiness)
            json.member(CodingKeys.recommendation, ifPresent: recommendation)
            json.member(CodingKeys.recommendationBasis, ifPresent: recommendationBasis)
            json.member(CodingKeys.ruleResults, ruleResults)
            json.member(CodingKeys.rules, rules)
            json.member(CodingKeys.stage, stage)
            json.member(CodingKeys.standards, standards)
            json.member(CodingKeys.summary, summary)
            json.member(CodingKeys.tool, tool)
        }
    }
}

extension OrganisationIdentity: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.id, ifPresent: id)
            json.member(CodingKeys.name, ifPresent: name)
            json.member(CodingKeys.scope, ifPresent: scope)
            json.member(CodingKeys.sites, ifPresent: sites)
        }
    }
}

extension AuditReport.Tool: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.name, name)
            json.member(CodingKeys.version, version)
        }
    }
}

extension AuditReport.Summary: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.concern, ifPresent: concern)
            json.member(CodingKeys.major, major)
            json.member(CodingKeys.minor, minor)
            json.member(CodingKeys.observation, observation)
            json.member(CodingKeys.opportunity, opportunity)
            json.member(CodingKeys.waived, waived)
        }
    }
}

extension AuditReport.ClauseResult: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.clause, clause)
            json.member(CodingKeys.justification, ifPresent: justification)
            json.member(CodingKeys.requirement, ifPresent: requirement)
            json.member(CodingKeys.rules, rules)
            json.member(CodingKeys.standard, standard)
            json.member(CodingKeys.status, status)
            json.member(CodingKeys.title, title)
            json.member(CodingKeys.verifyOnSite, ifPresent: verifyOnSite)
        }
    }
}

extension AuditReport.RuleSetInfo: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.evaluated, evaluated)
            json.member(CodingKeys.fingerprint, fingerprint)
        }
    }
}

extension Finding: JSONWritable {
    func write(to json: inout JSONWriter) {
        let (message, arguments) = text.messageAndArguments
        json.object { json in
            if !arguments.isEmpty { json.member(CodingKeys.arguments, arguments) }
            json.member(CodingKeys.clause, clause)
            json.member(CodingKeys.collection, orNull: collection)
            if !evidence.isEmpty { json.member(CodingKeys.evidence, evidence) }
            json.member(CodingKeys.fingerprint, fingerprint)
            json.member(CodingKeys.grade, grade)
            json.member(CodingKeys.location, location)
            json.member(CodingKeys.message, message)
            json.member(CodingKeys.record, orNull: record)
            json.member(CodingKeys.rule, rule)
            json.member(CodingKeys.stage2Grade, ifPresent: stage2Grade)
            json.member(CodingKeys.standard, standard)
            json.member(CodingKeys.waiver, ifPresent: waiver)
        }
    }
}

extension Finding.Location: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.cell, ifPresent: cell)
            json.member(CodingKeys.file, orNull: file)
            json.member(CodingKeys.line, orNull: line)
            json.member(CodingKeys.sheet, ifPresent: sheet)
        }
    }
}

extension Waiver: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.approver, ifPresent: approver)
            json.member(CodingKeys.correctiveAction, ifPresent: correctiveAction)
            json.member(CodingKeys.expires, ifPresent: expires)
            json.member(CodingKeys.fingerprint, ifPresent: fingerprint)
            json.member(CodingKeys.justification, ifPresent: justification)
            json.member(CodingKeys.line, line)
            json.member(CodingKeys.recordPattern, ifPresent: recordPattern)
            json.member(CodingKeys.rule, ifPresent: rule)
        }
    }
}

extension InputFile: JSONWritable {
    /// The keys of an input file in a report, for its `Codable` conformance and the writer
    /// (`InputFile` is declared with the records, in `Records/InputFile.swift`).
    enum CodingKeys: String, CodingKey { case path, format, sha256, records, sheet }

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.format, format.rawValue)
            json.member(CodingKeys.path, path)
            json.member(CodingKeys.records, records)
            json.member(CodingKeys.sha256, sha256)
            json.member(CodingKeys.sheet, ifPresent: sheet)
        }
    }
}

extension NotApplicableDeclaration: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.accepted, accepted)
            json.member(CodingKeys.clause, clause)
            json.member(CodingKeys.justification, ifPresent: justification)
        }
    }
}

extension PrincipleStanding: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.clauses, clauses)
            json.member(CodingKeys.conforming, conforming)
            json.member(CodingKeys.gaps, gaps)
            json.member(CodingKeys.level, level)
            json.member(CodingKeys.majorFindings, majorFindings)
            json.member(CodingKeys.notAssessed, notAssessed)
            json.member(CodingKeys.principle, principle)
        }
    }
}

extension Readiness: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.blocking, ifPresent: blocking)
            json.member(CodingKeys.overallPercent, ifPresent: overallPercent)
            json.member(CodingKeys.sections, sections)
            json.member(CodingKeys.stage2, ifPresent: stage2)
        }
    }
}

extension Readiness.Section: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.conforming, conforming)
            json.member(CodingKeys.gaps, gaps)
            json.member(CodingKeys.notApplicable, notApplicable)
            json.member(CodingKeys.notAssessed, notAssessed)
            json.member(CodingKeys.percent, ifPresent: percent)
            json.member(CodingKeys.section, section)
            json.member(CodingKeys.standard, standard)
        }
    }
}

extension RuleResult: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.arguments, arguments)
            json.member(CodingKeys.clause, clause)
            json.member(CodingKeys.findings, findings)
            json.member(CodingKeys.grade, grade)
            json.member(CodingKeys.guidance, ifPresent: guidance)
            json.member(CodingKeys.id, id)
            json.member(CodingKeys.standard, standard)
            json.member(CodingKeys.title, title)
        }
    }
}

extension CorrectiveAction: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.action, action)
            json.member(CodingKeys.clause, clause)
            json.member(CodingKeys.correction, correction)
            json.member(CodingKeys.dueOn, ifPresent: dueOn)
            json.member(CodingKeys.finding, finding)
            json.member(CodingKeys.grade, grade)
            json.member(CodingKeys.owner, owner)
            json.member(CodingKeys.record, ifPresent: record)
            json.member(CodingKeys.rootCause, rootCause)
            json.member(CodingKeys.rule, rule)
            json.member(CodingKeys.standard, standard)
        }
    }
}

extension ComplaintIndicators: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.acknowledgement, acknowledgement)
            json.member(CodingKeys.byMonth, byMonth)
            json.member(CodingKeys.resolution, resolution)
            json.member(CodingKeys.total, total)
        }
    }
}

extension ComplaintIndicators.Month: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.count, count)
            json.member(CodingKeys.month, month)
        }
    }
}

extension ComplaintIndicators.Timing: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.maxDays, ifPresent: maxDays)
            json.member(CodingKeys.measured, measured)
            json.member(CodingKeys.medianDays, ifPresent: medianDays)
            json.member(CodingKeys.pending, pending)
            json.member(CodingKeys.percentWithinTarget, ifPresent: percentWithinTarget)
            json.member(CodingKeys.targetDays, ifPresent: targetDays)
            json.member(CodingKeys.withinTarget, ifPresent: withinTarget)
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
            json.member(CodingKeys.collection, orNull: collection)
            json.member(CodingKeys.kind, kind)
            json.member(CodingKeys.location, location)
            json.member(CodingKeys.message, message)
            json.member(CodingKeys.record, orNull: record)
        }
    }
}

extension RecommendationBasis: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.majorsVerifiedBy, ifPresent: majorsVerifiedBy)
            json.member(CodingKeys.notAssessed, notAssessed)
        }
    }
}

extension MessageArgument: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member(CodingKeys.items, ifPresent: items)
            json.member(CodingKeys.type, type)
            json.member(CodingKeys.value, ifPresent: value)
        }
    }
}

extension MessageArgument.Kind: JSONWritable {}
