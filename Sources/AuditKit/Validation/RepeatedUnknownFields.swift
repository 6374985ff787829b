/// Says each unknown field once per file: where it first appears, and how many more times.
///
/// An export system that adds one column to a register (`modified_by`, `legacy_ref`) adds it
/// to every record: 60,000 records gave 60,000 notes of the same gap, and a report nobody could
/// read. The first occurrence keeps its place and its record; its message then says how often
/// the same field comes again in the same file.
///
/// `Key` tells fields apart: the file, where in the contract the field was found, and its name.
struct RepeatedUnknownFields<Key: Hashable> {
    private struct First {
        /// The position of the first occurrence among the violations.
        let index: Int
        /// The message up to the place (`unknown field 'x' in complaints record C-1`), and what
        /// follows it (a "did you mean" hint, or nothing).
        let place: String, hint: String
        var more = 0
    }
    private var firsts: [Key: First] = [:]

    init() {}

    /// True when `key` was said already: counts this occurrence, which is then not said again.
    mutating func isRepeat(_ key: Key) -> Bool {
        guard firsts[key] != nil else { return false }
        firsts[key]!.more += 1
        return true
    }

    /// Keeps the first occurrence of `key`: the violation at `index`, whose `message` starts
    /// with `place` (`unknown field 'x' in complaints record C-1`), perhaps followed by a hint.
    mutating func keepFirst(_ key: Key, at index: Int, message: String, place: String) {
        let hint = message.hasPrefix(place) ? String(message.dropFirst(place.count)) : ""
        firsts[key] = First(index: index, place: message.hasPrefix(place) ? place : message, hint: hint)
    }

    /// Rewrites the message of each first occurrence that came again:
    /// `unknown field 'x' in complaints record C-1 (and 9,999 more times in this file)`.
    func sayHowOften(in violations: inout [StructuralViolation]) {
        for first in firsts.values where first.more > 0 {
            let times = RepeatedValues.moreTimes(first.more)
            violations[first.index].message = first.place + " (and \(times) in this file)" + first.hint
        }
    }
}
