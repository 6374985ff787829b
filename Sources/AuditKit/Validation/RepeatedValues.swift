/// Says a value that does not fit its field once per file, where the export repeats it: an
/// export system that writes `yes` in every true/false field, or a code of its own in every
/// record, made one note per record (10,000 complaints, 10,000 notes of one mapping defect). The
/// first occurrence keeps its place and its record; its message then says how often the same
/// value comes again in the same field of the same collection and file.
///
/// Only wrong types are gathered: a date that is not a date is a lapse of its own record (a
/// finding), and a repeated id names the two records concerned.
enum RepeatedValues {
    private struct Key: Hashable {
        let file: String, sheet: String?, collection: String
        /// The message without its record (`'safety_related' should be true or false, not 'yes'`).
        let said: String
    }

    /// `violations` with each wrong value that comes again in the same field, collection and
    /// file said once, at its first occurrence (`violations` in the order of the file):
    /// `'safety_related' should be true or false, not 'yes' (complaints record C-1, and 9,999
    /// more times in this file)`. The others keep their order.
    static func gathered(_ violations: [StructuralViolation]) -> [StructuralViolation] {
        var firsts: [Key: (index: Int, more: Int)] = [:]
        var kept: [StructuralViolation] = []
        kept.reserveCapacity(violations.count)
        for violation in violations {
            guard violation.kind == .wrongType, let collection = violation.collection,
                let (said, _) = split(violation)
            else {
                kept.append(violation)
                continue
            }
            let key = Key(file: violation.file, sheet: violation.sheet, collection: collection, said: said)
            if firsts[key] != nil {
                firsts[key]!.more += 1
                continue
            }
            firsts[key] = (kept.count, 0)
            kept.append(violation)
        }
        for first in firsts.values where first.more > 0 {
            guard let (said, context) = split(kept[first.index]) else { continue }
            kept[first.index].message = said + context.dropLast() + ", and \(moreTimes(first.more)) in this file)"
        }
        return kept
    }

    /// `once more`, `9,999 more times`: how often a gap said once came again.
    static func moreTimes(_ more: Int) -> String {
        more == 1 ? "once more" : "\(Display.grouped(more)) more times"
    }

    /// The message without the record it ends with, and that ending (` (complaints record C-1)`,
    /// ` (organisation)`, as both validators write it); nil for a message that does not end so.
    private static func split(_ violation: StructuralViolation) -> (said: String, context: String)? {
        guard let collection = violation.collection else { return nil }
        let context =
            violation.record.map { " (\(collection) record \(Display.clipped($0)))" } ?? " (\(collection))"
        guard violation.message.hasSuffix(context), violation.message.count > context.count else { return nil }
        return (String(violation.message.dropLast(context.count)), context)
    }
}
