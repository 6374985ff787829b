#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Work on a thread of its own, and the state it shares with the thread that started it: the one
/// way the loaders read, hash and parse at the same time.
///
/// Both sides reach ``Shared`` only through ``withLock(_:)`` and ``wait(until:then:)``, under one
/// mutex; every change wakes the other side, and a side that waits blocks on a condition (no
/// spinning, no polling). It is all POSIX threads: a thread of its own, unlike a Dispatch work
/// item, can wait without holding up other work on the two cores, and can be joined. The running
/// work keeps its worker alive: whoever starts it lets it finish, or tells it through ``Shared`` to
/// stop, and joins it.
final class WorkerThread<Shared>: @unchecked Sendable {
    // `shared` is only touched with `mutex` held; `handle` and `started` only by the starting thread.
    private var shared: Shared
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var handle = pthread_t()
    private var started = false

    init(_ shared: Shared) {
        self.shared = shared
        mutex.initialize(to: pthread_mutex_t())
        changed.initialize(to: pthread_cond_t())
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        // The work's last reference may go on its own thread, which cannot join itself.
        if started {
            if pthread_equal(handle, pthread_self()) != 0 {
                pthread_detach(handle)
            } else {
                pthread_join(handle, nil)
            }
        }
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    /// Runs `work` on a new thread (at most once); false when no thread could be made, and the
    /// caller then does the work itself.
    func start(_ work: @escaping (WorkerThread) -> Void) -> Bool {
        precondition(!started, "a worker thread runs one piece of work")
        guard let made = startThread(Work(work, on: self)) else { return false }
        handle = made
        started = true
        return true
    }

    /// Waits for the work to finish; at once when it has, or never started. Starting thread only.
    func join() {
        guard started else { return }
        pthread_join(handle, nil)
        started = false
    }

    /// Reads or changes the shared state, then wakes the other side if it waits.
    @discardableResult
    func withLock<Result>(_ body: (inout Shared) -> Result) -> Result {
        pthread_mutex_lock(mutex)
        defer {
            pthread_cond_broadcast(changed)
            pthread_mutex_unlock(mutex)
        }
        return body(&shared)
    }

    /// Blocks until `ready` holds of the shared state, then reads or changes it with `body`
    /// (waking the other side) without letting go of it in between.
    func wait<Result>(until ready: (Shared) -> Bool, then body: (inout Shared) -> Result) -> Result {
        pthread_mutex_lock(mutex)
        defer {
            pthread_cond_broadcast(changed)
            pthread_mutex_unlock(mutex)
        }
        while !ready(shared) { pthread_cond_wait(changed, mutex) }
        return body(&shared)
    }
}

/// Something to run on a new thread.
private protocol ThreadBody: AnyObject {
    func run()
}

extension WorkerThread {
    /// The work and the worker it is given, kept alive until the work has run.
    fileprivate final class Work: ThreadBody {
        let body: (WorkerThread) -> Void
        let worker: WorkerThread
        init(_ body: @escaping (WorkerThread) -> Void, on worker: WorkerThread) {
            self.body = body
            self.worker = worker
        }
        func run() { body(worker) }
    }
}

/// Starts `body` on a new POSIX thread, which must be joined; nil when none could be made.
private func startThread(_ body: any ThreadBody) -> pthread_t? {
    let context = Unmanaged.passRetained(Box(body)).toOpaque()
    let entry: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = { raw in
        guard let raw else { return nil }
        Unmanaged<Box>.fromOpaque(raw).takeRetainedValue().body.run()
        return nil
    }
    #if canImport(Darwin)
        var made: pthread_t?
        guard pthread_create(&made, nil, entry, context) == 0, let made else {
            Unmanaged<Box>.fromOpaque(context).release()
            return nil
        }
        return made
    #else
        var made = pthread_t()
        guard pthread_create(&made, nil, entry, context) == 0 else {
            Unmanaged<Box>.fromOpaque(context).release()
            return nil
        }
        return made
    #endif
}

/// A thread's body behind one pointer.
private final class Box {
    let body: any ThreadBody
    init(_ body: any ThreadBody) { self.body = body }
}
