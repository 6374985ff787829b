@testable import AuditKit

extension Record {
    /// A hand-made record of a test, its names from `names` (written first, so that a long list
    /// of fields reads last).
    init(names: NameTable, fields: [Field], location: SourceLocation = .unknown) {
        self.init(fields: fields, names: names, location: location)
    }
}
