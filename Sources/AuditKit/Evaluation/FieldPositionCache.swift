/// Remembers where a field was found in the last record read by one member access
/// (`complaint.closed_on`). Records of a collection are written with their fields in the same
/// order, so the next record almost always has the field at the same position and the linear
/// scan is skipped. Used by one compiled rule, on one thread at a time.
final class FieldPositionCache {
    /// Kept in memory of its own rather than in a stored `var`: a class's stored property is
    /// checked for exclusive access at run time on every read, and this is read for every field
    /// a rule reads.
    private let position: UnsafeMutablePointer<Int>

    init() {
        position = .allocate(capacity: 1)
        position.initialize(to: 0)
    }

    deinit {
        position.deallocate()
    }

    /// The value of the field `name` in `record`, or nil when it is absent.
    @inline(__always)
    func value(of name: Name, in record: Record) -> Value? {
        record.value(of: name, hint: &position.pointee)
    }

    /// The date of the field `name` of `record`, when the record can tell it without reading
    /// the text out (``Record/inlineDate(of:hint:)``); nil when it cannot.
    @inline(__always)
    func inlineDate(of name: Name, in record: Record) -> CalendarDate?? {
        record.inlineDate(of: name, hint: &position.pointee)
    }

    /// Whether the field `name` of `record` is present (not absent, not blank), when the record
    /// can tell without reading its value out; nil when it cannot.
    @inline(__always)
    func presence(of name: Name, in record: Record) -> Bool? {
        record.presence(of: name, hint: &position.pointee)
    }
}
