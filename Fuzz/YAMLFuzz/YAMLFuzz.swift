// libFuzzer target: the four YAML readers (configuration, waivers, mapping, rule tests), which all
// go through SafeYAML. Built by scripts/fuzz.sh (AUDITREADY_FUZZ=1 swift build with -sanitize=fuzzer,address).
import AuditKit

/// Checks what every YAML error must look like: the file named, one line, a bounded length (echoed
/// values are cut to about 100 characters) and no control character that could drive a terminal.
private func check(_ error: FileFormatError, path: String) {
    precondition(error.file == path, "an error must name the file")
    precondition(!error.message.isEmpty, "an error must say what is wrong")
    precondition(error.line >= 0 && error.column >= 0, "places are never negative")
    let text = error.description
    precondition(!text.unicodeScalars.contains { $0.properties.generalCategory == .control }, "one line, no control characters: \(text)")
    precondition(text.utf8.count < 2_000, "an error message must stay short: \(text.prefix(300))")
}

/// Reads the bytes as each kind of YAML file. Bytes that are not UTF-8 are skipped, as every reader
/// refuses such files before parsing.
@c(LLVMFuzzerTestOneInput)
public func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let data,
          let text = String(validating: UnsafeBufferPointer(start: data, count: count), as: UTF8.self) else {
        return 0
    }
    do throws(FileFormatError) { _ = try Configuration.parse(source: text, path: "auditready.yml") } catch { check(error, path: "auditready.yml") }
    do throws(FileFormatError) { _ = try WaiverFileReader.read(source: text, path: "waivers.yml") } catch { check(error, path: "waivers.yml") }
    do throws(FileFormatError) { _ = try MappingReader.read(source: text, path: "mapping.yml") } catch { check(error, path: "mapping.yml") }
    do throws(FileFormatError) { _ = try RuleTestFileReader.read(source: text, path: "k.tests.yml") } catch { check(error, path: "k.tests.yml") }
    let shown = Display.excerpt(text)
    precondition(shown.unicodeScalars.count <= 10 * Display.excerptLimit + 1, "an excerpt is short")
    precondition(!shown.unicodeScalars.contains { $0.properties.generalCategory == .control }, "an excerpt shows no control character")
    return 0
}

/// Reads one small file of each kind before fuzzing, so process-wide tables (the records contract)
/// are built outside any input and their one-time allocations are not taken for leaks.
@c(LLVMFuzzerInitialize)
public func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> Int32 {
    _ = try? MappingReader.read(source: "constants: {organisation: {name: A}}\ncollections:\n  complaints:\n    fields: {id: N}\n", path: "mapping.yml")
    _ = try? RuleTestFileReader.read(source: "tests:\n  - rule: K07\n    records: {complaints: [{id: C1}]}\n    expect: []\n", path: "k.tests.yml")
    return 0
}
