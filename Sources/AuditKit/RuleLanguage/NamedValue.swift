/// `let NAME = EXPR` inside a rule: a value named once and used by its name in the rule's
/// `where`, `require`, `grade … when` and messages.
///
/// The parser writes every use out in full (``NamedExpressionExpander``), so a rule with `let`s
/// evaluates, and reports its message arguments, exactly as the same rule written without them.
public struct NamedValue: Sendable, Equatable {
    /// The name, used bare in the rule: `due`.
    public var name: String
    /// The expression it stands for, with the rule's earlier `let`s and the file's `define`s
    /// already written out.
    public var value: Expr
    /// Where `let` is written.
    public var location: SourceLocation

    /// Creates a named value.
    public init(name: String, value: Expr, location: SourceLocation) {
        self.name = name
        self.value = value
        self.location = location
    }
}
