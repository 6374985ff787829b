/// One rule's message as a run writes it: the rule's templates, the run's language and terms.
/// Shared by the rule's findings, which keep only their values (``FindingText``).
final class RuleMessage: Sendable {
    let renderer: MessageRenderer
    let language: Language
    let terms: Terms

    init(renderer: MessageRenderer, language: Language, terms: Terms) {
        self.renderer = renderer
        self.language = language
        self.terms = terms
    }

    /// The message showing `values` (in the order of the renderer's arguments).
    func message(_ values: [RuntimeValue]) -> String {
        renderer.render(values, in: language, terms: terms)
    }
}
