import Foundation

/// An audit programme as JSON for machines: sorted keys, dates as `YYYY-MM-DD`, auditor-days as
/// numbers (`1.5`), titles in the report's language.
public enum ProgrammeJSONRenderer {
    struct Document: Encodable {
        var certifiedOn: String, expiresOn: String, personnel: Int, sites: Int, standards: [String]
        var language: String
        var parameters: [String: Int]
        var auditTime: AuditTime
        var audits: [Audit]
        var applicableClauses: [Clause]
        var notApplicable: [String]
        var surveillanceTopics: [Topic]
        var ruleSet: String

        enum CodingKeys: String, CodingKey {
            case certifiedOn = "certified_on", expiresOn = "expires_on", personnel, sites, standards, language,
                parameters
            case auditTime = "audit_time", audits, applicableClauses = "applicable_clauses", notApplicable =
                "not_applicable"
            case surveillanceTopics = "surveillance_topics", ruleSet = "rule_set"
        }
    }

    struct AuditTime: Encodable {
        var source: String, tableDays: Double, initialDays: Double, adjustmentPercent: Int, reductionCapped: Bool
        var extrapolated: Bool

        enum CodingKeys: String, CodingKey {
            case source, tableDays = "table_days", initialDays = "initial_days", adjustmentPercent =
                "adjustment_percent"
            case reductionCapped = "reduction_capped", extrapolated
        }
    }

    struct Audit: Encodable {
        var kind: String, title: String, earliest: String?, latest: String?, planned: String?, auditorDays: Double
        var sitesVisited: Int, clauses: [String], topics: [String]

        enum CodingKeys: String, CodingKey {
            case kind, title, earliest, latest, planned, auditorDays = "auditor_days", sitesVisited = "sites_visited"
            case clauses, topics
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kind, forKey: .kind)
            try container.encode(title, forKey: .title)
            // Absent dates are written as null, so every audit has the same keys.
            try container.encode(earliest, forKey: .earliest)
            try container.encode(latest, forKey: .latest)
            try container.encode(planned, forKey: .planned)
            try container.encode(auditorDays, forKey: .auditorDays)
            try container.encode(sitesVisited, forKey: .sitesVisited)
            try container.encode(clauses, forKey: .clauses)
            try container.encode(topics, forKey: .topics)
        }
    }

    struct Clause: Encodable { var standard: String, clause: String, title: String, topic: String? }
    struct Topic: Encodable { var id: String, title: String }

    /// The JSON text of `programme`, ending with a line break.
    public static func render(_ programme: AuditProgramme, language: Language) -> String {
        let s = ProgrammeStrings(language)
        let p = programme.parameters
        var parameters: [String: Int] = [:]
        for specification in ProgrammeParameters.specifications {
            parameters[specification.name] = p[keyPath: specification.keyPath]
        }
        let document = Document(
            certifiedOn: programme.certifiedOn.description, expiresOn: programme.expiresOn.description,
            personnel: programme.personnel, sites: programme.sites, standards: programme.standards.map(\.rawValue),
            language: language.rawValue, parameters: parameters,
            auditTime: AuditTime(
                source: AuditTimeTable.source, tableDays: programme.tableTime.value,
                initialDays: programme.initialTime.value, adjustmentPercent: p.appliedAdjustment,
                reductionCapped: p.reductionCapped, extrapolated: programme.extrapolated),
            audits: programme.audits.map { audit in
                Audit(
                    kind: audit.kind.rawValue, title: s.kind(audit.kind), earliest: audit.earliest?.description,
                    latest: audit.latest?.description, planned: audit.planned?.description,
                    auditorDays: audit.auditorDays.value, sitesVisited: audit.sitesToVisit,
                    clauses: audit.clauses.map { "\($0.standard.rawValue) \($0.clause)" },
                    topics: audit.topics.map(\.id))
            },
            applicableClauses: programme.applicable.map {
                Clause(standard: $0.standard.rawValue, clause: $0.clause, title: $0.title(language), topic: $0.topic)
            },
            notApplicable: programme.notApplicable,
            surveillanceTopics: (programme.audit(.surveillance1)?.topics ?? []).map {
                Topic(id: $0.id, title: $0.title(language))
            },
            ruleSet: programme.ruleSetFingerprint)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail.
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
