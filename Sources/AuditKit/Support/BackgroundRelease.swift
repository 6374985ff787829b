import Foundation

/// Holds the only reference to a large object until ``release()`` lets it go on another thread,
/// so that the caller does not wait while it is taken apart.
final class BackgroundRelease<Object: AnyObject & Sendable>: @unchecked Sendable {
    // Set once at creation, cleared once on the global queue after the caller's last use.
    private var object: Object?

    /// Takes `object`; the caller keeps no other reference to it.
    init(_ object: Object) {
        self.object = object
    }

    /// The object, until ``release()``.
    var value: Object { object! }

    /// Drops the object on a global queue; ``value`` must not be read afterwards.
    func release() {
        DispatchQueue.global().async { self.object = nil }
    }
}
