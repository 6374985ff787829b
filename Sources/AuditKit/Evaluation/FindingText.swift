/// A finding's message and the values it shows (``Finding/message``, ``Finding/arguments``): as
/// given, or, for a finding of a rule, the rule's message and the values packed, written out
/// each time they are read. A report of 46,000 findings then holds no message in memory until it
/// is written, and the corrective action plan shares its lines' texts with the findings.
enum FindingText: Sendable, Equatable {
    /// A message and arguments given as they are (a built-in check's, or read from a report).
    case given(Given)
    /// A rule's message, written in its run's language from the values.
    case rule(RuleMessage, MessageValues)

    /// A message and its arguments, kept out of line so that a finding holds one word for either
    /// form.
    final class Given: Sendable {
        let message: String
        let arguments: [MessageArgument]

        init(message: String, arguments: [MessageArgument]) {
            self.message = message
            self.arguments = arguments
        }
    }

    /// A given message and arguments.
    static func given(_ message: String, _ arguments: [MessageArgument] = []) -> FindingText {
        .given(Given(message: message, arguments: arguments))
    }

    /// The message.
    var message: String {
        switch self {
        case .given(let given): return given.message
        case .rule(let rule, let values): return rule.message(values.values)
        }
    }

    /// The values the message shows, typed.
    var arguments: [MessageArgument] {
        switch self {
        case .given(let given): return given.arguments
        case .rule(_, let values): return values.values.map(MessageArgument.init)
        }
    }

    /// The message and its arguments, the values unpacked once for both.
    var messageAndArguments: (message: String, arguments: [MessageArgument]) {
        switch self {
        case .given(let given): return (given.message, given.arguments)
        case .rule(let rule, let packed):
            let values = packed.values
            return (rule.message(values), values.map(MessageArgument.init))
        }
    }

    /// Texts are equal when their messages are, however they are kept.
    static func == (lhs: FindingText, rhs: FindingText) -> Bool {
        if case .rule(let left, let leftValues) = lhs, case .rule(let right, let rightValues) = rhs, left === right,
            leftValues == rightValues
        {
            return true
        }
        return lhs.message == rhs.message
    }
}
