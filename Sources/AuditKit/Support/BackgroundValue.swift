import Foundation

/// A value worked out on another thread while the caller goes on with other work; ``value``
/// waits for it.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    // `result` is written once before `done` is left and read only after waiting on `done`.
    private let done = DispatchGroup()
    private var result: Value?

    /// Starts `work` on a global queue.
    init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global().async { [self] in
            result = work()
            done.leave()
        }
    }

    /// The value, once the work has finished.
    var value: Value {
        done.wait()
        return result!
    }
}
