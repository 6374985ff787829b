/// Builds the records of the large collections of a generated sample, one at a time, from a
/// seeded pseudo-random sequence (SplitMix64), so the same seed always gives the same records.
struct SampleRecordBuilder {
    private let complaints: Int
    private let nonconformities: Int
    private var state: UInt64
    /// Complaints are spread over these days, ending a few days before the benchmark audit date.
    private let firstDay = CalendarDate(year: 2022, month: 1, day: 1)!.day
    private let lastDay = CalendarDate(year: 2026, month: 11, day: 10)!.day

    /// Where the records' names go.
    private let names: NameTable

    init(complaints: Int, nonconformities: Int, seed: UInt64, names: NameTable) {
        self.names = names
        self.complaints = max(complaints, 1)
        self.nonconformities = max(nonconformities, 1)
        state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 0x2545_F491_4F6C_DD1D
    }

    // MARK: Records

    mutating func complaint(_ index: Int) -> Record {
        let received = day(of: index, among: complaints)
        let priority = pick(["low", "medium", "medium", "high", "critical"])
        let safety = chance(3)
        let late = chance(3)
        let acknowledged = received + (late ? 3 + below(5) : below(2))
        let assessed = received + (safety && !chance(20) ? 0 : below(2))
        let decided = received + 2 + below(9)
        let communicated = decided + below(3)
        let open = index >= complaints - max(1, complaints / 50)
        let closed = communicated + 1 + below(8) + (chance(2) ? 30 : 0)
        let owner = pick(["P03", "P05", "P06", "P07"])
        let investigated = priority != "low"
        var fields: [(String, String?)] = [
            (Key.id, "CMP-" + padded(index + 1)),
            (Key.receivedOn, date(received)),
            (Key.channel, pick(["e-mail", "phone", "web form", "letter"])),
            (Key.complainant, "Customer \(below(700) + 1) (buyer)"),
            (Key.product, pick(Self.products)),
            (Key.description, pick(Self.complaintDescriptions)),
            (
                Key.remedySought,
                chance(2)
                    ? nil
                    : pick([
                        "Replace the parts", "Credit note", "Send the missing documents", "Rework on site",
                        "Explanation and apology"
                    ])
            ),
            (Key.category, pick(["dimensional", "surface", "documentation", "delivery", "behaviour"])),
            (Key.priority, priority),
            (Key.safetyRelated, safety ? "true" : "false"),
            (Key.acknowledgedOn, index == complaints / 3 ? "2026-02-30" : date(acknowledged)),
            (Key.assessedOn, date(assessed)),
            (Key.owner, owner),
            (Key.investigation, investigated && !chance(1) ? pick(Self.investigations) : nil),
            (Key.investigator, investigated ? "P07" : nil),
            (
                Key.decision,
                chance(1)
                    ? nil
                    : pick([
                        "Parts replaced free of charge", "Credit note issued", "Documents sent; checklist updated",
                        "Parts reworked on site"
                    ])
            ),
            (Key.decidedOn, open && chance(50) ? nil : date(decided)),
            (Key.communicatedOn, open ? nil : date(communicated)),
            (Key.complainantReaction, open ? nil : pick(["accepted", "accepted", "accepted", "rejected"])),
            (Key.closedOn, open ? nil : date(closed)),
            (Key.charge, chance(1) ? "25" : "0"),
            (Key.satisfactionScore, open ? nil : String(1 + below(5))),
            (Key.recourseOffered, "true")
        ]
        if index % 20 == 7 { fields.append((Key.nonconformity, "NC-" + padded(index / 20 % nonconformities + 1))) }
        if chance(5) { fields.append((Key.subjectPerson, chance(10) ? "P07" : "P04")) }
        return record(fields)
    }

    mutating func order(_ index: Int) -> Record {
        let received = day(of: index, among: complaints)
        let reviewed = received + below(2)
        return record([
            (Key.id, "ORD-" + padded(index + 1)),
            (Key.customer, "Customer \(below(700) + 1)"),
            (Key.receivedOn, date(received)),
            (Key.reviewedOn, chance(1) ? nil : date(reviewed)),
            (Key.reviewedBy, chance(1) ? nil : "P05"),
            (Key.acceptedOn, date(reviewed + below(2)))
        ])
    }

    mutating func release(_ index: Int) -> Record {
        let released = day(of: index, among: complaints) + 10 + below(20)
        return record([
            (Key.id, "REL-" + padded(index + 1)),
            (Key.product, pick(Self.products) + " (lot \(padded(index + 1)))"),
            (Key.order, chance(1) ? "ORD-X" + padded(index + 1) : "ORD-" + padded(index + 1)),
            (Key.releasedOn, date(released)),
            (Key.releasedBy, "P07"),
            (
                Key.conformityEvidence,
                chance(1) ? nil : "Final inspection report FIR-\(padded(index + 1)), material certificate 3.1"
            ),
            (Key.deliveredOn, date(released + below(3)))
        ])
    }

    mutating func nonconformity(_ index: Int) -> Record {
        let raised = day(of: index, among: nonconformities)
        let due = raised + 30
        let implemented = raised + 5 + below(20)
        let open = index >= nonconformities - max(1, nonconformities / 30)
        let closed = implemented + 5 + below(10)
        let recurring = chance(2)
        return record([
            (Key.id, "NC-" + padded(index + 1)),
            (Key.raisedOn, date(raised)),
            (Key.source, index % 3 == 0 ? "internal_audit" : "complaint"),
            (Key.sourceRef, "CMP-" + padded(index * 20 + 8)),
            (Key.clause, pick(["8.5.1", "8.6", "8.7", "8.4"])),
            (Key.description, pick(Self.complaintDescriptions)),
            (Key.correction, "Stock sorted and reworked"),
            (
                Key.rootCause,
                chance(1) ? nil : recurring ? pick(Self.recurringCauses) : "Cause \(index + 1): " + pick(Self.causes)
            ),
            (Key.correctiveAction, "Routing and setup sheet updated; operators briefed"),
            (Key.owner, pick(["P03", "P04", "P07"])),
            (Key.dueOn, index == nonconformities / 2 ? "2026-04-31" : date(due)),
            (Key.implementedOn, open ? nil : date(implemented)),
            (Key.closedOn, open ? nil : date(closed)),
            (Key.effectivenessCheckedOn, open || chance(2) ? nil : date(closed + 30 + below(30))),
            (Key.effective, open ? nil : chance(1) ? "false" : "true")
        ])
    }

    // MARK: Helpers

    private func record(_ fields: [(String, String?)]) -> Record {
        Record(
            fields: fields.compactMap { name, text in
                text.map { Record.Field(name: names.name(name), value: .text($0)) }
            },
            names: names)
    }

    /// The day of the `index`th of `count` records, spread evenly over the period, with jitter.
    private mutating func day(of index: Int, among count: Int) -> Int {
        firstDay + (lastDay - firstDay) * index / max(count, 1) - below(3)
    }

    private func date(_ day: Int) -> String { CalendarDate(day: day).description }

    private func padded(_ number: Int) -> String {
        let text = String(number)
        return text.count >= 7 ? text : String(repeating: "0", count: 7 - text.count) + text
    }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    private mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    private mutating func pick(_ options: [String]) -> String { options[below(options.count)] }

    private static let products = [
        "Valve body VB-220", "Manifold block MB-3", "Hydraulic fitting HF-12",
        "Shaft SH-40", "Flange FL-80", "Bracket BR-7", "Sensor housing SX-2"
    ]
    private static let complaintDescriptions = [
        "Bore diameter out of tolerance on part of the lot", "Material certificate missing from the delivery",
        "Scratches on the sealing face after transport", "Delivered three days after the confirmed date",
        "Burr left in a cross-drilled hole", "Wrong quantity delivered", "Thread damaged on arrival"
    ]
    private static let investigations = [
        "Tool wear not detected by in-process checks", "Certificate not attached when the lot was split",
        "Packaging not suited to the transport route", "Capacity planning missed a machine breakdown"
    ]
    private static let causes = ["tool wear", "setup error", "packaging", "planning", "documentation", "training"]
    private static let recurringCauses = ["Deburring step missing from the routing", "Parts packed without separators"]

    /// The field names, as the records contract spells them.
    private enum Key {
        static let id = "id"
        static let receivedOn = "received_on"
        static let channel = "channel"
        static let complainant = "complainant"
        static let product = "product"
        static let description = "description"
        static let remedySought = "remedy_sought"
        static let category = "category"
        static let priority = "priority"
        static let safetyRelated = "safety_related"
        static let acknowledgedOn = "acknowledged_on"
        static let assessedOn = "assessed_on"
        static let owner = "owner"
        static let investigation = "investigation"
        static let investigator = "investigator"
        static let decision = "decision"
        static let decidedOn = "decided_on"
        static let communicatedOn = "communicated_on"
        static let complainantReaction = "complainant_reaction"
        static let closedOn = "closed_on"
        static let charge = "charge"
        static let satisfactionScore = "satisfaction_score"
        static let recourseOffered = "recourse_offered"
        static let nonconformity = "nonconformity"
        static let subjectPerson = "subject_person"
        static let customer = "customer"
        static let reviewedOn = "reviewed_on"
        static let reviewedBy = "reviewed_by"
        static let acceptedOn = "accepted_on"
        static let order = "order"
        static let releasedOn = "released_on"
        static let releasedBy = "released_by"
        static let conformityEvidence = "conformity_evidence"
        static let deliveredOn = "delivered_on"
        static let raisedOn = "raised_on"
        static let source = "source"
        static let sourceRef = "source_ref"
        static let clause = "clause"
        static let correction = "correction"
        static let rootCause = "root_cause"
        static let correctiveAction = "corrective_action"
        static let dueOn = "due_on"
        static let implementedOn = "implemented_on"
        static let effectivenessCheckedOn = "effectiveness_checked_on"
        static let effective = "effective"
    }
}
