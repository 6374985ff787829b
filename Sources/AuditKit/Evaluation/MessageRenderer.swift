/// Writes a rule's message in one language from its template and the finding's arguments: the
/// one place where numbers agree with their nouns, percentages and decimals follow the
/// language's typography and codes are written with their `term` labels.
///
/// A placeholder `{count(x) | complaint | complaints}` or `{percent(share)}` keeps its count or
/// fraction as the argument and applies the wording when written, so the arguments of a finding
/// are the same in every language.
public struct MessageRenderer: Sendable {
    /// How a placeholder is written.
    enum Format: Sendable, Equatable {
        case plain
        case plural(one: String, many: String)
        case percent
    }

    /// A template taken apart: text runs and arguments (by position in ``argumentNames``).
    struct CompiledTemplate: Sendable {
        enum Part: Sendable {
            /// A run of text, as its UTF-8 bytes.
            case text([UInt8])
            case argument(Int, Format)
        }
        let parts: [Part]
        /// Room for a message: the text runs' bytes and 24 for each value.
        let reservedLength: Int

        init(parts: [Part]) {
            self.parts = parts
            reservedLength = parts.reduce(0) { length, part in
                switch part {
                case .text(let run): return length + run.count
                case .argument: return length + 24
                }
            }
        }
    }

    /// The names of the arguments (canonical expression texts), in first-use order across every
    /// language of the rule.
    public private(set) var argumentNames: [String] = []
    /// The expression of each argument.
    private(set) var argumentExpressions: [Expr] = []
    private var templates: [Language: CompiledTemplate] = [:]

    /// Takes apart the message of `rule` in English and in each translation.
    public init(rule: RuleDeclaration) {
        var positions: [String: Int] = [:]
        func compile(_ template: MessageTemplate) -> CompiledTemplate {
            CompiledTemplate(
                parts: template.parts.map { part in
                    switch part {
                    case .text(let text): return .text(Array(text.utf8))
                    case .placeholder(let expr):
                        let (argument, format) = Self.split(expr)
                        let name = argument.canonicalText
                        if positions[name] == nil {
                            positions[name] = argumentNames.count
                            argumentNames.append(name)
                            argumentExpressions.append(argument)
                        }
                        return .argument(positions[name]!, format)
                    }
                })
        }
        templates[.en] = compile(rule.message)
        for language in Language.allCases where language != .en {
            if let translated = rule.translations[language]?.message { templates[language] = compile(translated) }
        }
    }

    /// `plural(n, "a", "b")` and `percent(x)` at the top of a placeholder are formats over `n`
    /// and `x`; anything else is written as it is.
    static func split(_ expr: Expr) -> (Expr, Format) {
        if case .call(let name, let arguments) = expr.kind {
            if name == BuiltinFunction.plural.name, arguments.count == 3,
                case .literal(.text(let one)) = arguments[1].kind, case .literal(.text(let many)) = arguments[2].kind
            {
                return (arguments[0], .plural(one: one, many: many))
            }
            if name == BuiltinFunction.percent.name, arguments.count == 1 { return (arguments[0], .percent) }
        }
        return (expr, .plain)
    }

    /// The message in `language` (English where the rule has no translation).
    public func render(_ arguments: [MessageArgument], in language: Language, terms: Terms) -> String {
        render(arguments.map(\.runtimeValue), in: language, terms: terms)
    }

    /// The message in `language`, in storage of its own size.
    ///
    /// Written as bytes into room reserved for the template's text and some for each value, then
    /// made a string once: appending to a string grew it several times per message, and left it
    /// with room for up to as much again.
    func render(_ values: [RuntimeValue], in language: Language, terms: Terms) -> String {
        guard let template = templates[language] ?? templates[.en] else { return "" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(template.reservedLength)
        for part in template.parts {
            switch part {
            case .text(let run): bytes += run
            case .argument(let index, let format):
                let value = values.indices.contains(index) ? values[index] : .unknown
                switch format {
                case .plain: Self.append(value.display(in: language, terms: terms), to: &bytes)
                case .plural(let one, let many):
                    Self.append(
                        value.number.map { ExprCompiler.plural($0, one, many, in: language) }
                            ?? value.display(in: language, terms: terms), to: &bytes)
                case .percent:
                    Self.append(
                        value.number.map { ExprCompiler.percent($0, in: language) }
                            ?? value.display(in: language, terms: terms), to: &bytes)
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the bytes of `text` at once (through `utf8` they were appended one by one).
    private static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }
}
