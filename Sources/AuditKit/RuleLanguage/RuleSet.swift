import Crypto
import Foundation

/// Every rule file of one or more directories, parsed and checked together, ready to evaluate.
public struct RuleSet: Sendable {
    /// The parsed files, in path order.
    public var files: [RuleFile]
    /// Warnings the checker raised (errors stop loading).
    public var warnings: [RuleDiagnostic]
    /// SHA-256 over the rule files' names and contents: identifies the rule set in reports.
    public var fingerprint: String

    /// Every rule, in file order.
    public var rules: [RuleDeclaration] { files.flatMap(\.rules) }

    /// Every parameter, by name (the first declaration of a name).
    public var parameters: [String: ParameterDeclaration] {
        var result: [String: ParameterDeclaration] = [:]
        for parameter in files.flatMap(\.parameters) where result[parameter.name] == nil {
            result[parameter.name] = parameter
        }
        return result
    }

    /// Every `term` declaration, looked up by code.
    public var terms: Terms { Terms(files.flatMap(\.terms)) }

    /// The message of `finding` written in `language` from its arguments, with the template and
    /// terms of this rule set: a report can be localised when it is rendered, not only when the
    /// rules run. Nil for a finding of a built-in check or of a rule this set does not have, or a
    /// finding whose arguments do not match the rule's (another rule-set version).
    public func message(for finding: Finding, in language: Language) -> String? {
        guard let rule = rules.first(where: { $0.id == finding.rule }) else { return nil }
        let renderer = MessageRenderer(rule: rule)
        guard renderer.argumentNames.count == finding.arguments.count else { return nil }
        return renderer.render(finding.arguments, in: language, terms: terms)
    }

    /// Every clause declaration (titles and on-site items), in file order.
    public var clauses: [ClauseDeclaration] { files.flatMap(\.clauses) }

    /// The path of the file a location points into.
    public func path(of location: SourceLocation) -> String {
        files.indices.contains(Int(location.file)) ? files[Int(location.file)].path : "?"
    }

    /// Loads every `.rules` file below the given directories (or the files themselves).
    ///
    /// A file found in a directory is read only when it is a regular file inside that directory:
    /// a symbolic link (or a linked folder) leading elsewhere is an error naming the link, and its
    /// target is never read. A file larger than `maximumFileSize` bytes is an error too.
    ///
    /// - Parameters:
    ///   - paths: Rule directories or files.
    ///   - maximumFileSize: The largest rule file read, in bytes; nil for the value of the
    ///     environment variable ``RuleLimits/maximumFileSizeVariable``, or else
    ///     ``RuleLimits/defaultMaximumFileSize``.
    /// - Throws: ``RuleSetError`` listing every syntax and checking error, with file, line and column.
    public static func load(paths: [String], maximumFileSize: Int? = nil) throws(RuleSetError) -> RuleSet {
        var sources: [(path: String, name: String, text: String)] = []
        var problems: [RuleDiagnostic] = []
        let limit: Int
        switch RuleFileReader.limit(maximumFileSize) {
        case .success(let value): limit = value
        case .failure(let problem): throw RuleSetError(diagnostics: [problem])
        }
        for root in paths {
            do {
                let inside = try ruleFiles(under: root)
                for path in inside.files {
                    let relative = path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
                    switch RuleFileReader.read(path, inside: inside.directory, limit: limit) {
                    case .success(let text): sources.append((path, relative, text))
                    case .failure(let problem): problems.append(problem)
                    }
                }
            } catch {
                problems.append(error)
            }
        }
        guard problems.isEmpty else { throw RuleSetError(diagnostics: problems) }
        return try parse(sources: sources)
    }

    /// Parses and checks rule sources given as text (`name` identifies each in the fingerprint).
    public static func parse(sources: [(path: String, name: String, text: String)]) throws(RuleSetError) -> RuleSet {
        var files: [RuleFile] = []
        var problems: [RuleDiagnostic] = []
        var hasher = SHA256()
        for (index, source) in sources.enumerated() {
            hasher.update(data: Array(source.name.utf8) + [0])
            var text = source.text
            text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
            hasher.update(data: [UInt8(0)])
            do {
                files.append(try RuleParser.parse(source: source.text, path: source.path, fileIndex: Int32(index)))
            } catch {
                problems.append(error)
                files.append(RuleFile(path: source.path))
            }
        }
        if problems.isEmpty { problems = RuleChecker.check(files) }
        let errors = problems.filter { $0.severity == .error }
        guard errors.isEmpty else { throw RuleSetError(diagnostics: errors.sorted()) }
        let hexDigits = Array("0123456789abcdef".utf8)
        let fingerprint = String(
            decoding: hasher.finalize().flatMap { [hexDigits[Int($0 >> 4)], hexDigits[Int($0 & 0x0F)]] }, as: UTF8.self)
        return RuleSet(files: files, warnings: problems.sorted(), fingerprint: fingerprint)
    }

    /// The `.rules` files at or below `root`, sorted by path, and `root` when it is a directory.
    private static func ruleFiles(under root: String) throws(RuleDiagnostic) -> (files: [String], directory: String?) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            throw RuleDiagnostic(file: root, line: 0, column: 0, message: "no such rules directory or file")
        }
        guard isDirectory.boolValue else { return ([root], nil) }
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw RuleDiagnostic(file: root, line: 0, column: 0, message: "cannot list this rules directory")
        }
        let base = root.hasSuffix("/") ? root : root + "/"
        let files = enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".rules") }.map { base + $0 }
        guard !files.isEmpty else {
            throw RuleDiagnostic(file: root, line: 0, column: 0, message: "this directory holds no .rules files")
        }
        return (files.sorted(), root)
    }
}

/// Rule files that cannot be used: every error found, with file, line and column.
public struct RuleSetError: Error, LocalizedError, Sendable, DiagnosticConvertible {
    /// The errors, sorted by file and position.
    public var problems: [RuleDiagnostic]

    public init(diagnostics: [RuleDiagnostic]) {
        self.problems = diagnostics
    }

    public var errorDescription: String? { problems.map(\.description).joined(separator: "\n") }
}

extension RuleSetError {
    /// The errors in the library's common form.
    public var diagnostics: [Diagnostic] { problems.map(\.diagnostic) }
}
