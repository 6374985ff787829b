/// ``ClauseNumber`` answers for clause numbers made of digits and separators only (`9.2.2`),
/// read in place from their UTF-8 bytes instead of split into strings; nil for any other clause
/// number, which the split parts answer.
enum PlainClauseNumber {
    /// ``ClauseNumber/compare(_:_:)``.
    static func compare(_ lhs: String, _ rhs: String) -> Int? {
        sideBySide(lhs, rhs) { left, right -> Int? in
            switch (left, right) {
            case (.end, .end): return 0
            case (.end, _): return -1
            case (_, .end): return 1
            case let (.number(a, aText), .number(b, bText)):
                // As on split parts: parts that differ as text are ordered by value, and a tie in
                // value (`01` and `1`) orders the left one after.
                return aText.elementsEqual(bText) ? nil : (a < b ? -1 : 1)
            }
        }
    }

    /// ``ClauseNumber/isWithin(_:_:)``.
    static func isWithin(_ clause: String, _ parent: String) -> Bool? {
        sideBySide(clause, parent) { child, ancestor -> Bool? in
            switch (child, ancestor) {
            case (_, .end): return true
            case (.end, _): return false
            case let (.number(_, childText), .number(_, ancestorText)):
                return childText.elementsEqual(ancestorText) ? nil : false
            }
        }
    }

    /// One part of a clause number.
    enum Part {
        /// A run of digits: its value and its bytes.
        case number(Int, UnsafeBufferPointer<UInt8>)
        /// No part left.
        case end
    }

    /// Reads the parts of `lhs` and `rhs` side by side until `decide` answers (nil: go on); nil
    /// when a part is not a run of at most 18 ASCII digits.
    private static func sideBySide<Answer>(
        _ lhs: String, _ rhs: String,
        _ decide: (Part, Part) -> Answer?
    ) -> Answer? {
        var lhs = lhs, rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                var leftPosition = 0, rightPosition = 0
                while true {
                    guard let leftPart = part(of: left, from: &leftPosition),
                        let rightPart = part(of: right, from: &rightPosition)
                    else { return nil }
                    if let answer = decide(leftPart, rightPart) { return answer }
                }
            }
        }
    }

    /// The part starting at or after `position` (skipping separators), which moves past it; nil
    /// when it is not a run of at most 18 ASCII digits.
    private static func part(of bytes: UnsafeBufferPointer<UInt8>, from position: inout Int) -> Part? {
        while position < bytes.count, isSeparator(bytes[position]) { position += 1 }
        guard position < bytes.count else { return .end }
        let start = position
        var value = 0
        while position < bytes.count, !isSeparator(bytes[position]) {
            let byte = bytes[position]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), position - start < 18 else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            position += 1
        }
        return .number(value, UnsafeBufferPointer(rebasing: bytes[start..<position]))
    }

    /// `.`, space, `(` and `)`: what ``ClauseNumber/parts(_:)`` splits on.
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
    }
}
