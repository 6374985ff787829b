import Crypto
import Dispatch
import Synchronization
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file read into memory a piece at a time, a little ahead of the parser that consumes it, and
/// handed back to the system behind it: a JSON export is never in memory whole beside the tree
/// built from it.
///
/// The bytes live at their offsets in one anonymous private mapping as large as the file, so the
/// parser sees one contiguous buffer; pages not yet read are never touched and take no memory.
/// A thread reads the file (at most ``lead`` bytes beyond where the parser last said it was, or
/// beyond the byte it is waiting for), hashes each piece as it arrives and publishes how far it
/// got. The file itself is never mapped, so a
/// file truncated while it is read cannot fault the process; a file that grows while it is read
/// is an error.
final class StreamedFileBuffer: @unchecked Sendable {
    /// The first byte; valid up to what ``waitForByte(at:)`` returns.
    let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private let isMapped: Bool
    private let path: String
    private let descriptor: Int32
    /// How many leading bytes have been read (and hashed), published by the reading thread.
    private let filledCount = Atomic<Int>(0)
    /// Set, after the last ``filledCount``, once the reading thread has stopped.
    private let finished = Atomic<Bool>(false)
    /// How far the parser has got, or the byte it waits for; the reader stays within ``lead``
    /// bytes past it.
    private let parserPosition = Atomic<Int>(0)
    /// Set when the parser stops early: the reader then stops too.
    private let cancelled = Atomic<Bool>(false)
    private let dataReady = DispatchSemaphore(value: 0)
    private let spaceReady = DispatchSemaphore(value: 0)
    /// How many leading bytes have been released (a multiple of the page size); parser only.
    private var released = 0
    private var thread: JoinableThread?
    /// Written by the reading thread before it sets ``finished``.
    private var outcome: Result<String, RecordLoadError> = .success("")

    /// How far ahead of the parser the file is read, and how much is read at a time.
    static let lead = 8 << 20
    static let chunk = 1 << 20
    private static let pageSize = max(Int(sysconf(Int32(_SC_PAGESIZE))), 1)

    /// Starts reading the file open at `descriptor`, whose first bytes `head` have already been
    /// read and whose size was `size` when it was opened.
    init(descriptor: Int32, head: [UInt8], size: Int, path: String) {
        self.descriptor = descriptor
        self.path = path
        // One byte of room beyond the size at opening, to notice a file that grew.
        capacity = max(size, head.count) + 1
        let mapped = mmap(nil, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        if let mapped, mapped != UnsafeMutableRawPointer(bitPattern: -1) {
            base = mapped.bindMemory(to: UInt8.self, capacity: capacity)
            isMapped = true
        } else {
            base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            isMapped = false
        }
        base.update(from: head, count: head.count)
        var hasher = SHA256()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(start: base, count: head.count))
        filledCount.store(head.count, ordering: .releasing)
        guard head.count < InputReader.headSize else {
            start(hasher: hasher, from: head.count)
            return
        }
        // The head is the whole file: nothing more to read.
        outcome = .success(InputReader.hex(hasher.finalize()))
        finished.store(true, ordering: .releasing)
    }

    deinit {
        stop()
        if isMapped {
            munmap(base, capacity)
        } else {
            base.deallocate()
        }
    }

    private func start(hasher: SHA256, from offset: Int) {
        thread = JoinableThread { [self] in readAll(hasher: hasher, from: offset) }
        if thread == nil {
            parserPosition.store(Int.max, ordering: .relaxed)  // no thread: read it all here, without a lead
            readAll(hasher: hasher, from: offset)
        }
    }

    /// The reading thread: reads, hashes and publishes piece by piece until the end of the file.
    private func readAll(hasher: SHA256, from offset: Int) {
        var hasher = hasher
        var done = offset
        var failure: RecordLoadError?
        while !cancelled.load(ordering: .acquiring) {
            if done - parserPosition.load(ordering: .acquiring) > Self.lead {
                spaceReady.wait()
                continue
            }
            let n = read(descriptor, base + done, min(Self.chunk, capacity - done))
            if n < 0 {
                if errno == EINTR { continue }
                failure = RecordLoadError(file: path, message: InputReader.describe(errno: errno))
                break
            }
            if n == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(start: base + done, count: n))
            done += n
            filledCount.store(done, ordering: .releasing)
            dataReady.signal()
            if done == capacity {
                failure = RecordLoadError(
                    file: path,
                    message: "the file grew while it was being read; check it again once the export is complete")
                break
            }
        }
        outcome = failure.map { .failure($0) } ?? .success(InputReader.hex(hasher.finalize()))
        finished.store(true, ordering: .releasing)
        dataReady.signal()
    }

    /// Waits until the byte at `position` has been read, or the reading has stopped; returns
    /// how many bytes are then available (more than `position` unless the file ends before it).
    func waitForByte(at position: Int) -> Int {
        var askedReader = false
        while true {
            let isFinished = finished.load(ordering: .acquiring)
            let available = filledCount.load(ordering: .acquiring)
            if available > position || isFinished { return available }
            if !askedReader {
                // The reader may be waiting for the parser to move on (a long line, a long text):
                // it may now read on from here.
                allowReading(from: position)
                askedReader = true
            }
            dataReady.wait()
        }
    }

    /// Lets the reader read up to ``lead`` bytes past `position` (never less than before).
    private func allowReading(from position: Int) {
        var current = parserPosition.load(ordering: .relaxed)
        while current < position {
            let (exchanged, original) = parserPosition.compareExchange(
                expected: current, desired: position, ordering: .releasing)
            if exchanged { break }
            current = original
        }
        spaceReady.signal()
    }

    /// Hands back the whole pages before `position` and lets the reader go on to ``lead`` bytes
    /// past `parsed`, where the parser is. Parser only.
    func release(before position: Int, parsed: Int) {
        allowReading(from: parsed)
        guard isMapped else { return }
        let limit = min(position, filledCount.load(ordering: .acquiring)) / Self.pageSize * Self.pageSize
        guard limit > released else { return }
        _ = madvise(base + released, limit - released, Int32(MADV_DONTNEED))
        released = limit
    }

    /// Waits for the reading thread, which reads to the end of the file, and returns the
    /// lower-case hexadecimal SHA-256 of the file, or the error that stopped the reading.
    func digest() throws(RecordLoadError) -> String {
        parserPosition.store(Int.max, ordering: .releasing)
        spaceReady.signal()
        join()
        return try outcome.get()
    }

    /// The error that stopped the reading, if any; the reading thread is stopped first.
    func readFailure() -> RecordLoadError? {
        stop()
        if case .failure(let failure) = outcome { return failure }
        return nil
    }

    private func stop() {
        cancelled.store(true, ordering: .releasing)
        spaceReady.signal()
        join()
    }

    private func join() {
        thread?.join()
    }
}
