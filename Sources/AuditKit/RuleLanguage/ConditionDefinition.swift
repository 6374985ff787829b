/// `define NAME(PARAMETER, …) = EXPR` at the top level of a rule file: a condition (or any value)
/// with parameters, called like a function by every rule of the same file:
/// `define in_service(eq) = eq.status is absent or lower(eq.status) != "quarantined"`, then
/// `where in_service(instrument)`.
///
/// The parser writes every call out in full, the arguments in place of the parameters
/// (``NamedExpressionExpander``); a definition cannot call itself, directly or through another.
public struct ConditionDefinition: Sendable, Equatable {
    /// The name it is called by.
    public var name: String
    /// The names of its parameters, in order.
    public var parameters: [String]
    /// The expression, with the other definitions it calls already written out.
    public var body: Expr
    /// Where `define` is written.
    public var location: SourceLocation

    /// Creates a definition.
    public init(name: String, parameters: [String], body: Expr, location: SourceLocation) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.location = location
    }
}
