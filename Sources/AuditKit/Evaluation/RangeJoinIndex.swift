/// The items of one source grouped by an equality key (all in one group without one) and, inside
/// each group, sorted by the calendar day of one date field, so that a date window relative to
/// the probe (`later.raised_on after nc.closed_on and not (later.raised_on after nc.closed_on +
/// 12 months)`) is found by binary search. Built on first use; see ``JoinPlan`` for the shapes.
///
/// The answers are those of testing every item, in three-valued logic:
/// - an item whose date is a plain calendar day (no time) stands to any probe date by day alone
///   (``CalendarDate``'s order compares days, and equal days are not before one another when
///   one side has no time), so outside the window its bound is false and so is the condition;
/// - an item whose date field is absent or not a date makes its bound, hence the condition,
///   unknown, never true: it is only tested to tell "unknown" from a clear answer;
/// - an item whose date has a time, or whose key or exclusion value is neither absent nor plain
///   text, is tested whatever the probe;
/// - a probe whose key is not text, or whose bound is not a date, falls back to testing every item.
final class RangeJoinIndex {
    /// The compiled parts of the condition the index is built from, each reading the item from `slot`.
    struct Parts {
        var source: Evaluation
        var slot: Int
        var key: Evaluation?
        var date: Evaluation
        /// The static conjuncts (reading only the item).
        var staticConditions: [Evaluation]
        /// The item's side of the exclusion (`later.id` in `later.id != nc.id`).
        var exclusion: Evaluation?
    }

    /// The items of one key.
    struct Group {
        /// Positions of the items whose date is a plain calendar day, by day then position.
        var sorted: [Int] = []
        /// Their days, in the same order.
        var days: [Int] = []
        /// Whether each item of `sorted` satisfies every static conjunct.
        var staticTrue: [Bool] = []
        /// How many items of `sorted` before each index satisfy every static conjunct.
        var staticTrueBefore: [Int] = [0]
        /// For each exclusion text, the days of the items of `sorted` with that text that satisfy
        /// every static conjunct, in order.
        var daysByExclusion: [String: [Int]] = [:]
        /// Items tested whatever the probe's date, in source order.
        var irregular: [Int] = []
        /// Items for which the condition cannot be true, in source order.
        var neverTrue: [Int] = []
    }

    /// The part of a group a probe selects: `sorted[lower..<upper]` and the group's other items.
    struct Window {
        var group: Group
        var lower: Int
        var upper: Int
    }

    private let parts: Parts
    private var built = false
    private var items = RuntimeList.empty
    private var groups: [String: Group] = [:]
    /// Items whose key is present but not plain text: tested whatever the probe.
    private var irregularKey: [Int] = []
    /// Items whose key is absent: the condition cannot be true for them.
    private var absentKey: [Int] = []

    init(_ parts: Parts) {
        self.parts = parts
    }

    /// The window selected by a probe's key and bounds; nil when every item must be tested.
    func window(key: RuntimeValue?, bounds: [(JoinPlan.Relation, RuntimeValue)], frame: EvaluationFrame) -> Window? {
        if !built { build(frame) }
        let group: Group
        if parts.key != nil {
            guard case .text(let text)? = key else { return nil }
            group = groups[text] ?? Group()
        } else {
            group = groups[""] ?? Group()
        }
        var earliest = Int.min, latest = Int.max
        for (relation, probe) in bounds {
            guard let day = probe.date?.day else { return nil }
            switch relation {
            case .after: earliest = max(earliest, day + 1)
            case .notBefore: earliest = max(earliest, day)
            case .before: latest = min(latest, day - 1)
            case .notAfter: latest = min(latest, day)
            }
        }
        guard earliest <= latest else { return Window(group: group, lower: 0, upper: 0) }
        let lower = Self.firstIndex(in: group.days, notBelow: earliest)
        let upper = latest == Int.max ? group.days.count : Self.firstIndex(in: group.days, notBelow: latest + 1)
        return Window(group: group, lower: lower, upper: max(lower, upper))
    }

    /// Every item, for a probe that selects no window.
    var allItems: RuntimeList { items }

    /// The item at `position` of the source.
    func item(_ position: Int) -> RuntimeValue { items[position] }

    /// Items tested whatever the probe, in the window's group and outside any group.
    func alwaysTested(_ window: Window) -> [Int] {
        irregularKey.isEmpty ? window.group.irregular : (window.group.irregular + irregularKey).sorted()
    }

    /// Items for which the condition cannot be true whatever the probe.
    func neverTrue(_ window: Window) -> [Int] { window.group.neverTrue + absentKey }

    /// How many items with exclusion text `text` in the window satisfy every static conjunct.
    func excludedCount(_ window: Window, text: String) -> Int {
        guard let days = window.group.daysByExclusion[text], window.lower < window.upper else { return 0 }
        let earliest = window.group.days[window.lower], latest = window.group.days[window.upper - 1]
        return Self.firstIndex(in: days, notBelow: latest + 1) - Self.firstIndex(in: days, notBelow: earliest)
    }

    /// The first index of sorted `days` whose day is `day` or later.
    static func firstIndex(in days: [Int], notBelow day: Int) -> Int {
        var low = 0, high = days.count
        while low < high {
            let middle = (low + high) / 2
            if days[middle] < day { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func build(_ frame: EvaluationFrame) {
        built = true
        items = parts.source(frame).items
        let saved = frame.slots[parts.slot]
        /// (day, position, static conjuncts all true, exclusion text) of each plain-dated item, by key.
        var dated: [String: [(day: Int, position: Int, staticTrue: Bool, exclusion: String?)]] = [:]
        for position in items.indices {
            frame.slots[parts.slot] = items[position]
            var groupKey = ""
            if let key = parts.key {
                switch key(frame) {
                case .text(let text) where Self.isPlainText(text): groupKey = text
                case .unknown:
                    absentKey.append(position)
                    continue
                default:
                    irregularKey.append(position)
                    continue
                }
            }
            var exclusion: String?
            if let exclusionSide = parts.exclusion {
                switch exclusionSide(frame) {
                case .text(let text) where Self.isPlainText(text): exclusion = text
                case .unknown:
                    groups[groupKey, default: Group()].neverTrue.append(position)
                    continue
                default:
                    groups[groupKey, default: Group()].irregular.append(position)
                    continue
                }
            }
            guard let date = parts.date(frame).date else {
                groups[groupKey, default: Group()].neverTrue.append(position)
                continue
            }
            guard date.secondOfDay == nil, date.offsetSeconds == nil else {
                groups[groupKey, default: Group()].irregular.append(position)
                continue
            }
            let staticTrue = parts.staticConditions.allSatisfy { $0(frame).bool == true }
            dated[groupKey, default: []].append((date.day, position, staticTrue, exclusion))
        }
        frame.slots[parts.slot] = saved
        for (key, entries) in dated {
            var group = groups[key] ?? Group()
            let ordered = entries.sorted { ($0.day, $0.position) < ($1.day, $1.position) }
            group.sorted = ordered.map(\.position)
            group.days = ordered.map(\.day)
            group.staticTrue = ordered.map(\.staticTrue)
            group.staticTrueBefore.reserveCapacity(ordered.count + 1)
            for entry in ordered {
                group.staticTrueBefore.append(
                    group.staticTrueBefore[group.staticTrueBefore.count - 1] + (entry.staticTrue ? 1 : 0))
                if entry.staticTrue, let exclusion = entry.exclusion {
                    group.daysByExclusion[exclusion, default: []].append(entry.day)
                }
            }
            groups[key] = group
        }
    }

    /// Text that reads as neither a number nor a date: it equals another text exactly when the
    /// texts are equal, whatever the other text reads as.
    static func isPlainText(_ text: String) -> Bool {
        RuntimeValue.parseNumber(text) == nil && CalendarDate.parse(text) == nil
    }
}
