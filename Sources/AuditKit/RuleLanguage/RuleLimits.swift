/// The limits every rule file must stay within, so that no rule file, however written, can
/// exhaust the stack or the memory of a run (docs/rule-language.md, "Limits").
public enum RuleLimits {
    /// The deepest an expression may be: parentheses, lists, calls, lookups, quantifiers and
    /// `not`/`-` each add a level, and so does every term of a chain such as `a and b and c`.
    ///
    /// The deepest bundled rule needs 28 levels (a chain of `and`s). At 100 levels the parser,
    /// the hungriest pass, takes about 2.2 MB of stack in a debug build (about 22 KB for each
    /// level of parentheses), under a third of the 8 MB stack of the main thread and of the worker
    /// threads the rules are loaded and evaluated on (`RuleLimitsTests` runs every pass at the
    /// limit on a 4 MB thread).
    public static let maximumExpressionDepth = 100

    /// The most parts (literals, names, operators, calls…) the expressions of one rule file may
    /// have once every `let` value and `define` condition is written out where it is used: named
    /// expressions that use each other could otherwise multiply a small file into an expression
    /// too large to check or evaluate. A 4 MiB rule file written without them has fewer.
    public static let maximumWrittenOutParts = 1_000_000

    /// The largest rule file read by default, in bytes (4 MiB). The bundled files are under
    /// 64 KB; parsing costs about 35 bytes of memory per byte of rule text.
    public static let defaultMaximumFileSize = 4 << 20

    /// The environment variable that sets another largest rule file size, in bytes.
    public static let maximumFileSizeVariable = "AUDITREADY_MAX_RULE_FILE_BYTES"
}
