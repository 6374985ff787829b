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
            let sorted = days.sorted()
            self.targetDays = targetDays
            self.measured = sorted.count
            self.pending = pending
            self.medianDays = sorted.isEmpty ? nil : sorted[(sorted.count - 1) / 2]
            self.maxDays = sorted.last
            if let targetDays {
                let within = sorted.filter { $0 <= targetDays }.count
                self.withinTarget = within
                self.percentWithinTarget = Readiness.percent(within, of: sorted.count)
            } else {
                self.withinTarget = nil
                self.percentWithinTarget = nil
            }
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
        guard let collection = records.root[Name("complaints")] else { return nil }
        let complaints = collection.items.compactMap(\.record)
        let handling = records.root[Name("complaints_handling")]?.record
        func target(_ field: String) -> Int? {
            guard let text = handling?[field]?.text?.trimmingCharacters(in: .whitespaces),
                  let value = Double(text), value >= 0, value < 100_000 else { return nil }
            return Int(value.rounded(.down))
        }
        func date(_ record: Record, _ field: String) -> CalendarDate? {
            record[field]?.text.flatMap(CalendarDate.parse)?.dateOnly
        }
        var months: [Int: Int] = [:]
        var acknowledged: [Int] = [], closed: [Int] = []
        var awaitingAcknowledgement = 0, open = 0
        for complaint in complaints {
            guard let received = date(complaint, "received_on") else { continue }
            let (year, month, _) = received.components
            months[year * 12 + month - 1, default: 0] += 1
            if let on = date(complaint, "acknowledged_on") { acknowledged.append(received.days(to: on)) } else { awaitingAcknowledgement += 1 }
            if let on = date(complaint, "closed_on") { closed.append(received.days(to: on)) } else { open += 1 }
        }
        var byMonth: [Month] = []
        if let first = months.keys.min(), let last = months.keys.max(), last - first < 1200 {
            for key in first...last {
                let year = key / 12, month = key % 12 + 1
                let name = String(year).leftPadded(4) + "-" + String(month).leftPadded(2)
                byMonth.append(Month(month: name, count: months[key] ?? 0))
            }
        }
        self.init(total: complaints.count, byMonth: byMonth,
                  acknowledgement: Timing(days: acknowledged, pending: awaitingAcknowledgement,
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
