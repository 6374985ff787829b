import Crypto
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
/// A ``WorkerThread`` reads the file (at most ``lead`` bytes beyond where the parser last said it
/// was, or beyond the byte it is waiting for), hashes each piece as it arrives and publishes how
/// far it got; each side blocks while it waits for the other. The file itself is never mapped, so a
/// file truncated while it is read cannot fault the process; a file that grows while it is read
/// is an error.
final class StreamedFileBuffer: @unchecked Sendable {
    /// The first byte; valid up to what ``waitForByte(at:)`` returns.
    let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private let isMapped: Bool
    /// The reading thread and what it shares with the parser.
    private let reader: WorkerThread<Progress>
    /// How many leading bytes have been released (a multiple of the page size); parser only.
    private var released = 0

    /// What the reading thread and the parser tell each other.
    private struct Progress {
        /// How many leading bytes have been read (and hashed).
        var filled = 0
        /// How far the parser has got, or the byte it waits for; the reader stays within
        /// ``StreamedFileBuffer/lead`` bytes past it.
        var parserPosition = 0
        /// Set when the parser stops early: the reader then stops too.
        var cancelled = false
        /// Set once the reader has stopped, with its ``outcome``.
        var finished = false
        var outcome: Result<String, RecordLoadError> = .success("")
    }

    /// How far ahead of the parser the file is read, and how much is read at a time.
    static let lead = 8 << 20
    static let chunk = 1 << 20
    private static let pageSize = max(Int(sysconf(Int32(_SC_PAGESIZE))), 1)

    /// Starts reading the file open at `descriptor`, whose first bytes `head` have already been
    /// read and whose size was `size` when it was opened.
    init(descriptor: Int32, head: [UInt8], size: Int, path: String) {
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
        reader = WorkerThread(Progress(filled: head.count))
        guard head.count < InputReader.headSize else {
            let file = FilePiece(descriptor: descriptor, base: base, capacity: capacity, path: path)
            if !reader.start({ file.readAll(hasher: hasher, from: head.count, progress: $0) }) {
                reader.withLock { $0.parserPosition = Int.max }  // no thread: read it all here, without a lead
                file.readAll(hasher: hasher, from: head.count, progress: reader)
            }
            return
        }
        // The head is the whole file: nothing more to read.
        let digest = InputReader.hex(hasher.finalize())
        reader.withLock {
            $0.outcome = .success(digest)
            $0.finished = true
        }
    }

    deinit {
        stop()
        if isMapped {
            munmap(base, capacity)
        } else {
            base.deallocate()
        }
    }

    /// What the reading thread needs of the buffer: not the buffer itself, whose last reference
    /// stops and joins the thread.
    private struct FilePiece {
        let descriptor: Int32
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int
        let path: String

        /// Reads, hashes and publishes piece by piece until the end of the file, staying within
        /// ``StreamedFileBuffer/lead`` bytes of the parser.
        func readAll(hasher: SHA256, from offset: Int, progress: WorkerThread<Progress>) {
            var hasher = hasher
            var done = offset
            var failure: RecordLoadError?
            while progress.wait(
                until: { $0.cancelled || done - $0.parserPosition <= StreamedFileBuffer.lead }, then: { !$0.cancelled })
            {
                let n = read(descriptor, base + done, min(StreamedFileBuffer.chunk, capacity - done))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = RecordLoadError(file: path, message: InputReader.describe(errno: errno))
                    break
                }
                if n == 0 { break }
                hasher.update(bufferPointer: UnsafeRawBufferPointer(start: base + done, count: n))
                done += n
                progress.withLock { [done] in $0.filled = done }
                if done == capacity {
                    failure = RecordLoadError(
                        file: path,
                        message: "the file grew while it was being read; check it again once the export is complete")
                    break
                }
            }
            let outcome: Result<String, RecordLoadError> =
                failure.map { .failure($0) } ?? .success(InputReader.hex(hasher.finalize()))
            progress.withLock {
                $0.outcome = outcome
                $0.finished = true
            }
        }
    }

    /// Waits until the byte at `position` has been read, or the reading has stopped; returns
    /// how many bytes are then available (more than `position` unless the file ends before it).
    func waitForByte(at position: Int) -> Int {
        // The reader may be waiting for the parser to move on (a long line, a long text): it may
        // now read on from here.
        allowReading(from: position)
        return reader.wait(until: { $0.filled > position || $0.finished }, then: { $0.filled })
    }

    /// Lets the reader read up to ``lead`` bytes past `position` (never less than before); returns
    /// how many bytes have been read.
    @discardableResult
    private func allowReading(from position: Int) -> Int {
        reader.withLock {
            $0.parserPosition = max($0.parserPosition, position)
            return $0.filled
        }
    }

    /// Hands back the whole pages before `position` and lets the reader go on to ``lead`` bytes
    /// past `parsed`, where the parser is. Parser only.
    func release(before position: Int, parsed: Int) {
        let filled = allowReading(from: parsed)
        guard isMapped else { return }
        let limit = min(position, filled) / Self.pageSize * Self.pageSize
        guard limit > released else { return }
        _ = madvise(base + released, limit - released, Int32(MADV_DONTNEED))
        released = limit
    }

    /// Waits for the reading thread, which reads to the end of the file, and returns the
    /// lower-case hexadecimal SHA-256 of the file, or the error that stopped the reading.
    func digest() throws(RecordLoadError) -> String {
        allowReading(from: Int.max)
        reader.join()
        return try reader.withLock { $0.outcome }.get()
    }

    /// The error that stopped the reading, if any; the reading thread is stopped first.
    func readFailure() -> RecordLoadError? {
        stop()
        if case .failure(let failure) = reader.withLock({ $0.outcome }) { return failure }
        return nil
    }

    private func stop() {
        reader.withLock { $0.cancelled = true }
        reader.join()
    }
}
