import Synchronization

/// An interned field or collection name.
///
/// Loaders intern every element and key name once, so records hold a 4-byte number instead of a
/// string per field, and the evaluator compares names as integers.
public struct Name: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The number of this name in the process-wide table.
    public let id: Int32

    /// Interns `string` and returns its name.
    public init(_ string: String) {
        id = NameTable.shared.intern(string)
    }

    /// The text of the name.
    public var string: String { NameTable.shared.string(for: id) }
    public var description: String { string }

    public static func < (lhs: Name, rhs: Name) -> Bool { lhs.string < rhs.string }

    /// The `id` field every collection item is keyed on.
    public static let id = Name("id")
}

/// The process-wide table behind ``Name``; thread-safe.
final class NameTable: Sendable {
    static let shared = NameTable()

    private struct Storage {
        var ids: [String: Int32] = [:]
        var strings: [String] = []
    }
    private let storage = Mutex(Storage())

    func intern(_ string: String) -> Int32 {
        storage.withLock { storage in
            if let id = storage.ids[string] { return id }
            let id = Int32(storage.strings.count)
            storage.strings.append(string)
            storage.ids[string] = id
            return id
        }
    }

    func string(for id: Int32) -> String {
        storage.withLock { $0.strings[Int(id)] }
    }
}
