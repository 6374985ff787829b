import Synchronization

/// An interned field or collection name: its number in a run's ``NameTable``.
///
/// Loaders intern every element and key name once, so records hold a 4-byte number instead of a
/// string per field, and the evaluator compares names as integers. A name means something only
/// with its table: ``NameTable/string(_:)`` spells it, ``Record/fieldName(at:)`` spells a
/// record's field.
public struct Name: Hashable, Sendable {
    /// The number of this name in its table.
    public let id: Int32

    /// The `id` field every collection item is keyed on; every table numbers it 0.
    public static let id = Name(id: 0)
}

/// The names of one run: every field and collection name its loaders, rules and mappings met,
/// numbered from 0 in the order they were first interned. Thread-safe (loaders intern on their
/// own threads); freed with the run's records, which refer to it.
public final class NameTable: Sendable {
    private struct Storage {
        var ids: [String: Int32] = [:]
        var strings: [String] = []
    }
    private let storage = Mutex(Storage())

    /// A table holding only `id` (``Name/id``).
    public init() {
        _ = name("id")
    }

    /// The name spelled `string`, interned if the table does not hold it yet.
    public func name(_ string: String) -> Name {
        Name(
            id: storage.withLock { storage in
                if let id = storage.ids[string] { return id }
                let id = Int32(storage.strings.count)
                storage.strings.append(string)
                storage.ids[string] = id
                return id
            })
    }

    /// The name spelled `string` when the table holds it (no record of this run can have a
    /// field the table does not hold).
    public func existing(_ string: String) -> Name? {
        storage.withLock { $0.ids[string] }.map(Name.init(id:))
    }

    /// How `name` is spelled. `name` must come from this table.
    public func string(_ name: Name) -> String {
        storage.withLock { storage in
            precondition(Int(name.id) < storage.strings.count, "a name from another run's table")
            return storage.strings[Int(name.id)]
        }
    }

    /// How many names the table holds.
    public var count: Int { storage.withLock { $0.strings.count } }
}

extension DefaultStringInterpolation {
    /// A name's number means nothing in a text: spell it through its table (``NameTable/string(_:)``,
    /// ``Record/fieldName(at:)``).
    @available(*, unavailable, message: "spell a name through its NameTable")
    mutating func appendInterpolation(_ name: Name) {}
}
