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
            case text(String)
            case argument(Int, Format)
        }
        var parts: [Part]
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
                    case .text(let text): return .text(text)
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

    func render(_ values: [RuntimeValue], in language: Language, terms: Terms) -> String {
        guard let template = templates[language] ?? templates[.en] else { return "" }
        var text = ""
        for part in template.parts {
            switch part {
            case .text(let run): text += run
            case .argument(let index, let format):
                let value = values.indices.contains(index) ? values[index] : .unknown
                switch format {
                case .plain: text += value.display(in: language, terms: terms)
                case .plural(let one, let many):
                    text +=
                        value.number.map { ExprCompiler.plural($0, one, many, in: language) }
                        ?? value.display(in: language, terms: terms)
                case .percent:
                    text +=
                        value.number.map { ExprCompiler.percent($0, in: language) }
                        ?? value.display(in: language, terms: terms)
                }
            }
        }
        return Self.compacted(text)
    }

    /// `text` in storage of its own size. Built by appending, a message ends with room for up to
    /// as much again, kept as long as its finding: 46,000 findings at 300,000 complaints.
    static func compacted(_ text: String) -> String {
        var text = text
        return text.withUTF8 { String(decoding: $0, as: UTF8.self) }
    }
}
