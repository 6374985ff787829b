/// Where a finding of the previous audit stands at this one (ISO/IEC 17021-1 9.6.2.2 b).
public enum PreviousFindingStatus: String, Sendable, Codable, CaseIterable {
    /// Its rule no longer fires for that record.
    case closed
    /// Its rule fires again, and no response says the action was completed.
    case stillOpen = "still_open"
    /// Its rule fires again although the response says the action was completed: the
    /// corrective action was not effective, itself a nonconformity of this audit (10.2).
    case recurring
    /// Its rule was not run at this audit (not a surveillance topic, not in `--cover`, or its
    /// collection not exported): nothing can be said from the records.
    case notRechecked = "not_rechecked"
}
