/// The bounds a workbook must stay within, checked while its parts are streamed (never trusted
/// from the ZIP headers): they stop zip bombs and absurd sheets with a clear message instead of
/// exhausting memory or time.
struct WorkbookLimits: Sendable {
    /// The most bytes one part may expand to.
    var partBytes: Int = 1 << 30
    /// The most bytes all the parts read may expand to together.
    var totalBytes: Int = 2 << 30
    /// The highest expansion ratio (expanded bytes per stored byte) of a part larger than
    /// ``ratioFloor``; office files stay well under 100.
    var ratio: Int = 250
    /// Parts that expand to fewer bytes than this are not ratio-checked (tiny parts compress well).
    var ratioFloor: Int = 8 << 20
    /// Excel's own bounds: 1,048,576 rows and 16,384 columns (A to XFD).
    var rows: Int = 1_048_576
    var columns: Int = 16_384
    /// The most entries of the shared-strings table.
    var sharedStrings: Int = 2_000_000
    /// The most sheets a workbook may list.
    var sheets: Int = 1_000

    /// The limits used by `check`, `validate` and `map`.
    static let standard = WorkbookLimits()
}
