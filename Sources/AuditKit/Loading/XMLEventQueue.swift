import Foundation
import Synchronization

/// One piece of an XML parse, in file order, as ``XMLEventWriter`` hands it to the tree builder.
enum XMLEvent {
    /// A start tag: the element's name number, the line its tag ends on, and which start tag on
    /// that line it is (1 for the first), to find its column if an error concerns it.
    case start(name: Int32, line: Int32, ordinal: Int32)
    /// An attribute of the element just started; nil when its value is blank.
    case attribute(name: Int32, value: String?)
    /// Text of the innermost element, before any child element: bytes of the chunk's ``XMLEventChunk/bytes``.
    case text(start: Int32, count: Int32)
    /// An end tag.
    case end
}

/// An element or attribute name, interned once per parse.
struct XMLName {
    var name: Name
    var text: String
    /// True when the records contract lists this name as a list field.
    var isListField: Bool
}

/// A batch of events with the text bytes they refer to and the names they introduce.
///
/// A value, moved from one thread to the other through the queue (its arrays' buffers go with
/// it and are reused): as a class, its stored properties were checked for exclusive access at
/// run time, a thread-local lookup for every event, about a fifth of the parsing side's
/// instructions.
struct XMLEventChunk {
    var events: [XMLEvent] = []
    var bytes: [UInt8] = []
    /// Names first used in this chunk, numbered after those of earlier chunks.
    var names: [XMLName] = []

    /// Events per chunk before it is handed over.
    static let capacity = 8192

    init() {
        events.reserveCapacity(Self.capacity + 64)
        bytes.reserveCapacity(64 * 1024)
    }

    mutating func clear() {
        events.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        names.removeAll(keepingCapacity: true)
    }
}

/// Hands event chunks from the parsing thread to the building thread, a few at a time (so memory
/// stays bounded whichever side is faster), and gives used chunks back for reuse.
final class XMLEventQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var full: [XMLEventChunk] = []
    private var spare: [XMLEventChunk] = []
    private var finished = false
    /// Set by the builder when it has failed: the parser stops at its next event.
    let builderStopped = Atomic<Bool>(false)
    private static let depth = 4

    /// Queues a filled chunk, waiting while ``depth`` chunks are already waiting.
    func put(_ chunk: XMLEventChunk) {
        condition.lock()
        while full.count >= Self.depth && !builderStopped.load(ordering: .relaxed) { condition.wait() }
        full.append(chunk)
        condition.broadcast()
        condition.unlock()
    }

    /// A chunk to fill: a used one when there is one.
    func freshChunk() -> XMLEventChunk {
        condition.lock()
        defer { condition.unlock() }
        return spare.popLast() ?? XMLEventChunk()
    }

    /// No more chunks will come.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk, waiting for it; nil once every chunk has been taken and ``finish()`` was called.
    func take() -> XMLEventChunk? {
        condition.lock()
        defer { condition.unlock() }
        while full.isEmpty && !finished { condition.wait() }
        if full.isEmpty { return nil }
        let chunk = full.removeFirst()
        condition.broadcast()
        return chunk
    }

    /// Gives a chunk that has been built back for reuse, emptied (its capacity kept).
    func recycle(_ chunk: consuming XMLEventChunk) {
        chunk.clear()
        condition.lock()
        spare.append(chunk)
        condition.unlock()
    }

    /// The builder failed: release a parser waiting to queue a chunk.
    func stop() {
        builderStopped.store(true, ordering: .relaxed)
        condition.lock()
        condition.broadcast()
        condition.unlock()
    }
}
