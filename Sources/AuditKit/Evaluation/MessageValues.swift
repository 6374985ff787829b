/// The values a rule's message shows for one finding, packed into one array of bytes: a finding
/// keeps them, not its message, until the message is read (``FindingText``). At 300,000
/// complaints the findings' messages and typed arguments took 30 MB; their values packed take 5.
///
/// Every value keeps what writing it needs, exactly (a number's bits, a date with its time): the
/// message written from the values unpacked is the message written from the values evaluated. A
/// record has no packed form (its message is written at once).
struct MessageValues: Sendable, Hashable {
    private let bytes: [UInt8]

    /// The units of a duration: a unit's position here is its packed form.
    private static let units: [Expr.DurationUnit] = [.days, .weeks, .months, .years]

    private enum Tag: UInt8 {
        case unknown, notExported, number, text, falseValue, trueValue, date, duration, list
        /// A text equal to an earlier value's (its position in one byte): a message in two
        /// languages often shows the same field twice.
        case sameText
    }

    /// `values` packed; nil when one of them is, or holds, a record.
    init?(_ values: [RuntimeValue]) {
        var size = 0
        for position in values.indices {
            if Self.earlierText(as: position, in: values) != nil {
                size += 2
                continue
            }
            guard let valueSize = Self.size(of: values[position]) else { return nil }
            size += valueSize
        }
        bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var writer = Writer(buffer: buffer)
            for position in values.indices {
                if let earlier = Self.earlierText(as: position, in: values) {
                    writer.same(as: earlier)
                } else {
                    writer.write(values[position])
                }
            }
            count = size
        }
    }

    /// The position of an earlier value that is the same text as `values[position]`, if any
    /// (among the first 256).
    private static func earlierText(as position: Int, in values: [RuntimeValue]) -> Int? {
        guard case .text(let text) = values[position] else { return nil }
        for earlier in 0..<Swift.min(position, 256) {
            if case .text(let other) = values[earlier], other.utf8.count == text.utf8.count, other == text {
                return earlier
            }
        }
        return nil
    }

    /// The values, unpacked.
    var values: [RuntimeValue] {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(buffer: buffer)
            var values: [RuntimeValue] = []
            values.reserveCapacity(8)
            while !reader.isAtEnd { values.append(reader.read(after: values)) }
            return values
        }
    }

    /// The bytes `value` takes packed; nil for a record.
    private static func size(of value: RuntimeValue) -> Int? {
        switch value {
        case .unknown, .notExported, .bool: return 1
        case .number: return 9
        case .text(let text): return 1 + lengthSize(text.utf8.count) + text.utf8.count
        case .date: return 17
        case .duration: return 10
        case .list(let items):
            var size = 1 + lengthSize(items.count)
            for item in items {
                guard let itemSize = Self.size(of: item) else { return nil }
                size += itemSize
            }
            return size
        case .record: return nil
        }
    }

    /// The bytes of a length written seven bits a byte.
    private static func lengthSize(_ length: Int) -> Int {
        var size = 1
        var rest = length >> 7
        while rest != 0 {
            size += 1
            rest >>= 7
        }
        return size
    }

    /// Packs values into room sized by ``size(of:)``.
    private struct Writer {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var position = 0

        mutating func write(_ value: RuntimeValue) {
            switch value {
            case .unknown: byte(Tag.unknown.rawValue)
            case .notExported: byte(Tag.notExported.rawValue)
            case .number(let number):
                byte(Tag.number.rawValue)
                word(number.bitPattern)
            case .text(var text):
                byte(Tag.text.rawValue)
                length(text.utf8.count)
                text.withUTF8 { utf8 in
                    let end = position + utf8.count
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[position..<end]).initialize(fromContentsOf: utf8)
                    position = end
                }
            case .bool(let bool): byte(bool ? Tag.trueValue.rawValue : Tag.falseValue.rawValue)
            case .date(let date):
                byte(Tag.date.rawValue)
                word(UInt64(bitPattern: Int64(date.day)))
                word(UInt64(Self.optional(date.secondOfDay)) << 32 | UInt64(Self.optional(date.offsetSeconds)))
            case .duration(let amount, let unit):
                byte(Tag.duration.rawValue)
                word(UInt64(bitPattern: Int64(amount)))
                byte(UInt8(MessageValues.units.firstIndex(of: unit) ?? 0))
            case .list(let items):
                byte(Tag.list.rawValue)
                length(items.count)
                for item in items { write(item) }
            case .record: preconditionFailure("a record has no packed form")
            }
        }

        /// A reference to the text at an earlier position.
        mutating func same(as earlier: Int) {
            byte(Tag.sameText.rawValue)
            byte(UInt8(earlier))
        }

        /// An optional number of seconds as 32 bits, absent as `UInt32.max`.
        private static func optional(_ seconds: Int?) -> UInt32 {
            seconds.map { UInt32(bitPattern: Int32(truncatingIfNeeded: $0)) } ?? .max
        }

        private mutating func byte(_ value: UInt8) {
            buffer[position] = value
            position += 1
        }

        private mutating func word(_ value: UInt64) {
            for shift in stride(from: 0, to: 64, by: 8) { byte(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
        }

        private mutating func length(_ value: Int) {
            var rest = value
            while rest >= 0x80 {
                byte(UInt8(truncatingIfNeeded: rest) | 0x80)
                rest >>= 7
            }
            byte(UInt8(rest))
        }
    }

    /// Unpacks what ``Writer`` packed.
    private struct Reader {
        let buffer: UnsafeBufferPointer<UInt8>
        var position = 0

        var isAtEnd: Bool { position >= buffer.count }

        /// The next value; `earlier` are the values read before it, at the top level.
        mutating func read(after earlier: [RuntimeValue] = []) -> RuntimeValue {
            switch Tag(rawValue: byte()) {
            case .sameText?:
                let position = Int(byte())
                return earlier.indices.contains(position) ? earlier[position] : .unknown
            case .unknown?, nil: return .unknown
            case .notExported?: return .notExported
            case .number?: return .number(Double(bitPattern: word()))
            case .text?:
                let count = length()
                defer { position += count }
                return .text(
                    String(decoding: UnsafeBufferPointer(rebasing: buffer[position..<position + count]), as: UTF8.self))
            case .falseValue?: return .bool(false)
            case .trueValue?: return .bool(true)
            case .date?:
                let day = Int(Int64(bitPattern: word()))
                let seconds = word()
                return .date(
                    CalendarDate(
                        day: day, secondOfDay: Self.optional(UInt32(truncatingIfNeeded: seconds >> 32)),
                        offsetSeconds: Self.optional(UInt32(truncatingIfNeeded: seconds))))
            case .duration?:
                let amount = Int(Int64(bitPattern: word()))
                let unit = MessageValues.units[Int(byte()) & 3]
                return .duration(amount, unit)
            case .list?:
                let count = length()
                var items: [RuntimeValue] = []
                items.reserveCapacity(count)
                for _ in 0..<count { items.append(read()) }
                return .list(RuntimeList(items))
            }
        }

        private static func optional(_ seconds: UInt32) -> Int? {
            seconds == .max ? nil : Int(Int32(bitPattern: seconds))
        }

        private mutating func byte() -> UInt8 {
            defer { position += 1 }
            return buffer[position]
        }

        private mutating func word() -> UInt64 {
            var value: UInt64 = 0
            for shift in stride(from: 0, to: 64, by: 8) { value |= UInt64(byte()) << UInt64(shift) }
            return value
        }

        private mutating func length() -> Int {
            var value = 0
            var shift = 0
            while true {
                let next = byte()
                value |= Int(next & 0x7F) << shift
                if next < 0x80 { return value }
                shift += 7
            }
        }
    }
}
