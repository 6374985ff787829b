/// A value worked out on a ``WorkerThread`` while the caller goes on with other work; ``value``
/// waits for it.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let worker = WorkerThread<Value?>(nil)

    /// Starts `work` on a thread of its own (or does it here when no thread can be made).
    init(_ work: @escaping @Sendable () -> Value) {
        let started = worker.start { worker in
            let value = work()
            worker.withLock { $0 = value }
        }
        if !started {
            let value = work()
            worker.withLock { $0 = value }
        }
    }

    /// The value, once the work has finished.
    var value: Value {
        worker.wait(until: { $0 != nil }, then: { $0! })
    }
}
