#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A POSIX thread running one closure, joined once (a `Thread` of Foundation cannot be joined).
struct JoinableThread {
    private var handle = pthread_t()
    private var running = false

    /// Starts `body` on a new thread; nil when no thread could be made (the caller then does the
    /// work itself).
    init?(_ body: @escaping () -> Void) {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        let entry: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = { raw in
            guard let raw else { return nil }
            Unmanaged<Body>.fromOpaque(raw).takeRetainedValue().run()
            return nil
        }
        #if canImport(Darwin)
            var made: pthread_t?
            running = pthread_create(&made, nil, entry, context) == 0
            if let made { handle = made }
        #else
            running = pthread_create(&handle, nil, entry, context) == 0
        #endif
        guard running else {
            Unmanaged<Body>.fromOpaque(context).release()
            return nil
        }
    }

    /// Waits for the closure to finish; later calls return at once.
    mutating func join() {
        guard running else { return }
        pthread_join(handle, nil)
        running = false
    }

    private final class Body {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }
}
