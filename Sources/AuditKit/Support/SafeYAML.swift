import Foundation
internal import CYaml
import Yams

/// Reads auditready's YAML files (configuration, waivers, mappings, rule tests, responses) without YAML's
/// dangers, for all four readers.
///
/// - The file's size is checked before it is read (``Kind/defaultByteLimit``, overridable with
///   the environment variable `AUDITREADY_MAX_YAML_BYTES`).
/// - Before any value is built, libyaml's event stream is scanned once: anchors and aliases
///   (`&name`, `*name`) are refused, since an alias repeated in layers (a "billion laughs"
///   document) grows a few hundred bytes into gigabytes as soon as anything walks or hashes the
///   tree Yams builds, and none of these files needs them. Lists and mappings used as keys, more
///   than ``maximumDepth`` levels of nesting and a second document are refused in the same pass.
/// - Every syntax error becomes one line, `FILE:LINE:COLUMN: error: …`, in plain words where
///   libyaml's wording is cryptic.
enum SafeYAML {
    /// A kind of YAML file, with the noun messages use for it and its size limit.
    enum Kind: Sendable, CaseIterable {
        case configuration, waivers, mapping, ruleTests, responses

        /// "configuration file", "waivers file"…
        var noun: String {
            switch self {
            case .configuration: "configuration file"
            case .waivers: "waivers file"
            case .mapping: "mapping file"
            case .ruleTests: "rule-test file"
            case .responses: "responses file"
            }
        }

        /// The code of the diagnostics about this kind of file.
        var code: DiagnosticCode {
            switch self {
            case .configuration: .configuration
            case .waivers: .waivers
            case .mapping: .mapping
            case .ruleTests: .ruleTests
            case .responses: .responses
            }
        }

        /// The largest file read when `AUDITREADY_MAX_YAML_BYTES` is not set: 1 MiB for the
        /// configuration, 8 MiB for the others (the real ones are a few kilobytes).
        var defaultByteLimit: Int {
            self == .configuration ? 1 << 20 : 8 << 20
        }
    }

    /// The environment variable that replaces every kind's size limit, in bytes.
    static let byteLimitVariable = "AUDITREADY_MAX_YAML_BYTES"

    /// The deepest nesting of lists and mappings accepted (the real files use five levels at most).
    static let maximumDepth = 64

    /// The most values (texts, lists and mappings) a file may hold: the largest real file holds about
    /// 4,000, and building Yams' tree costs up to 50 µs a value in a debug build.
    static let maximumValues = 50_000

    /// The size limit for `kind`, from `AUDITREADY_MAX_YAML_BYTES` when it is set.
    ///
    /// - Throws: ``FileFormatError`` naming `path` when the variable is not a whole number of bytes.
    static func byteLimit(
        for kind: Kind, path: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(FileFormatError) -> Int {
        guard let text = environment[byteLimitVariable] else { return kind.defaultByteLimit }
        guard let limit = Int(text.trimmingCharacters(in: .whitespaces)), limit > 0 else {
            throw FileFormatError(
                file: path, line: 0, column: 0,
                code: kind.code,
                message:
                    "\(byteLimitVariable) must be a whole number of bytes, such as 16777216 for 16 MiB, not '\(Display.excerpt(text))'"
            )
        }
        return limit
    }

    /// The UTF-8 text of the file at `path`, refused unread when it is larger than its kind's limit.
    static func readFile(
        _ path: String, kind: Kind,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(FileFormatError) -> String {
        let limit = try byteLimit(for: kind, path: path, environment: environment)
        func tooLarge(_ size: Int?) -> FileFormatError {
            let measured = size.map { "is \(sizeText($0)), more than" } ?? "is larger than"
            return FileFormatError(
                file: path, line: 0, column: 0,
                code: kind.code,
                message:
                    "this \(kind.noun) \(measured) the \(sizeText(limit)) allowed; a real one is a few kilobytes, "
                    + "so check it is the right file (or set \(byteLimitVariable) to a larger number of bytes)")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let handle = FileHandle(forReadingAtPath: path)
        else {
            throw FileFormatError(
                file: path, line: 0, column: 0, code: kind.code, message: "cannot read this \(kind.noun)")
        }
        defer { try? handle.close() }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
            throw tooLarge(size)
        }
        // Read at most one byte more than allowed: a special file reports no size.
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw FileFormatError(
                file: path, line: 0, column: 0, code: kind.code, message: "cannot read this \(kind.noun)")
        }
        guard data.count <= limit else { throw tooLarge(nil) }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw FileFormatError(
                file: path, line: 0, column: 0, code: kind.code,
                message: "this \(kind.noun) is not UTF-8 text; save it as UTF-8")
        }
        return text
    }

    /// The YAML node tree of `source`, after the safety scan.
    ///
    /// - Throws: ``FileFormatError`` with the line and column of the first problem.
    static func compose(_ source: String, path: String, kind: Kind) throws(FileFormatError) -> Node? {
        try scan(source, path: path, kind: kind)
        do {
            return try Yams.compose(yaml: source)
        } catch {
            throw fileFormatError(error, path: path, kind: kind)
        }
    }

    /// Walks libyaml's events of `source` once, building nothing, and refuses what these files
    /// never need: anchors and aliases, lists or mappings as keys, deep nesting, several documents.
    static func scan(_ source: String, path: String, kind: Kind) throws(FileFormatError) {
        let bytes = Array(source.utf8)
        let problem = bytes.withUnsafeBufferPointer { scanEvents($0, path: path, kind: kind) }
        if let problem { throw problem }
    }

    private static func scanEvents(_ buffer: UnsafeBufferPointer<UInt8>, path: String, kind: Kind) -> FileFormatError? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return FileFormatError(
                file: path, line: 0, column: 0, code: kind.code, message: "not enough memory to read this \(kind.noun)")
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        // The lists and mappings open around the current event; for a mapping, whether its next node is a key.
        var open: [(isMapping: Bool, expectsKey: Bool)] = []
        var documents = 0
        var values = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return syntaxError(parser, buffer, path: path, kind: kind)
            }
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            func problem(_ message: String) -> FileFormatError {
                FileFormatError(
                    file: path, line: mark.line + 1, column: mark.column + 1, code: kind.code, message: message)
            }
            let anchor: UnsafeMutablePointer<yaml_char_t>?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                guard documents == 1 else {
                    return problem("a second YAML document starts here (after a '---' line); a \(kind.noun) holds one")
                }
                continue
            case YAML_ALIAS_EVENT:
                return problem(anchorsMessage(kind))
            case YAML_SCALAR_EVENT:
                anchor = event.data.scalar.anchor
            case YAML_SEQUENCE_START_EVENT:
                anchor = event.data.sequence_start.anchor
            case YAML_MAPPING_START_EVENT:
                anchor = event.data.mapping_start.anchor
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                open.removeLast()
                continue
            default:
                continue
            }
            if anchor != nil { return problem(anchorsMessage(kind)) }
            values += 1
            guard values <= maximumValues else {
                return problem(
                    "this \(kind.noun) holds more than \(maximumValues / 1000),000 values (texts, lists and mappings); "
                        + "a real one holds a few thousand, so check it is the right file")
            }
            let opens = event.type != YAML_SCALAR_EVENT
            if let parent = open.last, parent.isMapping {
                if parent.expectsKey, opens {
                    return problem("a list or a mapping is used as a key here; keys in a \(kind.noun) are plain names")
                }
                open[open.count - 1].expectsKey.toggle()
            }
            if opens {
                guard open.count < maximumDepth else {
                    return problem(
                        "lists and mappings are nested more than \(maximumDepth) levels deep here; a \(kind.noun) needs a few"
                    )
                }
                open.append((event.type == YAML_MAPPING_START_EVENT, true))
            }
        }
    }

    private static func anchorsMessage(_ kind: Kind) -> String {
        "YAML anchors and aliases (&name, *name) are not allowed in a \(kind.noun); write the value out in full "
            + "(put a value that starts with & or * in quotes)"
    }

    /// libyaml's error as one line with the place of the problem.
    private static func syntaxError(
        _ parser: yaml_parser_t, _ buffer: UnsafeBufferPointer<UInt8>, path: String,
        kind: Kind
    ) -> FileFormatError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return FileFormatError(
                file: path, line: 0, column: 0, code: kind.code, message: "not enough memory to read this \(kind.noun)")
        case YAML_READER_ERROR:
            // Reader errors (bad bytes) carry a byte offset, not a line.
            let offset = min(parser.problem_offset, buffer.count)
            var line = 1, lineStart = 0
            for index in 0..<offset where buffer[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            let column =
                String(decoding: UnsafeBufferPointer(rebasing: buffer[lineStart..<offset]), as: UTF8.self)
                .unicodeScalars.count + 1
            return FileFormatError(
                file: path, line: line, column: column, code: kind.code,
                message: "this is not valid YAML: " + plainWords(for: problem))
        default:
            let context = parser.context.map { String(cString: $0) }
            let plain = plainWords(for: problem)
            let detail = plain != problem ? plain : [context, problem].compactMap { $0 }.joined(separator: ": ")
            return FileFormatError(
                file: path, line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1,
                code: kind.code, message: "this is not valid YAML: " + detail)
        }
    }

    /// Plain words for libyaml's usual problems, for readers who do not write YAML every day.
    static func plainWords(for problem: String) -> String {
        switch problem {
        case "found character that cannot start any token":
            "a value cannot start with this character (such as a tab, @ or `); put the value in quotes"
        case "mapping values are not allowed in this context":
            "a ':' followed by a space appears inside a value; put the value in quotes, or check the indentation"
        case "did not find expected key":
            "this line does not line up with the keys above it; check its indentation"
        case "did not find expected '-' indicator":
            "this line does not line up with the list items above it; check its indentation"
        case "could not find expected ':'":
            "a key has no ':' after it, or a quoted value is not closed"
        case "did not find expected ',' or ']'":
            "a list written with [ is not closed with ] (or a comma is missing)"
        case "did not find expected ',' or '}'":
            "a mapping written with { is not closed with } (or a comma is missing)"
        case "found unexpected end of stream":
            "the file ends inside a quoted value; close the quotes"
        case "block sequence entries are not allowed in this context":
            "a '- ' list item appears where a value is expected on the same line; start the list on the next line, indented"
        case "found a tab character that violates indentation",
            "found a tab character where an indentation space is expected":
            "a tab is used for indentation; indent with spaces"
        case "Maximum nesting level reached, set with yaml_set_max_nest_level())":
            "lists and mappings are nested too deeply here"
        case "control characters are not allowed":
            "the file contains a control character, which YAML does not allow; save it as plain text"
        case "invalid leading UTF-8 octet", "invalid trailing UTF-8 octet", "incomplete UTF-8 octet sequence":
            "the file is not UTF-8 text here; save it as UTF-8"
        default:
            problem
        }
    }

    /// A Yams error (after the scan, only duplicated keys are expected) as one line with its place.
    static func fileFormatError(_ error: any Error, path: String, kind: Kind) -> FileFormatError {
        guard let error = error as? YamlError else {
            return FileFormatError(file: path, line: 0, column: 0, code: kind.code, message: "this is not valid YAML")
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let plain = plainWords(for: problem)
            let detail =
                plain != problem
                ? plain : [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return FileFormatError(
                file: path, line: mark.line, column: mark.column, code: kind.code,
                message: "this is not valid YAML: \(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { Display.excerpt($0) }.joined(separator: "', '")
            return FileFormatError(
                file: path, line: context.mark.line, column: context.mark.column,
                code: kind.code, message: "the key '\(keys)' appears twice in the same mapping")
        default:
            return FileFormatError(file: path, line: 0, column: 0, code: kind.code, message: "this is not valid YAML")
        }
    }

    /// `1.5 MiB`, `812 bytes`.
    static func sizeText(_ bytes: Int) -> String {
        if bytes < 1 << 10 { return "\(bytes) bytes" }
        if bytes < 1 << 20 { return trimmed(Double(bytes) / 1024) + " KiB" }
        return trimmed(Double(bytes) / 1_048_576) + " MiB"
    }

    private static func trimmed(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
