/// The built-in functions of the rule language (see ``BuiltinFunction``).
extension ExprCompiler {
    mutating func compileCall(_ name: String, _ arguments: [Expr]) -> Evaluation {
        guard let function = BuiltinFunction(name: name) else { return { _ in .unknown } }
        if let first = arguments.first, case .filter(let variable, let source, let condition) = first.kind,
            filterHangsOnFieldNotExported(variable, over: source, condition)
        {
            // The filter is unknown when the export cannot show what it tests: so is the aggregate.
            return { _ in .unknown }
        }
        if function == .share, let first = arguments.first,
            case .filter(let variable, let source, let condition) = first.kind
        {
            return compileShare(variable, source, condition)
        }
        if function == .count, arguments.count == 1,
            case .filter(let variable, let sourceExpr, let condition) = arguments[0].kind,
            let count = compileJoinedCount(variable, sourceExpr, condition)
        {
            return count
        }
        let args = arguments.map { compile($0) }
        guard function.arity.contains(args.count) else { return { _ in .unknown } }
        switch function {
        case .count: return { frame in .number(Double(args[0](frame).items.count)) }
        case .share: return { frame in Self.share(args[0](frame).items.map { $0.bool }) }
        case .min: return { frame in Self.extreme(args[0](frame).items, smallest: true) }
        case .max: return { frame in Self.extreme(args[0](frame).items, smallest: false) }
        case .sum: return { frame in RuntimeValue.finite(args[0](frame).items.compactMap(\.number).reduce(0, +)) }
        case .average:
            return { frame in
                let numbers = args[0](frame).items.compactMap(\.number)
                return numbers.isEmpty ? .unknown : RuntimeValue.finite(numbers.reduce(0, +) / Double(numbers.count))
            }
        case .daysBetween:
            return { frame in
                guard let a = args[0](frame).date, let b = args[1](frame).date else { return .unknown }
                return .number(Double(a.days(to: b)))
            }
        case .monthsBetween:
            return { frame in
                guard let a = args[0](frame).date, let b = args[1](frame).date else { return .unknown }
                return .number(Double(a.months(to: b)))
            }
        case .date: return { frame in args[0](frame).date.map { .date($0) } ?? .unknown }
        case .length:
            return { frame in
                switch args[0](frame) {
                case .unknown: return .unknown
                case .text(let text): return .number(Double(text.count))
                case let other: return .number(Double(other.items.count))
                }
            }
        case .missing:
            return { frame in
                let actual = args[1](frame)
                return .list(RuntimeList(args[0](frame).items.filter { Logic.contains(actual, $0).bool != true }))
            }
        case .firstPresent:
            return { frame in
                for argument in args {
                    let value = argument(frame)
                    if value.isPresent || value.isNotExported { return value }
                }
                return .unknown
            }
        case .choice:
            // A condition that cannot be decided (a date not recorded) does not hold.
            return { frame in args[0](frame).bool == true ? args[1](frame) : args[2](frame) }
        case .lower:
            return { frame in
                guard case .text(let text) = args[0](frame) else { return .unknown }
                return .text(RuntimeValue.lowercased(text))
            }
        case .contains:
            return { frame in
                guard case .text(let text) = args[0](frame), case .text(let fragment) = args[1](frame) else {
                    return .unknown
                }
                return .bool(RuntimeValue.lowercased(text).contains(RuntimeValue.lowercased(fragment)))
            }
        case .percent:
            let language = self.language
            return { frame in args[0](frame).number.map { .text(Self.percent($0, in: language)) } ?? .unknown }
        case .plural:
            // `plural(n, "complaint", "complaints")`: "1 complaint", "2 complaints"; in French
            // 0 and 1 take the singular ("0 réclamation").
            let language = self.language
            return { frame in
                guard let count = args[0](frame).number, case .text(let one) = args[1](frame),
                    case .text(let many) = args[2](frame)
                else { return .unknown }
                return .text(Self.plural(count, one, many, in: language))
            }
        case .claims:
            // `claims(organisation.standards, "ISO 10002")`: however the export spells the claim
            // ("ISO 10002:2018", "NF ISO 10002", "iso10002"), as the engine reads claims.
            // Reading a claim takes thousands of instructions and the same few claims are read
            // for every finding graded this way: each text is read once per compiled call.
            let readings = ClaimReadings()
            return { frame in
                guard case .text(let name) = args[1](frame), let standard = readings.standard(name) else {
                    return .unknown
                }
                let claims = args[0](frame)
                guard claims.isPresent else { return .unknown }
                return .bool(
                    claims.items.contains { item in
                        if case .text(let claim) = item { return readings.standard(claim) == standard }
                        return false
                    })
            }
        }
    }

    private mutating func compileShare(_ variable: String, _ sourceExpr: Expr, _ condition: Expr) -> Evaluation {
        let source = compile(sourceExpr)
        let (slot, condition) = withVariable(variable, over: sourceExpr) { compiler, slot in
            (slot, compiler.compile(condition))
        }
        return { frame in
            Self.share(
                source(frame).items.map { item in
                    frame.slots[slot] = item
                    return condition(frame).bool
                })
        }
    }

    /// Fraction of true among the outcomes; unknown outcomes count as not satisfied.
    private static func share(_ outcomes: [Bool?]) -> RuntimeValue {
        guard !outcomes.isEmpty else { return .unknown }
        return .number(Double(outcomes.filter { $0 == true }.count) / Double(outcomes.count))
    }

    /// The smallest or largest item: numbers if every present item is a number, else dates.
    /// Items that are neither (an invalid date) are left out; they are reported elsewhere.
    private static func extreme(_ items: RuntimeList, smallest: Bool) -> RuntimeValue {
        let present = items.filter(\.isPresent)
        let numbers = present.compactMap(\.number)
        if !numbers.isEmpty, numbers.count == present.count {
            return .number(smallest ? numbers.min()! : numbers.max()!)
        }
        let dates = present.compactMap(\.date)
        guard var best = dates.first else { return .unknown }
        for date in dates.dropFirst() where smallest ? date < best : best < date { best = date }
        return .date(best)
    }

    /// `0.953` as `95%` (French: `95 %`, with a no-break space); a share just under 1 never
    /// shows as `100%`, a share just over 0 never as `0%`. Values outside ±10¹² are clamped.
    static func percent(_ fraction: Double, in language: Language = .en) -> String {
        // Never a trap converting to Int: NaN counts as 0, and the value is clamped first.
        var whole = (min(max(fraction.isNaN ? 0 : fraction, -1e10), 1e10) * 100).rounded()
        if whole == 100, fraction < 1 { whole = 99 }
        if whole == 0, fraction > 0 { whole = 1 }
        return "\(Int(whole))" + (language == .fr ? "\u{00A0}%" : "%")
    }

    /// `count` followed by the singular or plural word: English takes the singular for exactly
    /// one, French for zero and one.
    static func plural(_ count: Double, _ one: String, _ many: String, in language: Language) -> String {
        let singular = language == .fr ? abs(count) < 2 : count == 1
        return RuntimeValue.format(count, in: language) + " " + (singular ? one : many)
    }
}

/// The standards named by the claim texts one compiled `claims(…)` call has read. Used by one
/// compiled rule, on one thread at a time.
final class ClaimReadings {
    private var known: [String: Standard?] = [:]

    /// The standard `claim` names, or nil when it names none we know.
    func standard(_ claim: String) -> Standard? {
        if let reading = known[claim] { return reading }
        let reading = Standard(claim: claim)
        if known.count < 64 { known[claim] = reading }
        return reading
    }
}
