/// Three-valued (Kleene) logic over runtime values: true, false and unknown.
enum Logic {
    static func not(_ value: RuntimeValue) -> RuntimeValue {
        value.bool.map { .bool(!$0) } ?? .unknown
    }

    /// `false and x` is false without evaluating x; `true and unknown` is unknown.
    static func and(_ lhs: RuntimeValue, _ rhs: () -> RuntimeValue) -> RuntimeValue {
        let left = lhs.bool
        if left == false { return .bool(false) }
        let right = rhs().bool
        if right == false { return .bool(false) }
        if left == true, right == true { return .bool(true) }
        return .unknown
    }

    /// `true or x` is true without evaluating x; `false or unknown` is unknown.
    static func or(_ lhs: RuntimeValue, _ rhs: () -> RuntimeValue) -> RuntimeValue {
        let left = lhs.bool
        if left == true { return .bool(true) }
        let right = rhs().bool
        if right == true { return .bool(true) }
        if left == false, right == false { return .bool(false) }
        return .unknown
    }

    /// Whether `list` holds an item equal to `value`; unknown when the value is absent.
    static func contains(_ list: RuntimeValue, _ value: RuntimeValue) -> RuntimeValue {
        guard value.isPresent else { return .unknown }
        var sawUnknown = false
        for item in list.items {
            switch RuntimeValue.equals(item, value) {
            case true?: return .bool(true)
            case nil: sawUnknown = true
            case false?: continue
            }
        }
        return sawUnknown ? .unknown : .bool(false)
    }
}
