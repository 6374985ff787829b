import Foundation

/// Complaint handling indicators computed from the records (ISO 10002 9.1 and 8.3): volume by
/// month, and time to acknowledge and to close against the organisation's own targets
/// (`complaints_handling.target_acknowledgement_days` and `target_resolution_days`).
public struct ComplaintIndicators: Sendable, Codable, Equatable {
    /// Complaints received in one calendar month.
    public struct Month: Sendable, Codable, Equatable {
        /// `YYYY-MM`.
        public var month: String
        public var count: Int

        enum CodingKeys: String, CodingKey { case month, count }

        /// Creates a month entry.
        public init(month: String, count: Int) {
            self.month = month
            self.count = count
        }
    }

    /// How long one step (acknowledging, closing) took, over the complaints where it was recorded.
    public struct Timing: Sendable, Codable, Equatable {
        /// The organisation's target in days, if it set one.
        public var targetDays: Int?
        /// Complaints with both dates recorded and valid.
        public var measured: Int
        /// Of those, how many met the target (nil without a target).
        public var withinTarget: Int?
        /// `withinTarget` as a whole percentage of `measured` (nil without a target or measurement).
        public var percentWithinTarget: Int?
        /// The median number of days (the lower middle value for an even count).
        public var medianDays: Int?
        /// The longest number of days.
        public var maxDays: Int?
        /// Complaints received but not yet at this step.
        public var pending: Int

        enum CodingKeys: String, CodingKey {
            case measured, pending
            case targetDays = "target_days"
            case withinTarget = "within_target"
            case percentWithinTarget = "percent_within_target"
            case medianDays = "median_days"
            case maxDays = "max_days"
        }

        /// Computes the timing from per-complaint durations.
        public init(days: [Int], pending: Int, targetDays: Int?) {
            self.targetDays = targetDays
            self.measured = days.count
            self.pending = pending
            self.medianDays = Timing.lowerMedian(days)
            self.maxDays = days.max()
            if let targetDays {
                let within = days.reduce(0) { $0 + ($1 <= targetDays ? 1 : 0) }
                self.withinTarget = within
                self.percentWithinTarget = Readiness.percent(within, of: days.count)
            } else {
                self.withinTarget = nil
                self.percentWithinTarget = nil
            }
        }

        /// The lower middle value of `days` (the median for an odd count), nil when empty: by
        /// counting when the values span a small range (durations in days do), else by sorting.
        static func lowerMedian(_ days: [Int]) -> Int? {
            guard let low = days.min(), let high = days.max() else { return nil }
            let rank = (days.count - 1) / 2
            guard high - low < 1 << 16 else { return days.sorted()[rank] }
            var counts = [Int](repeating: 0, count: high - low + 1)
            for day in days { counts[day - low] += 1 }
            var below = 0
            for (offset, count) in counts.enumerated() {
                below += count
                if below > rank { return low + offset }
            }
            return high
        }
    }

    /// Complaints in the export.
    public var total: Int
    /// Complaints received per month, oldest first (months without complaints between are listed with 0).
    public var byMonth: [Month]
    public var acknowledgement: Timing
    public var resolution: Timing

    enum CodingKeys: String, CodingKey {
        case total, acknowledgement, resolution
        case byMonth = "by_month"
    }

    /// Creates indicators from their parts.
    public init(total: Int, byMonth: [Month], acknowledgement: Timing, resolution: Timing) {
        self.total = total
        self.byMonth = byMonth
        self.acknowledgement = acknowledgement
        self.resolution = resolution
    }

    /// Computes the indicators from an export, or nil when it has no `complaints` collection.
    public init?(records: RecordSet) {
        guard let collection = records.root["complaints"] else { return nil }
        let handling = records.root["complaints_handling"]?.record
        func target(_ field: String) -> Int? {
            guard let text = handling?[field]?.text?.trimmingCharacters(in: .whitespaces),
                let value = Double(text), value >= 0, value < 100_000
            else { return nil }
            return Int(value.rounded(.down))
        }
        func date(_ record: Record, _ field: Name) -> CalendarDate? {
            record[field]?.text.flatMap(CalendarDate.parse)?.dateOnly
        }
        // Interned once, not once per complaint.
        let names = records.names
        let receivedOn = names.name("received_on"), acknowledgedOn = names.name("acknowledged_on")
        let closedOn = names.name("closed_on")
        var months: [Int: Int] = [:]
        var acknowledged: [Int] = [], closed: [Int] = []
        // Room for every complaint at once: grown by appending, each list was copied as it grew.
        acknowledged.reserveCapacity(collection.items.count)
        closed.reserveCapacity(collection.items.count)
        var total = 0, awaitingAcknowledgement = 0, open = 0
        for item in collection.items {
            guard case .record(let complaint) = item else { continue }
            total += 1
            guard let received = date(complaint, receivedOn) else { continue }
            let (year, month, _) = received.components
            months[year * 12 + month - 1, default: 0] += 1
            if let on = date(complaint, acknowledgedOn) {
                acknowledged.append(received.days(to: on))
            } else {
                awaitingAcknowledgement += 1
            }
            if let on = date(complaint, closedOn) { closed.append(received.days(to: on)) } else { open += 1 }
        }
        var byMonth: [Month] = []
        if let first = months.keys.min(), let last = months.keys.max(), last - first < 1200 {
            for key in first...last {
                let year = key / 12, month = key % 12 + 1
                let name = String(year).leftPadded(4) + "-" + String(month).leftPadded(2)
                byMonth.append(Month(month: name, count: months[key] ?? 0))
            }
        }
        self.init(
            total: total, byMonth: byMonth,
            acknowledgement: Timing(
                days: acknowledged, pending: awaitingAcknowledgement,
                targetDays: target("target_acknowledgement_days")),
            resolution: Timing(days: closed, pending: open, targetDays: target("target_resolution_days")))
    }
}

extension String {
    /// The string with zeros in front up to `width` characters.
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
