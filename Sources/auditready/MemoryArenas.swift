#if os(Linux)
    import CMalloc
    import Glibc
#endif

/// How the C library's allocator serves the run's threads.
enum MemoryArenas {
    /// Has glibc keep one allocation arena for every thread instead of one per thread, unless
    /// `MALLOC_ARENA_MAX` says otherwise. The records are read on one thread and the rules
    /// evaluated on others: with an arena each, the memory the reading freed could not serve the
    /// findings, and a 300,000-complaint export peaked 17–22 MB higher (docs/performance.md).
    static func shareOne() {
        #if os(Linux)
            guard getenv("MALLOC_ARENA_MAX") == nil else { return }
            _ = mallopt(M_ARENA_MAX, 1)
        #endif
    }
}
