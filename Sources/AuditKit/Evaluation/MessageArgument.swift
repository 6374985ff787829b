/// One value a finding's message shows, typed and independent of any language, so that a report
/// can be written in another language from the same finding (``MessageRenderer``) and machines can
/// read the evidence without parsing prose.
public struct MessageArgument: Sendable, Hashable, Codable {
    /// The kind of value.
    public enum Kind: String, Sendable, Codable {
        case text, number, date, boolean, duration, list, record, absent
        /// A field the export says it does not contain (``ExportedFields``).
        case notExported = "not_exported"
    }

    public var type: Kind
    /// The value written canonically (`3`, `2.5`, `2026-04-07`, `true`, `7 days`, a record's id);
    /// nil for a list or an absent value.
    public var value: String?
    /// The items of a list.
    public var items: [MessageArgument]?

    enum CodingKeys: String, CodingKey { case type, value, items }

    public init(type: Kind, value: String? = nil, items: [MessageArgument]? = nil) {
        self.type = type
        self.value = value
        self.items = items
    }

    /// The argument for an evaluated value.
    init(_ runtime: RuntimeValue) {
        switch runtime {
        case .unknown: self.init(type: .absent)
        case .notExported: self.init(type: .notExported)
        case .number(let number): self.init(type: .number, value: RuntimeValue.format(number))
        case .text(let text): self.init(type: .text, value: text)
        case .bool(let bool): self.init(type: .boolean, value: bool ? "true" : "false")
        case .date(let date): self.init(type: .date, value: date.description)
        case .duration(let amount, let unit): self.init(type: .duration, value: "\(amount) \(unit.rawValue)")
        case .list(let items): self.init(type: .list, items: items.map(MessageArgument.init))
        case .record(let record): self.init(type: .record, value: record.id)
        }
    }

    /// The value again, to be written in a message.
    var runtimeValue: RuntimeValue {
        switch type {
        case .absent: return .unknown
        case .notExported: return .notExported
        case .number: return value.flatMap(Double.init).map(RuntimeValue.number) ?? .unknown
        case .text, .record: return value.map(RuntimeValue.text) ?? .unknown
        case .boolean: return .bool(value == "true")
        case .date: return value.flatMap(CalendarDate.parse).map(RuntimeValue.date) ?? .unknown
        case .duration:
            let parts = (value ?? "").split(separator: " ")
            guard parts.count == 2, let amount = Int(parts[0]), let unit = Expr.DurationUnit(rawValue: String(parts[1]))
            else {
                return .unknown
            }
            return .duration(amount, unit)
        case .list: return .list(RuntimeList((items ?? []).map(\.runtimeValue)))
        }
    }
}
