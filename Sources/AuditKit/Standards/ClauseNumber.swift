/// Helpers for clause numbers such as `8.5.1 f` or `7.1.5.2`.
public enum ClauseNumber {
    /// Compares two clause numbers part by part, numerically (`9.2` before `10.1`);
    /// returns -1, 0 or 1.
    public static func compare(_ lhs: String, _ rhs: String) -> Int {
        // Sorting findings compares clauses all the time: plain numbers are answered in place.
        if lhs == rhs { return 0 }
        return PlainClauseNumber.compare(lhs, rhs) ?? compareParts(lhs, rhs)
    }

    /// ``compare(_:_:)`` on the split parts, for any clause number.
    static func compareParts(_ lhs: String, _ rhs: String) -> Int {
        let left = parts(lhs), right = parts(rhs)
        for (l, r) in zip(left, right) where l != r {
            switch (Int(l), Int(r)) {
            case let (a?, b?): return a < b ? -1 : 1
            case (.some, nil): return -1
            case (nil, .some): return 1
            default: return l < r ? -1 : 1
            }
        }
        return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
    }

    /// True when `clause` is `parent` or one of its sub-clauses (`8.3.4` is within `8.3`,
    /// `8.5.1 f` within `8.5.1`).
    public static func isWithin(_ clause: String, _ parent: String) -> Bool {
        PlainClauseNumber.isWithin(clause, parent) ?? isWithinParts(clause, parent)
    }

    /// ``isWithin(_:_:)`` on the split parts, for any clause number.
    static func isWithinParts(_ clause: String, _ parent: String) -> Bool {
        let child = parts(clause), ancestor = parts(parent)
        return child.count >= ancestor.count && Array(child.prefix(ancestor.count)) == ancestor
    }

    /// The parts of a clause number: `8.5.1 f` gives `["8", "5", "1", "f"]`.
    public static func parts(_ clause: String) -> [String] {
        clause.lowercased()
            .split(whereSeparator: { $0 == "." || $0 == " " || $0 == "(" || $0 == ")" })
            .map(String.init)
    }
}
