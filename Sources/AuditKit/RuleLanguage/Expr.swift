/// An expression of the rule language, with the place it was written.
public struct Expr: Sendable, Equatable {
    /// What the expression computes.
    public var kind: Kind { didSet { depth = Self.depth(of: kind) } }
    /// Where it starts in its rule file (file index, line, column).
    public var location: SourceLocation
    /// How many levels deep the expression is: 1 for a literal or a name, one more than its
    /// deepest operand otherwise. The parser refuses expressions deeper than
    /// ``RuleLimits/maximumExpressionDepth``, so every pass over an expression can recurse safely.
    public private(set) var depth: Int32

    /// Creates an expression node.
    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
        self.depth = Self.depth(of: kind)
    }

    /// One more than the deepest operand of `kind` (1 for a leaf).
    private static func depth(of kind: Kind) -> Int32 {
        var deepest: Int32 = 0
        switch kind {
        case .literal, .name: break
        case .duration(let operand, _), .member(let operand, _), .unary(_, let operand), .test(let operand, _, _):
            deepest = operand.depth
        case .list(let items), .call(_, let items):
            for item in items { deepest = max(deepest, item.depth) }
        case .lookup(let lhs, let rhs), .binary(_, let lhs, let rhs), .membership(let lhs, let rhs, _),
            .within(let lhs, let rhs), .uniqueIn(let lhs, let rhs), .quantifier(_, _, let lhs, let rhs),
            .filter(_, let lhs, let rhs):
            deepest = max(lhs.depth, rhs.depth)
        }
        return deepest &+ 1
    }

    /// The forms an expression can take. See docs/rule-language.md for the grammar.
    public indirect enum Kind: Sendable, Equatable {
        /// A number, text, boolean, date or duration written in the rule.
        case literal(Literal)
        /// `amount unit` where the amount is not a literal: `ack_days days`.
        case duration(Expr, DurationUnit)
        /// `[a, b, c]`.
        case list([Expr])
        /// A bare name: a loop variable, a parameter, `audit_date`, or a top-level collection or
        /// group of the export (`complaints`, `organisation`).
        case name(String)
        /// `base.field`: a field of a record; on a list, the field of every item (projection).
        case member(Expr, String)
        /// `collection[id]`: the record of that collection whose `id` is the key (an index lookup).
        case lookup(Expr, Expr)
        /// `function(arguments)`: a built-in function (see ``BuiltinFunction``).
        case call(String, [Expr])
        /// `- x` or `not x`.
        case unary(UnaryOperator, Expr)
        /// `a + b`, `a <= b`, `a and b`, `a before b`…
        case binary(BinaryOperator, Expr, Expr)
        /// `x is present`, `x is not empty`, `x is a date`…
        case test(Expr, Test, negated: Bool)
        /// `x in list` / `x not in list`.
        case membership(Expr, Expr, negated: Bool)
        /// `date within 12 months`: on or after the audit date less the duration, and not after the
        /// audit date.
        case within(Expr, Expr)
        /// `x is unique in collection`: the value occurs as `id` of exactly one record there.
        case uniqueIn(Expr, Expr)
        /// `every x in list satisfies cond`, `some …`, `no …`.
        case quantifier(Quantifier, variable: String, source: Expr, condition: Expr)
        /// `x in list where cond`: the items of a list that satisfy a condition, inside an aggregate
        /// such as `count(...)` or `share(...)`.
        case filter(variable: String, source: Expr, condition: Expr)
    }

    /// A constant written in a rule.
    public enum Literal: Sendable, Equatable {
        case number(Double)
        case text(String)
        case bool(Bool)
        case date(CalendarDate)
        case duration(Int, DurationUnit)
    }

    /// The units of a duration literal such as `30 days`.
    public enum DurationUnit: String, Sendable, Equatable {
        case days, weeks, months, years
    }

    /// Prefix operators.
    public enum UnaryOperator: String, Sendable, Equatable {
        case negate = "-"
        case not
    }

    /// Infix operators, from lowest to highest precedence: `or`; `and`; comparisons and
    /// `before`/`after`; `+ -`; `* /`.
    public enum BinaryOperator: String, Sendable, Equatable {
        case or, and
        case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case before, after
        case add = "+", subtract = "-", multiply = "*", divide = "/"
    }

    /// The tests written `x is …`.
    public enum Test: String, Sendable, Equatable {
        /// The value exists (a missing field, a JSON null and an empty XML element are absent).
        case present
        /// The value does not exist.
        case absent
        /// Absent, blank text or an empty list.
        case empty
        /// The value reads as `true`.
        case `true`
        /// The value reads as `false`.
        case `false`
        /// The value is present and a valid ISO 8601 date (`x is a date`).
        case date
        /// The value is present and a number (`x is a number`).
        case number
    }

    /// The quantifiers `every`, `some` and `no`.
    public enum Quantifier: String, Sendable, Equatable {
        case every, some, no
    }
}
