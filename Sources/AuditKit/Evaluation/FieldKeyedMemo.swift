/// The value of a quantifier that reads its loop variable through one field only, remembered
/// by that field's text: `some pub in complaints_handling.channels satisfies lower(pub) =
/// lower(complaint.channel) or …` gives the same answer for every complaint with the same
/// channel, so it is worked out once per channel, not once per complaint.
///
/// Registers repeat their values (a handful of channels, one big customer), which is when a
/// memo pays. When they do not (a field whose every value differs), the memo stops looking after
/// ``trial`` lookups that found too little, and keeps at most ``capacity`` values whatever the
/// data: its memory and its cost stay bounded. Used by one compiled rule, on one thread at a time.
final class FieldKeyedMemo {
    /// Lookups after which a memo that found less than half of them gives up.
    static let trial = 1_024
    /// Values kept at most.
    static let capacity = 256

    private let slot: Int
    private let field: Name
    private let position = FieldPositionCache()
    private var known: [String: RuntimeValue] = [:]
    private var whenAbsent: RuntimeValue?
    private var lookups = 0, hits = 0
    private var givenUp = false

    /// A memo of the value that depends on the field `field` of the record in frame slot `slot`.
    init(slot: Int, field: Name) {
        self.slot = slot
        self.field = field
    }

    /// The value `evaluation` gives for the frame, worked out once per text of the field.
    func value(_ frame: EvaluationFrame, _ evaluation: Evaluation) -> RuntimeValue {
        guard !givenUp, case .record(let record) = frame.slots[slot] else { return evaluation(frame) }
        let key: String?
        switch position.value(of: field, in: record) {
        case nil: key = nil
        case .text(let text): key = text
        case .list?, .record?: return evaluation(frame)
        }
        lookups += 1
        if let found = key.map({ known[$0] }) ?? whenAbsent {
            hits += 1
            return found
        }
        let value = evaluation(frame)
        if let key {
            if known.count < Self.capacity { known[key] = value }
        } else {
            whenAbsent = value
        }
        if lookups == Self.trial, hits * 2 < lookups {
            givenUp = true
            known = [:]
        }
        return value
    }
}
