/// One graded finding: a rule that did not hold, for one record or for the export as a whole.
public struct Finding: Sendable, Hashable, Codable, Comparable {
    /// The id of the rule that raised it.
    public var rule: String
    /// The standard of that rule.
    public var standard: Standard
    /// The clause it concerns (`9.2.2`).
    public var clause: String
    /// The grade: at stage 1 ``Grade/concern``, at later audits the nonconformity grade.
    public var grade: Grade
    /// Stage 1 only: the grade the area of concern would carry at stage 2 if not resolved.
    public var stage2Grade: Grade?
    /// The grade that counts for thresholds, readiness and the order of findings: the stage 2
    /// grade of an area of concern, else the grade itself.
    public var auditGrade: Grade { stage2Grade ?? grade }
    /// The collection of the record concerned (`complaints`), when there is one.
    public var collection: String?
    /// The id of the record concerned, or nil for a finding about the export as a whole.
    public var record: String?
    /// The message, with placeholders filled from the record, in the report's language.
    public var message: String {
        get { text.message }
        set { text = .given(newValue, arguments) }
    }
    /// The values the message shows, typed and independent of language, in the order of the
    /// rule's `arguments` (``RuleResult/arguments``): the message can be written again in
    /// another language from them (``RuleSet/message(for:in:)``).
    public var arguments: [MessageArgument] {
        get { text.arguments }
        set { text = .given(message, newValue) }
    }
    /// The message and arguments, kept as given or as the rule's message and packed values.
    var text: FindingText
    /// Where the record is.
    public var location: Location
    /// For a systemic finding (a rule failing on many of the records it examined, graded major
    /// under the rule's own id, with no record), the minor findings it groups; empty otherwise.
    public var evidence: [Finding] = []
    /// A stable identity across runs, keyed on rule and record (never on position), so adding a
    /// record does not change the identity of other findings. Set by the engine.
    public var fingerprint: String {
        get { fingerprintText.string }
        set { fingerprintText = .given(newValue) }
    }
    /// The fingerprint, kept as given or as the engine's digest (written when read).
    var fingerprintText = FingerprintText.given("")
    /// The accepted waiver that covers this finding, if any. Waived findings stay in the report.
    public var waiver: Waiver? {
        get { waivers.first }
        set { waivers = newValue.map { [$0] } ?? [] }
    }
    /// The waiver, out of line: a `Waiver?` stored inline made every finding 272 bytes instead of
    /// 160, for the few that have one (tens of thousands of findings at 300,000 complaints).
    private var waivers: [Waiver] = []

    /// Creates a finding.
    public init(
        rule: String, standard: Standard, clause: String, grade: Grade, collection: String? = nil,
        record: String?, message: String, location: Location, arguments: [MessageArgument] = []
    ) {
        self.init(
            rule: rule, standard: standard, clause: clause, grade: grade, collection: collection, record: record,
            text: .given(message, arguments), location: location)
    }

    /// Creates a finding whose message and arguments are `text`.
    init(
        rule: String, standard: Standard, clause: String, grade: Grade, collection: String?, record: String?,
        text: FindingText, location: Location
    ) {
        self.rule = rule
        self.standard = standard
        self.clause = clause
        self.grade = grade
        self.collection = collection
        self.record = record
        self.text = text
        self.location = location
    }

    /// Equal in every property (messages compared as written, however they are kept).
    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.rule == rhs.rule && lhs.standard == rhs.standard && lhs.clause == rhs.clause && lhs.grade == rhs.grade
            && lhs.stage2Grade == rhs.stage2Grade && lhs.collection == rhs.collection && lhs.record == rhs.record
            && lhs.location == rhs.location && lhs.fingerprint == rhs.fingerprint && lhs.waivers == rhs.waivers
            && lhs.text == rhs.text && lhs.arguments == rhs.arguments && lhs.evidence == rhs.evidence
    }

    /// Hashes the properties that identify a finding without writing its message.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(standard)
        hasher.combine(clause)
        hasher.combine(record)
        hasher.combine(location)
        hasher.combine(fingerprint)
    }

    /// Deterministic order: standard, clause (numerically), rule, file, line, record, message.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        withUnsafePointer(to: lhs) { lhs in withUnsafePointer(to: rhs) { rhs in precedes(lhs, rhs) } }
    }

    /// `<` on findings read in place: sorting positions by comparing the values copied both
    /// findings (every string in them retained and released) at each comparison.
    static func precedes(_ lhs: UnsafePointer<Finding>, _ rhs: UnsafePointer<Finding>) -> Bool {
        if lhs.pointee.standard != rhs.pointee.standard { return lhs.pointee.standard < rhs.pointee.standard }
        let clauseOrder = ClauseNumber.compare(lhs.pointee.clause, rhs.pointee.clause)
        if clauseOrder != 0 { return clauseOrder < 0 }
        if lhs.pointee.rule != rhs.pointee.rule { return lhs.pointee.rule < rhs.pointee.rule }
        if lhs.pointee.location.file != rhs.pointee.location.file {
            return (lhs.pointee.location.file ?? "") < (rhs.pointee.location.file ?? "")
        }
        if lhs.pointee.location.line != rhs.pointee.location.line {
            return (lhs.pointee.location.line ?? 0) < (rhs.pointee.location.line ?? 0)
        }
        if lhs.pointee.location.sheet != rhs.pointee.location.sheet
            || lhs.pointee.location.cell != rhs.pointee.location.cell
        {
            return lhs.pointee.location.cellPrecedes(rhs.pointee.location)
        }
        if lhs.pointee.record != rhs.pointee.record { return (lhs.pointee.record ?? "") < (rhs.pointee.record ?? "") }
        return lhs.pointee.message < rhs.pointee.message
    }
}

extension Finding {
    enum CodingKeys: String, CodingKey {
        case rule, standard, clause, grade, collection, record, message, location, evidence, fingerprint, waiver
        case stage2Grade = "stage2_grade"
        case arguments
    }

    /// Reads a finding from a JSON report.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rule = try container.decode(String.self, forKey: .rule)
        standard = try container.decode(Standard.self, forKey: .standard)
        clause = try container.decode(String.self, forKey: .clause)
        grade = try container.decode(Grade.self, forKey: .grade)
        stage2Grade = try container.decodeIfPresent(Grade.self, forKey: .stage2Grade)
        let arguments = try container.decodeIfPresent([MessageArgument].self, forKey: .arguments) ?? []
        collection = try container.decodeIfPresent(String.self, forKey: .collection)
        record = try container.decodeIfPresent(String.self, forKey: .record)
        text = .given(try container.decode(String.self, forKey: .message), arguments)
        location = try container.decode(Location.self, forKey: .location)
        evidence = try container.decodeIfPresent([Finding].self, forKey: .evidence) ?? []
        fingerprint = try container.decodeIfPresent(String.self, forKey: .fingerprint) ?? ""
        waiver = try container.decodeIfPresent(Waiver.self, forKey: .waiver)
    }

    /// Writes absent values as `null`, so every finding has the same keys.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(standard, forKey: .standard)
        try container.encode(clause, forKey: .clause)
        try container.encode(grade, forKey: .grade)
        if !arguments.isEmpty { try container.encode(arguments, forKey: .arguments) }
        if let stage2Grade { try container.encode(stage2Grade, forKey: .stage2Grade) }
        try container.encode(collection, forKey: .collection)
        try container.encode(record, forKey: .record)
        try container.encode(message, forKey: .message)
        try container.encode(location, forKey: .location)
        if !evidence.isEmpty { try container.encode(evidence, forKey: .evidence) }
        try container.encode(fingerprint, forKey: .fingerprint)
        if let waiver { try container.encode(waiver, forKey: .waiver) }
    }
}
