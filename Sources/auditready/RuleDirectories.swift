import ArgumentParser
import AuditKit
import BundledRules

/// `--rules DIR`, repeatable; the bundled checklists when absent.
struct RuleDirectories: ParsableArguments {
    @Option(
        name: .customLong("rules"),
        help: ArgumentHelp(
            "A directory of .rules files (repeatable). Default: the bundled ISO 9001 and ISO 10002 checklists.",
            valueName: "DIR"))
    var directories: [String] = []

    /// The directories to load.
    var paths: [String] { RuleDirectories.resolve(directories) }

    /// The given directories, or the bundled ones when none is given.
    static func resolve(_ directories: [String]) -> [String] {
        directories.isEmpty ? BundledRules.directories.map(\.path) : directories
    }

    /// Loads and checks the rule files, or throws ``RuleSetError`` listing every error.
    func load() throws -> RuleSet { try RuleDirectories.load(paths) }

    /// Loads and checks the rule files at `paths`; ``RuleSetError`` lists every error.
    static func load(_ paths: [String]) throws -> RuleSet {
        try RuleSet.load(paths: paths)
    }
}
