import Foundation

/// The adjustable figures of an audit programme (`--param NAME=VALUE`), each a whole number with
/// a documented default and range.
public struct ProgrammeParameters: Sendable, Equatable {
    /// Stage 1's share of the initial audit time, in percent (stage 2 has the rest).
    public var stage1Share = 30
    /// Adjustment of the audit time for complexity, in percent (`-20` reduces, `15` adds). IAF MD 5
    /// caps the total reduction at 30 %: a larger reduction is applied as 30 % and noted.
    public var complexity = 0
    /// How many months before the certificate expires the recertification audit must be complete,
    /// so that nonconformities can be closed and the decision taken before expiry.
    public var recertificationMarginMonths = 3
    /// The length of each audit's target window, in months, ending at its latest date.
    public var windowMonths = 3
    /// How many months before its latest date an audit is planned, as a margin for rescheduling.
    public var leadMonths = 1

    public init() {}

    /// The largest reduction IAF MD 5 allows (clause 2.3.3 of the 2019 issue: "the reduction shall
    /// not exceed 30 %").
    public static let maximumReduction = 30

    /// One parameter: its name, range and what it means.
    public struct Specification: Sendable {
        public var name: String
        public var defaultValue: Int
        public var range: ClosedRange<Int>
        public var meaning: String
        public var meaningFr: String
        let keyPath: WritableKeyPath<ProgrammeParameters, Int> & Sendable
    }

    /// Every parameter, in the order the documentation lists them.
    public static let specifications: [Specification] = [
        Specification(
            name: "stage1_share", defaultValue: 30, range: 10...50,
            meaning: "stage 1's share of the initial audit time, in percent",
            meaningFr: "part de l'étape 1 dans la durée de l'audit initial, en pourcentage",
            keyPath: \.stage1Share),
        Specification(
            name: "complexity", defaultValue: 0, range: -100...200,
            meaning: "adjustment of every audit time, in percent; reductions are capped at 30",
            meaningFr: "ajustement de toutes les durées d'audit, en pourcentage ; les réductions sont plafonnées à 30",
            keyPath: \.complexity),
        Specification(
            name: "recertification_margin_months", defaultValue: 3, range: 1...12,
            meaning: "months between the end of the recertification audit and the certificate's expiry",
            meaningFr: "mois entre la fin de l'audit de renouvellement et l'expiration du certificat",
            keyPath: \.recertificationMarginMonths),
        Specification(
            name: "window_months", defaultValue: 3, range: 1...6,
            meaning: "length of each audit's target window, in months",
            meaningFr: "durée de la fenêtre cible de chaque audit, en mois",
            keyPath: \.windowMonths),
        Specification(
            name: "lead_months", defaultValue: 1, range: 0...6,
            meaning: "months between an audit's planned date and its latest date",
            meaningFr: "mois entre la date prévue d'un audit et sa date limite",
            keyPath: \.leadMonths)
    ]

    /// The parameters with `overrides` (`name` to text) applied.
    ///
    /// - Throws: ``ProgrammeError`` for an unknown name, a value that is not a whole number or a
    ///   value out of range, or a lead longer than the window.
    public static func parse(_ overrides: [(name: String, value: String)]) throws(ProgrammeError) -> ProgrammeParameters
    {
        var parameters = ProgrammeParameters()
        for (name, text) in overrides {
            guard let specification = specifications.first(where: { $0.name == name }) else {
                throw .unknownParameter(name, known: specifications.map(\.name))
            }
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw .parameterNotANumber(name, text)
            }
            guard specification.range.contains(value) else {
                throw .parameterOutOfRange(name, value, specification.range)
            }
            parameters[keyPath: specification.keyPath] = value
        }
        guard parameters.leadMonths < parameters.windowMonths else {
            throw .leadBeyondWindow(lead: parameters.leadMonths, window: parameters.windowMonths)
        }
        return parameters
    }

    /// The adjustment actually applied, in percent: ``complexity`` with a reduction capped at 30.
    public var appliedAdjustment: Int { max(complexity, -Self.maximumReduction) }

    /// True when the requested reduction was larger than MD 5 allows and was capped.
    public var reductionCapped: Bool { complexity < -Self.maximumReduction }
}
