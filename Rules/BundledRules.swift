import Foundation

/// The clause checklists shipped with auditready.
///
/// The `.rules` files beside this source are copied into the package's resource bundle, so the
/// command finds them whatever the working directory.
public enum BundledRules {
    /// Directories holding the bundled rule files, one per standard.
    public static var directories: [URL] {
        ["iso9001", "iso10002"].compactMap { Bundle.module.url(forResource: $0, withExtension: nil) }
    }
}
