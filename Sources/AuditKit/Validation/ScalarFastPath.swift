/// Byte-level tests that a value certainly fits its field, for the walk over millions of fields.
///
/// A test answers true only where the walk's general checks (``ContractValidator/scalarProblem(_:type:)``
/// for scalars) find no problem, and false whenever it is unsure (lists, other spellings,
/// non-ASCII text); the walk then runs those general checks, which decide and word the violation.
/// Both therefore give the same violations.
extension CompiledFields {
    /// True when the field at `index` takes any text, so that a value known to be a text fits it.
    @inline(__always)
    func acceptsAnyText(at index: Int) -> Bool { kinds[index] == .text }

    /// True when `value` certainly fits the field at `index`; false when the general checks must decide.
    @inline(__always)
    func certainlyFits(_ value: Value, at index: Int) -> Bool {
        switch kinds[index] {
        case .text:
            if case .text = value { return true }
            return false
        case .date:
            guard case .text(let text) = value else { return false }
            return ScalarFastPath.withUTF8(text, ScalarFastPath.isPlainDate)
        case .boolean:
            guard case .text(let text) = value else { return false }
            return ScalarFastPath.withUTF8(text, ScalarFastPath.isBoolean)
        case .number:
            guard case .text(let text) = value else { return false }
            return ScalarFastPath.withUTF8(text, ScalarFastPath.isPlainDecimal)
        case .code:
            // The general rule itself; it only costs more when the code is not allowed.
            guard case .text(let text) = value else { return false }
            return codes[index].contains(text)
        case .codes, .references, .records:
            return false
        }
    }
}

/// The byte tests behind ``CompiledFields/certainlyFits(_:at:)``.
enum ScalarFastPath {
    /// What `test` answers for the UTF-8 bytes of `text`, read in place; false for a string
    /// whose bytes cannot be read in place (none on this platform).
    @inline(__always)
    static func withUTF8(_ text: String, _ test: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(test) ?? false
    }

    /// `true` or `false` in ASCII letters of any case.
    static func isBoolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // `| 0x20` lower-cases an ASCII letter and maps no other byte to one.
        func matches(_ word: StaticString) -> Bool {
            guard bytes.count == word.utf8CodeUnitCount else { return false }
            for index in 0..<bytes.count where bytes[index] | 0x20 != word.utf8Start[index] { return false }
            return true
        }
        return matches("true") || matches("false")
    }

    /// `YYYY-MM-DD` naming a day that exists, as ``CalendarDate/parse(_:)`` reads it, without
    /// working out the day number.
    static func isPlainDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        func digit(_ index: Int) -> Int { Int(bytes[index] &- 48) }  // 10 or more for other bytes
        let digits = (digit(0), digit(1), digit(2), digit(3), digit(5), digit(6), digit(8), digit(9))
        guard digits.0 < 10, digits.1 < 10, digits.2 < 10, digits.3 < 10, digits.4 < 10, digits.5 < 10,
            digits.6 < 10, digits.7 < 10
        else { return false }
        let year = digits.0 * 1000 + digits.1 * 100 + digits.2 * 10 + digits.3
        let month = digits.4 * 10 + digits.5, day = digits.6 * 10 + digits.7
        return year >= 1 && (1...12).contains(month) && day >= 1 && day <= CalendarDate.daysIn(month: month, year: year)
    }

    /// `-?[0-9]+(\.[0-9]+)?`, at most 32 bytes: always a finite `Double`.
    static func isPlainDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count <= 32 else { return false }
        var index = bytes.first == UInt8(ascii: "-") ? 1 : 0
        func digits() -> Bool {
            let start = index
            while index < bytes.count, bytes[index] &- 48 < 10 { index += 1 }
            return index > start
        }
        guard digits() else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() else { return false }
        }
        return index == bytes.count
    }
}
