/// Remembers where a field was found in the last record read by one member access
/// (`complaint.closed_on`). Records of a collection are written with their fields in the same
/// order, so the next record almost always has the field at the same position and the linear
/// scan is skipped. Used by one compiled rule, on one thread at a time.
final class FieldPositionCache {
    @exclusivity(unchecked) private var position = 0

    /// The value of the field `name` in `record`, or nil when it is absent.
    @inline(__always)
    func value(of name: Name, in record: Record) -> Value? {
        record.value(of: name, hint: &position)
    }
}
