/// Finds the word a user probably meant, for "did you mean …?" hints.
enum NearMatch {
    /// The candidate closest to `word` by edit distance (a swap of two letters counts as one edit),
    /// when it is close enough to be a likely misspelling.
    static func best(for word: String, among candidates: some Sequence<String>) -> String? {
        let limit = word.count <= 3 ? 1 : 2
        let lowered = word.lowercased()
        let length = lowered.count
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let other = candidate.lowercased()
            // The distance is at least the difference in length: most candidates need no table.
            guard abs(other.count - length) <= limit else { continue }
            let distance = distance(lowered, other)
            if distance <= limit, distance < word.count, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// `"; did you mean 'x'?"` when there is a near match, otherwise `fallback`.
    static func hint(for word: String, among candidates: some Sequence<String>, otherwise fallback: String = "")
        -> String
    {
        guard let match = best(for: word, among: candidates) else { return fallback }
        return "; did you mean '\(match)'?"
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
    static func distance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, table[i - 2][j - 2] + 1)
                }
                table[i][j] = value
            }
        }
        return table[a.count][b.count]
    }
}
