/// One piece of an XML parse, in file order, as ``XMLEventWriter`` hands it to the tree builder.
enum XMLEvent {
    /// A start tag: the element's name number, the line its tag ends on, and which start tag on
    /// that line it is (1 for the first), to find its column if an error concerns it.
    case start(name: Int32, line: Int32, ordinal: Int32)
    /// An attribute of the element just started: its value's bytes as the parser gives them
    /// (``LibXMLParsing/attributeText(_:)`` reads them), in the chunk's ``XMLEventChunk/bytes``.
    /// Events hold no reference, so handing them over and reading them costs no reference
    /// counting on either thread.
    case attribute(name: Int32, start: Int32, count: Int32)
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

/// Hands event chunks from the parsing thread to the tree builder, which runs on a
/// ``WorkerThread`` of its own, a few at a time (so memory stays bounded whichever side is
/// faster), and gives used chunks back for reuse.
final class XMLEventQueue: @unchecked Sendable {
    private struct State {
        var full: [XMLEventChunk] = []
        var spare: [XMLEventChunk] = []
        /// No more chunks will come.
        var finished = false
        /// The builder has failed: the parser need not go on.
        var builderStopped = false
        /// How many filled chunks may wait; unbounded when the builder has no thread of its own.
        var depth = 4
    }
    private let builder = WorkerThread(State())
    /// The building, when no thread could be made for it: run once the parse is over.
    private var unstarted: (() -> Void)?

    /// Starts `build`, which takes chunks until none is left, on a thread of its own.
    func startBuilding(_ build: @escaping () -> Void) {
        if !builder.start({ _ in build() }) {
            builder.withLock { $0.depth = Int.max }
            unstarted = build
        }
    }

    /// Waits for the building to finish (after ``finish()``).
    func waitForBuilder() {
        builder.join()
        unstarted?()
        unstarted = nil
    }

    /// Queues a filled chunk, waiting while a few are already waiting; false once the builder has
    /// stopped (the parse may stop too).
    func put(_ chunk: XMLEventChunk) -> Bool {
        builder.wait(
            until: { $0.full.count < $0.depth || $0.builderStopped },
            then: {
                $0.full.append(chunk)
                return !$0.builderStopped
            })
    }

    /// A chunk to fill: a used one when there is one.
    func freshChunk() -> XMLEventChunk {
        builder.withLock { $0.spare.popLast() } ?? XMLEventChunk()
    }

    /// No more chunks will come.
    func finish() {
        builder.withLock { $0.finished = true }
    }

    /// The next chunk, waiting for it; nil once every chunk has been taken and ``finish()`` was called.
    func take() -> XMLEventChunk? {
        builder.wait(
            until: { !$0.full.isEmpty || $0.finished }, then: { $0.full.isEmpty ? nil : $0.full.removeFirst() })
    }

    /// Gives a chunk that has been built back for reuse, emptied (its capacity kept).
    func recycle(_ chunk: consuming XMLEventChunk) {
        chunk.clear()
        builder.withLock { [chunk] in $0.spare.append(chunk) }
    }

    /// The builder failed: release a parser waiting to queue a chunk.
    func stop() {
        builder.withLock { $0.builderStopped = true }
    }
}
