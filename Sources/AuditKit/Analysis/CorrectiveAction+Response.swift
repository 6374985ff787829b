extension CorrectiveAction {
    /// What the organisation fills in on a line: the correction, the root cause, the action and
    /// the owner. Kept out of line and only when one is given: every line a run makes has them
    /// empty, and four empty strings took 64 bytes of each of 40,000 lines at 300,000 complaints.
    final class Response: Sendable, Equatable {
        let correction: String
        let rootCause: String
        let action: String
        let owner: String

        /// The four columns; nil when all are empty.
        init?(correction: String, rootCause: String, action: String, owner: String) {
            guard !(correction.isEmpty && rootCause.isEmpty && action.isEmpty && owner.isEmpty) else { return nil }
            self.correction = correction
            self.rootCause = rootCause
            self.action = action
            self.owner = owner
        }

        static func == (lhs: Response, rhs: Response) -> Bool {
            (lhs.correction, lhs.rootCause, lhs.action, lhs.owner) == (
                rhs.correction, rhs.rootCause, rhs.action, rhs.owner
            )
        }
    }
}
