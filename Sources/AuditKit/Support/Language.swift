/// A language reports can be written in (`--lang`), and rule files can carry texts in.
public enum Language: String, Sendable, Codable, CaseIterable, Comparable {
    /// English, the language rule texts are written in first.
    case en
    /// French: rule files add `title.fr`, `message.fr`, `guidance.fr` and clause `fr` variants.
    case fr

    public static func < (lhs: Language, rhs: Language) -> Bool { lhs.rawValue < rhs.rawValue }
}
