/// How ready the organisation is: the share of assessed clauses that conform, per main section of
/// each standard and overall, and in stage 1 the verdict on readiness for stage 2.
public struct Readiness: Sendable, Codable, Equatable {
    /// The verdict of an initial assessment on going on to stage 2.
    public enum Verdict: String, Sendable, Codable {
        /// No area of concern.
        case ready
        /// Areas of concern to resolve, none blocking.
        case readyWithConcerns = "ready_with_concerns"
        /// At least one major gap, such as no internal audit cycle or management review yet.
        case notReady = "not_ready"
    }

    /// One main section (`9` for ISO 9001 clause 9) of a standard.
    public struct Section: Sendable, Codable, Equatable {
        public var standard: Standard
        /// The top-level clause number.
        public var section: String
        public var conforming: Int
        public var gaps: Int
        /// Clauses not assessed from records (no rule, or verified on site only).
        public var notAssessed: Int
        public var notApplicable: Int
        /// Conforming share of assessed clauses, 0 to 100; nil when none was assessed.
        public var percent: Int?

        enum CodingKeys: String, CodingKey {
            case standard, section, conforming, gaps, percent
            case notAssessed = "not_assessed"
            case notApplicable = "not_applicable"
        }
    }

    public var sections: [Section]
    /// Conforming share of every assessed clause, 0 to 100; nil when none was assessed.
    public var overallPercent: Int?
    /// Stage 1 only: may the organisation go on to stage 2?
    public var stage2: Verdict?
    /// Stage 1 only: the rules whose major findings block stage 2.
    public var blocking: [String]?

    enum CodingKeys: String, CodingKey {
        case sections, blocking
        case overallPercent = "overall_percent"
        case stage2 = "stage2_verdict"
    }

    /// Computes readiness from the clause matrix and the findings.
    public init(stage: Stage, clauses: [AuditReport.ClauseResult], findings: [Finding]) {
        var order: [String] = []
        var bySection: [String: Section] = [:]
        // A clause with sub-clauses sums them up: only the sub-clauses count.
        for clause in clauses where !ClauseMatrix.hasSubclauses(clause, in: clauses) {
            let top = ClauseNumber.parts(clause.clause).first ?? clause.clause
            let key = "\(clause.standard.rawValue) \(top)"
            if bySection[key] == nil {
                order.append(key)
                bySection[key] = Section(
                    standard: clause.standard, section: top, conforming: 0, gaps: 0,
                    notAssessed: 0, notApplicable: 0, percent: nil)
            }
            switch clause.status {
            case .conforming: bySection[key]!.conforming += 1
            case .gap: bySection[key]!.gaps += 1
            case .notAssessed: bySection[key]!.notAssessed += 1
            case .notApplicable: bySection[key]!.notApplicable += 1
            }
        }
        sections = order.map { key in
            var section = bySection[key]!
            section.percent = Readiness.percent(section.conforming, of: section.conforming + section.gaps)
            return section
        }
        let conforming = sections.reduce(0) { $0 + $1.conforming }
        overallPercent = Readiness.percent(conforming, of: conforming + sections.reduce(0) { $0 + $1.gaps })
        if stage == .initial {
            let majors = findings.filter { $0.auditGrade == .major }
            var seen = Set<String>()
            blocking = majors.map(\.rule).filter { seen.insert($0).inserted }
            stage2 = !majors.isEmpty ? .notReady : (findings.isEmpty ? .ready : .readyWithConcerns)
        } else {
            blocking = nil
            stage2 = nil
        }
    }

    /// `part` of `whole` as a whole percentage, rounded down so 99.6% never shows as 100%.
    static func percent(_ part: Int, of whole: Int) -> Int? {
        whole == 0 ? nil : part * 100 / whole
    }
}
