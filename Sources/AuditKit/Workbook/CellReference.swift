/// A cell's place on a sheet, as spreadsheets write it (`C12`: column C, row 12).
struct CellReference: Equatable {
    /// 1-based column (A is 1, XFD is 16,384).
    var column: Int
    /// 1-based row.
    var row: Int

    /// Parses `C12`; nil when it is not a cell reference within Excel's bounds.
    init?(_ text: String) {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0:
                column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: "$"):
                continue
            default:
                return nil
            }
            guard letters <= 3, digits <= 7 else { return nil }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        self.column = column
        self.row = row
    }

    init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// The column's letters (`A`, `Z`, `AA`, `XFD`).
    static func letters(_ column: Int) -> String {
        var number = column
        var result: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            result.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(remainder))))
            number = (number - 1) / 26
        }
        return String(result.reversed())
    }

    /// `C12`.
    var description: String { "\(Self.letters(column))\(row)" }
}
