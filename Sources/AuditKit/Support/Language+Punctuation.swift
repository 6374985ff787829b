/// The punctuation every text type (report, follow-up, dossier, programme) writes in a language:
/// French puts a no-break space before « : ; » (and inside guillemets), English does not.
extension Language {
    /// The no-break space of French typography.
    static let noBreakSpace = "\u{00A0}"

    /// ": " in English, no-break space and colon in French.
    public var colon: String { self == .fr ? "\(Self.noBreakSpace): " : ": " }

    /// "; " in English, no-break space and semicolon in French.
    public var semicolon: String { self == .fr ? "\(Self.noBreakSpace); " : "; " }
}
