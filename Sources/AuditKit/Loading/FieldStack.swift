/// The fields of the records a loader is building, innermost record last. A finished record
/// takes its fields off the top by moving them into its storage, so a field is neither copied
/// (every text retained) nor destroyed (released) on the way.
final class FieldStack {
    private var base: UnsafeMutablePointer<Record.Field>
    private var capacity: Int
    /// How many fields are on the stack.
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Puts a field on top.
    @inline(__always)
    func append(_ field: Record.Field) {
        if count == capacity { grow() }
        (base + count).initialize(to: field)
        count += 1
    }

    private func grow() {
        let larger = UnsafeMutablePointer<Record.Field>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }

    /// Drops the fields from `start` to the top (a record that will not be made).
    func remove(from start: Int) {
        guard count > start else { return }
        (base + start).deinitialize(count: count - start)
        count = start
    }

    /// The fields from `start` to the top as a record (nil when there are none), taken off the
    /// stack.
    func takeRecord(from start: Int, location: SourceLocation, shapes: inout RecordShapeTable?) -> Record? {
        guard count > start else { return nil }
        let fields = UnsafeMutableBufferPointer(start: base + start, count: count - start)
        count = start
        return Record(moving: fields, location: location, shapes: &shapes)
    }
}
