/// Turns checked rule expressions into closures over one ``EvaluationEnvironment``.
///
/// Names are resolved here, once per rule: loop variables to frame slots, parameters and
/// `audit_date` to constants, other names to the export's top-level values.
struct ExprCompiler {
    let environment: EvaluationEnvironment
    /// The language of the message being compiled: `percent` and `plural` write in it.
    var language: Language = .en
    private var scope: [String: Int] = [:]
    /// The top-level collection each loop variable runs over, when it runs over one
    /// (`nc` in `for each nc in nonconformities`).
    private var collectionOfVariable: [String: String] = [:]
    /// True while a message's arguments are compiled: a field the export says it does not
    /// contain then reads as ``RuntimeValue/notExported`` when absent, so the message can say so.
    var marksNotExported = false
    /// Number of slots the compiled expressions need.
    private(set) var slotCount = 0
    /// False to test every item of every quantifier and filter, for every record (the nested
    /// scan that the join indexes and the field-keyed memos must agree with; used by tests).
    var indexesJoins = true

    init(environment: EvaluationEnvironment) {
        self.environment = environment
    }

    /// True when `name` is a loop variable in scope (read from a frame slot).
    func isBound(_ name: String) -> Bool { scope[name] != nil }

    /// Declares a loop variable running over the items of `source`; returns its slot.
    mutating func bind(_ variable: String, over source: Expr) -> Int {
        let slot = slotCount
        slotCount += 1
        if case .name(let collection) = source.kind, !isBound(collection) {
            collectionOfVariable[variable] = collection
        } else {
            collectionOfVariable[variable] = nil
        }
        scope[variable] = slot
        return slot
    }

    /// Compiles `body` with `variable` bound to a new slot over the items of `source`, then
    /// forgets the variable.
    mutating func withVariable<T>(_ variable: String, over source: Expr, _ body: (inout ExprCompiler, Int) -> T)
        -> T
    {
        let saved = (scope[variable], collectionOfVariable[variable])
        let slot = bind(variable, over: source)
        let result = body(&self, slot)
        (scope[variable], collectionOfVariable[variable]) = saved
        return result
    }

    /// True when `expr` reads a field the export says it does not contain (``ExportedFields``):
    /// `nc.root_cause` with `nc` running over `nonconformities`, or `organisation.scope`.
    func readsFieldNotExported(_ expr: Expr) -> Bool {
        guard !environment.fieldsNotExported.isEmpty, case .member(let base, let field) = expr.kind,
            case .name(let name) = base.kind
        else { return false }
        let collection = isBound(name) ? collectionOfVariable[name] : name
        guard let collection, let fields = environment.fieldsNotExported[collection] else { return false }
        return fields.contains(environment.names.name(field))
    }

    /// True when `variable in source where condition` cannot be counted from this export: the
    /// condition tests, on `variable`, a field the export says it does not contain, and some item
    /// of the collection lacks it (how many nonconformities show a root cause is unknown when the
    /// export holds no root cause, not zero). Decided once per compiled filter, from the
    /// collection as a whole (``EvaluationEnvironment/someItemLacks(_:in:)``), so the filter
    /// itself keeps its indexes.
    func filterHangsOnFieldNotExported(_ variable: String, over source: Expr, _ condition: Expr) -> Bool {
        guard !environment.fieldsNotExported.isEmpty, case .name(let collection) = source.kind, !isBound(collection),
            let declared = environment.fieldsNotExported[collection]
        else { return false }
        var read = Set<Name>()
        func collect(_ expr: Expr) {
            if case .member(let base, let field) = expr.kind, case .name(variable) = base.kind,
                declared.contains(environment.names.name(field))
            {
                read.insert(environment.names.name(field))
            }
            expr.operands.forEach(collect)
        }
        collect(condition)
        return !read.isEmpty && environment.someItemLacks(read, in: collection)
    }

    mutating func compile(_ expr: Expr) -> Evaluation {
        // An aggregate or quantifier that reads no loop variable (`count(c in nonconformities
        // where c.closed_on is present)` inside `for each nc in nonconformities`) gives the same
        // value for every record: it is worked out once per compiled rule, not once per record,
        // which would grow with the square of the export.
        switch expr.kind {
        case .call, .quantifier, .filter:
            if !expr.freeNames.contains(where: isBound) {
                let evaluation = compileOnce(expr)
                let cache = InvariantValue()
                return { frame in cache.value(frame, evaluation) }
            }
            // A quantifier that reads its loop variable through one field (`complaint.channel`)
            // gives the same value for records with the same text there: remembered by that text.
            if indexesJoins, case .quantifier = expr.kind, let (variable, field) = expr.onlyFieldRead(of: isBound),
                let slot = scope[variable]
            {
                let evaluation = compileOnce(expr)
                let memo = FieldKeyedMemo(slot: slot, field: environment.names.name(field))
                return { frame in memo.value(frame, evaluation) }
            }
        default:
            break
        }
        return compileOnce(expr)
    }

    /// ``compile(_:)`` without the caching of loop-invariant parts.
    private mutating func compileOnce(_ expr: Expr) -> Evaluation {
        switch expr.kind {
        case .literal(let literal):
            let value = RuntimeValue(literal)
            return { _ in value }
        case .duration(let amount, let unit):
            let amount = compile(amount)
            return { frame in
                guard let number = amount(frame).number, number == number.rounded(), abs(number) < 100_000 else {
                    return .unknown
                }
                return .duration(Int(number), unit)
            }
        case .list(let items):
            // A code list written in the rule (`["email", "e-mail", …]`) is built once.
            if items.allSatisfy({ if case .literal = $0.kind { return true } else { return false } }) {
                let value = RuntimeValue.list(
                    RuntimeList(
                        items.map { item -> RuntimeValue in
                            if case .literal(let literal) = item.kind { return RuntimeValue(literal) }
                            return .unknown
                        }))
                return { _ in value }
            }
            let items = items.map { compile($0) }
            return { frame in .list(RuntimeList(items.map { $0(frame) })) }
        case .name(let name):
            return compileName(name)
        case .member(let base, let field):
            let member: Evaluation
            if case .name(let name) = base.kind, let slot = scope[name] {
                member = compileMember(slot: slot, environment.names.name(field))
            } else {
                member = compileMember(compile(base), environment.names.name(field))
            }
            guard marksNotExported, readsFieldNotExported(expr) else { return member }
            return { frame in
                let value = member(frame)
                return value.isPresent ? value : .notExported
            }
        case .lookup(let base, let key):
            return compileLookup(base, compile(key))
        case .call(let name, let arguments):
            return compileCall(name, arguments)
        case .unary(let op, let operand):
            let operand = compile(operand)
            switch op {
            case .negate: return { frame in operand(frame).number.map { .number(-$0) } ?? .unknown }
            case .not: return { frame in Logic.not(operand(frame)) }
            }
        case .binary(let op, let lhs, let rhs) where op == .before || op == .after:
            return Self.dateOrder(op, compileDate(lhs), compileDate(rhs))
        case .binary(let op, let lhs, let rhs):
            return compileBinary(op, compile(lhs), compile(rhs))
        case .test(let operand, let test, let negated):
            let value = compile(operand)
            let compiled = compileTest(value, test, negated: negated)
            guard [.present, .absent, .empty].contains(test) else { return compiled }
            guard readsFieldNotExported(operand) else { return compilePresence(of: operand, test, negated, compiled) }
            // The export cannot hold the field: its absence says nothing either way.
            return { frame in value(frame).isPresent ? compiled(frame) : .unknown }
        case .membership(let value, let list, let negated):
            if let lookup = compileMembershipLookup(value, list, negated) { return lookup }
            let value = compile(value), list = compile(list)
            return { frame in
                let result = Logic.contains(list(frame), value(frame))
                return negated ? Logic.not(result) : result
            }
        case .within(let date, let duration):
            return compileWithin(compileDate(date), compile(duration))
        case .uniqueIn(let valueExpr, let collection):
            let value = compile(valueExpr)
            guard case .name(let name) = collection.kind else { return { _ in .unknown } }
            // `x.id is unique in C` with `x` running over C: x is one record with that id, so the
            // id is unique unless it is among the few carried twice; no index, and no lookup in
            // it (a cache miss or two at every record of a large collection).
            if case .member(let base, "id") = valueExpr.kind, case .name(let variable) = base.kind,
                collectionOfVariable[variable] == name
            {
                let repeated = environment.repeatedIDs(of: name)
                return { frame in
                    guard case .text(let key) = value(frame) else { return .unknown }
                    return .bool(!repeated.contains(key))
                }
            }
            let index = environment.index(of: name)
            return { frame in
                guard case .text(let key) = value(frame) else { return .unknown }
                return .bool(index.count(key) == 1)
            }
        case .quantifier(let quantifier, let variable, let source, let condition):
            return compileQuantifier(quantifier, variable, source, condition)
        case .filter(let variable, let sourceExpr, let condition):
            if filterHangsOnFieldNotExported(variable, over: sourceExpr, condition) { return { _ in .unknown } }
            let source = compile(sourceExpr)
            let sourceIsConstant = isConstant(sourceExpr)
            let (slot, condition, join, rangeJoin) = withVariable(variable, over: sourceExpr) { compiler, slot in
                (
                    slot, compiler.compile(condition),
                    compiler.compileCandidates(
                        variable: variable, slot: slot, source: source,
                        sourceIsConstant: sourceIsConstant, condition: condition),
                    compiler.compileRangeJoin(
                        variable: variable, slot: slot, source: source,
                        sourceIsConstant: sourceIsConstant, condition: condition)
                )
            }
            if let rangeJoin { return { frame in .list(rangeJoin.filter(frame)) } }
            let memo = ProbeMemo()
            return { frame in
                memo.value(for: join?.memoKey?(frame)) {
                    // Items with an absent key are never kept: their condition is never true.
                    .list(
                        RuntimeList(
                            (join?.candidates(frame).live ?? source(frame).items).filter { item in
                                frame.slots[slot] = item
                                return condition(frame).bool == true
                            }))
                }
            }
        }
    }

    private func compileName(_ name: String) -> Evaluation {
        if let slot = scope[name] { return { frame in frame.slots[slot] } }
        if let literal = environment.parameters[name] {
            let value = RuntimeValue(literal)
            return { _ in value }
        }
        if name == "audit_date" {
            let date = environment.auditDate
            return { _ in .date(date) }
        }
        let value = environment.value(of: name)
        return { _ in value }
    }

    /// `variable.field is present` (or `absent`, `empty`) with `variable` a loop variable, the
    /// most common test: answered from the record without reading the text out when the field
    /// is absent or starts with a visible character; otherwise `compiled` decides.
    private func compilePresence(
        of operand: Expr, _ test: Expr.Test, _ negated: Bool, _ compiled: @escaping Evaluation
    ) -> Evaluation {
        guard case .member(let base, let field) = operand.kind, case .name(let name) = base.kind,
            let slot = scope[name]
        else { return compiled }
        let cache = FieldPositionCache()
        let fieldName = environment.names.name(field)
        let wantPresent = (test == .present) != negated
        return { frame in
            if case .record(let record) = frame.slots[slot], let present = cache.presence(of: fieldName, in: record) {
                return .bool(present == wantPresent)
            }
            return compiled(frame)
        }
    }

    private func compileMember(_ base: @escaping Evaluation, _ field: Name) -> Evaluation {
        let cache = FieldPositionCache()
        return { frame in Self.member(field, of: base(frame), cache) }
    }

    /// `variable.field` with `variable` a loop variable: the most common member access, read from
    /// its slot without a closure call for the base.
    private func compileMember(slot: Int, _ field: Name) -> Evaluation {
        let cache = FieldPositionCache()
        return { frame in
            if case .record(let record) = frame.slots[slot] { return RuntimeValue(cache.value(of: field, in: record)) }
            return Self.member(field, of: frame.slots[slot], cache)
        }
    }

    /// The date `expr` gives (nil when it gives none). A loop variable's field whose text the
    /// record keeps in its word written like a date is read from the word, without making the
    /// text and parsing it: `complaint.closed_on before complaint.decided_on` is asked of every
    /// complaint, often a dozen times over.
    private mutating func compileDate(_ expr: Expr) -> (EvaluationFrame) -> CalendarDate? {
        let value = compile(expr)
        guard case .member(let base, let field) = expr.kind, case .name(let variable) = base.kind,
            let slot = scope[variable]
        else { return { frame in value(frame).date } }
        let cache = FieldPositionCache(), name = environment.names.name(field)
        return { frame in
            if case .record(let record) = frame.slots[slot], let date = cache.inlineDate(of: name, in: record) {
                return date
            }
            return value(frame).date
        }
    }

    /// The field `field` of a record, or of every record in a list (flattened, absent ones left out).
    private static func member(_ field: Name, of value: RuntimeValue, _ cache: FieldPositionCache) -> RuntimeValue {
        switch value {
        case .record(let record): return RuntimeValue(cache.value(of: field, in: record))
        case .list(let items):
            var result: [RuntimeValue] = []
            for item in items {
                switch member(field, of: item, cache) {
                case .unknown: continue
                case .list(let inner): result.append(contentsOf: inner)
                case let other: result.append(other)
                }
            }
            return .list(RuntimeList(result))
        default: return .unknown
        }
    }

    /// `x in collection.id` (or `not in`) with `collection` a collection of the export, and
    /// `x in ["a", "b", …]` with a list of texts written in the rule: a lookup (in the
    /// collection's index, or in a set made once) instead of a comparison with every item. A
    /// rule checking each finding of each audit against every nonconformity grew with their
    /// product; a code list is compared for every record of a collection. Taken only where the
    /// answer is the comparison's: `x` a text that cannot read as a number or a date (so every
    /// comparison is of texts), and the listed texts or ids all plain texts that cannot either;
    /// otherwise nil, and the list is compared item by item.
    private mutating func compileMembershipLookup(_ value: Expr, _ list: Expr, _ negated: Bool) -> Evaluation? {
        let contains: (String) -> Bool
        if case .list(let items) = list.kind {
            var texts: Set<String> = []
            for item in items {
                guard case .literal(.text(let text)) = item.kind, !RuntimeValue.mayReadAsNumberOrDate(text) else {
                    return nil
                }
                texts.insert(text)
            }
            contains = { texts.contains($0) }
        } else if case .member(let base, "id") = list.kind, case .name(let name) = base.kind, !isBound(name),
            environment.parameters[name] == nil, name != "audit_date",
            case .list? = environment.root[name]
        {
            let index = environment.index(of: name)
            guard index.listsExactlyItsIDs else { return nil }
            contains = { index.contains($0) }
        } else {
            return nil
        }
        let value = compile(value), list = compile(list)
        return { frame in
            let operand = value(frame)
            let result: RuntimeValue
            if case .text(let text) = operand, operand.isPresent, !RuntimeValue.mayReadAsNumberOrDate(text) {
                result = .bool(contains(text))
            } else {
                result = Logic.contains(list(frame), operand)
            }
            return negated ? Logic.not(result) : result
        }
    }

    private func compileLookup(_ base: Expr, _ key: @escaping Evaluation) -> Evaluation {
        guard case .name(let name) = base.kind else { return { _ in .unknown } }
        let index = environment.index(of: name)
        return { frame in
            switch key(frame) {
            case .text(let id): return index.record(id).map { .record($0) } ?? .unknown
            case .list(let ids):
                return .list(
                    RuntimeList(
                        ids.compactMap { id in
                            guard case .text(let id) = id else { return nil }
                            return index.record(id).map { .record($0) }
                        }))
            default: return .unknown
            }
        }
    }

    private func compileBinary(
        _ op: Expr.BinaryOperator, _ lhs: @escaping Evaluation,
        _ rhs: @escaping Evaluation
    ) -> Evaluation {
        switch op {
        case .or: return { frame in Logic.or(lhs(frame), { rhs(frame) }) }
        case .and: return { frame in Logic.and(lhs(frame), { rhs(frame) }) }
        case .equal: return { frame in RuntimeValue.equals(lhs(frame), rhs(frame)).map { .bool($0) } ?? .unknown }
        case .notEqual: return { frame in RuntimeValue.equals(lhs(frame), rhs(frame)).map { .bool(!$0) } ?? .unknown }
        case .less: return Self.ordering(lhs, rhs) { $0 < 0 }
        case .lessOrEqual: return Self.ordering(lhs, rhs) { $0 <= 0 }
        case .greater: return Self.ordering(lhs, rhs) { $0 > 0 }
        case .greaterOrEqual: return Self.ordering(lhs, rhs) { $0 >= 0 }
        case .before, .after:
            return Self.dateOrder(op, { lhs($0).date }, { rhs($0).date })
        case .add: return { frame in RuntimeValue.add(lhs(frame), rhs(frame), sign: 1) }
        case .subtract: return { frame in RuntimeValue.add(lhs(frame), rhs(frame), sign: -1) }
        case .multiply: return { frame in RuntimeValue.multiply(lhs(frame), rhs(frame), divide: false) }
        case .divide: return { frame in RuntimeValue.multiply(lhs(frame), rhs(frame), divide: true) }
        }
    }

    /// `a before b` or `a after b`: unknown unless both are dates.
    private static func dateOrder(
        _ op: Expr.BinaryOperator, _ lhs: @escaping (EvaluationFrame) -> CalendarDate?,
        _ rhs: @escaping (EvaluationFrame) -> CalendarDate?
    ) -> Evaluation {
        let wantBefore = op == .before
        return { frame in
            guard let a = lhs(frame), let b = rhs(frame) else { return .unknown }
            return .bool(wantBefore ? a < b : b < a)
        }
    }

    private static func ordering(
        _ lhs: @escaping Evaluation, _ rhs: @escaping Evaluation,
        _ accept: @escaping (Int) -> Bool
    ) -> Evaluation {
        { frame in RuntimeValue.order(lhs(frame), rhs(frame)).map { .bool(accept($0)) } ?? .unknown }
    }

    private func compileTest(_ operand: @escaping Evaluation, _ test: Expr.Test, negated: Bool) -> Evaluation {
        // One closure per kind of test, so evaluating it makes no further indirect call.
        switch test {
        case .present: return { frame in .bool(operand(frame).isPresent != negated) }
        case .absent, .empty: return { frame in .bool(operand(frame).isPresent == negated) }
        case .true: return { frame in .bool((operand(frame).bool == true) != negated) }
        case .false: return { frame in .bool((operand(frame).bool == false) != negated) }
        case .date: return { frame in .bool((operand(frame).date != nil) != negated) }
        case .number: return { frame in .bool((operand(frame).number != nil) != negated) }
        }
    }

    private func compileWithin(
        _ date: @escaping (EvaluationFrame) -> CalendarDate?, _ duration: @escaping Evaluation
    ) -> Evaluation {
        let auditDate = environment.auditDate
        return { frame in
            guard let day = date(frame)?.day, case .duration(let amount, let unit) = duration(frame) else {
                return .unknown
            }
            let earliest = auditDate.moved(by: -amount, unit).day
            return .bool(day >= earliest && day <= auditDate.day)
        }
    }

    /// True when `expr` reads no loop variable, so its value is the same in every frame.
    func isConstant(_ expr: Expr) -> Bool {
        expr.freeNames.allSatisfy { !isBound($0) }
    }

    /// Compiles a rule's requirement. A finding is raised only when the requirement is false, so
    /// a `no` quantifier standing alone or as a conjunct of the top-level `and` only has to say
    /// whether some item satisfies its condition: it skips the items a join knows can at most
    /// make it unknown (``JoinIndex``). Anything else compiles as ``compile(_:)`` does.
    mutating func compileRequirement(_ expr: Expr) -> Evaluation {
        switch expr.kind {
        case .quantifier(.no, let variable, let source, let condition):
            return compileQuantifier(.no, variable, source, condition, onlyWhetherFalse: true)
        case .binary(.and, let lhs, let rhs):
            return compileBinary(.and, compileRequirement(lhs), compileRequirement(rhs))
        default:
            return compile(expr)
        }
    }

    /// `onlyWhetherFalse`: the caller only asks whether the result is false (true and unknown
    /// lead to the same outcome).
    private mutating func compileQuantifier(
        _ quantifier: Expr.Quantifier, _ variable: String,
        _ sourceExpr: Expr, _ condition: Expr,
        onlyWhetherFalse: Bool = false
    ) -> Evaluation {
        let source = compile(sourceExpr)
        let sourceIsConstant = isConstant(sourceExpr)
        // `every` must see every item (one that fails the equality makes it false); `some` and `no`
        // only need the items that can satisfy the condition.
        let joinable = quantifier != .every
        let (slot, condition, join, rangeJoin) = withVariable(variable, over: sourceExpr) { compiler, slot in
            (
                slot, compiler.compile(condition),
                joinable
                    ? compiler.compileCandidates(
                        variable: variable, slot: slot, source: source,
                        sourceIsConstant: sourceIsConstant, condition: condition) : nil,
                joinable
                    ? compiler.compileRangeJoin(
                        variable: variable, slot: slot, source: source,
                        sourceIsConstant: sourceIsConstant, condition: condition) : nil
            )
        }
        if let rangeJoin {
            return { frame in rangeJoin.quantify(quantifier, onlyWhetherFalse: onlyWhetherFalse, frame) }
        }
        let memo = ProbeMemo()
        return { frame in
            memo.value(for: join?.memoKey?(frame)) {
                var sawUnknown = false
                let (live, absentKey) = join?.candidates(frame) ?? (source(frame).items, .empty)
                for item in live {
                    frame.slots[slot] = item
                    switch condition(frame).bool {
                    case true?: if quantifier != .every { return .bool(quantifier == .some) }
                    case false?: if quantifier == .every { return .bool(false) }
                    case nil: sawUnknown = true
                    }
                }
                // Never true for these (the join is only used by `some` and `no`): one unknown
                // is all they can change, and a `no` asked only whether it is false needs none.
                if !sawUnknown, !(onlyWhetherFalse && quantifier == .no) {
                    for item in absentKey {
                        frame.slots[slot] = item
                        if condition(frame).bool == nil {
                            sawUnknown = true
                            break
                        }
                    }
                }
                if sawUnknown { return .unknown }
                return .bool(quantifier != .some)
            }
        }
    }
}

/// The value of a loop-invariant expression, worked out on first use. One compiled rule is
/// evaluated by one thread at a time, and the records, the audit date and the parameters do not
/// change during a run, so the first value is the value.
final class InvariantValue {
    private var known: RuntimeValue?

    func value(_ frame: EvaluationFrame, _ evaluation: Evaluation) -> RuntimeValue {
        if let known { return known }
        let value = evaluation(frame)
        known = value
        return value
    }
}
