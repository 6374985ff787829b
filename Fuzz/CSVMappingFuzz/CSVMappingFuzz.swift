// libFuzzer target: a CSV register read through a mapping (`MappedLoader.load`, as
// `auditready check --mapping` reads it), validated, merged with a JSON export both ways
// (`RecordSet.merge`, as `check` merges several exports) and audited with eight bundled rules.
// Built by scripts/fuzz.sh (AUDITREADY_FUZZ=1 swift build ... -sanitize=fuzzer,address).
//
// The first byte of the input picks one of three mappings; the rest is the CSV file:
//   0: the French register of Samples/french-register (`;`, dd/mm/yyyy, code values)
//   1: an English complaints register (separator detected, HTML text, a split, a constant, a
//      per-field date layout, a code standing for nothing)
//   2: internal audits in a tab-separated file that the only open collection takes, with lists
//      of references (`findings`, `processes`) that rules test with `in`
import AuditKit
import FuzzSupport
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

private let scratch = "/dev/shm/auditready-fuzz-csv-\(getpid())"
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

private let mappingSources: [(file: String, text: String)] = [
    (
        "reclamations.csv",
        (try? String(contentsOfFile: "\(root)/Samples/french-register/mapping.yml", encoding: .utf8)) ?? ""
    ),
    (
        "register.csv",
        """
        date_format: mm/dd/yyyy
        collections:
          complaints:
            file: register.csv
            fields:
              id: Ref
              received_on: Received
              channel: { constant: email }
              complainant: Customer
              description: { column: Details, html: true }
              priority:
                column: Priority
                values: { Low: low, Medium: medium, High: high, Urgent: critical, None: ~ }
              safety_related: { column: Safety, values: { Yes: true, No: false } }
              acknowledged_on: { column: Acknowledged, date: yyyy-mm-dd }
              closed_on: { column: Closed, date: dd.mm.yy }
              category: { column: Tags, split: "," }
              nonconformity: NC
        """
    ),
    (
        "audits.tsv",
        """
        constants:
          nonconformities:
            - { id: NC-1, raised_on: 2026-01-05, description: Label missing }
        collections:
          internal_audits:
            separator: "\\t"
            fields:
              id: Audit
              planned_on: Planned
              conducted_on: Conducted
              processes: { column: Processes, split: ";" }
              clauses: { column: Clauses, split: " " }
              findings: { column: Findings, split: "," }
              auditor: Auditor
              report_on: Report
        """
    )
]

/// The rules of iso10002/7-complaints-process.rules and iso9001/9-evaluation.rules that test
/// membership (`in [...]`, `in nonconformities.id`) on the mapped collections: all the bundled
/// rules take about a quarter of a second an input here (debug build, sanitizers).
private let chosenRules: Set<String> = [
    "K08-initial-assessment", "K10-investigation-recorded", "K12-closure-recorded", "K14-open-complaint-overdue",
    "K24-channels-published", "K27-urgent-complaint-undecided", "K27-urgent-complaints-first",
    "Q49-audit-findings-raised"
]

private nonisolated(unsafe) var mappings: [Mapping] = []
private nonisolated(unsafe) var rules: RuleSet?
private nonisolated(unsafe) var base = RecordSet()
private nonisolated(unsafe) var small = RecordSet()

/// Checks what an error must look like: it names a file it was given and stays short.
private func check(_ error: MappedLoader.LoadError, csv: String, mapping: Mapping) {
    switch error {
    case .input(let error):
        precondition(error.file == csv, "an input error must name the CSV file")
        precondition(!error.message.isEmpty, "an input error must say what is wrong")
        precondition(error.line >= 0 && error.column >= 0, "places are never negative")
    case .mapping(let error):
        precondition(error.file == mapping.path, "a mapping error must name the mapping")
        precondition(!error.message.isEmpty, "a mapping error must say what is wrong")
    }
    // The command shows it on one line, its control characters escaped (TerminalText); values
    // echoed from the file are cut short, so the message stays short.
    precondition(
        error.description.unicodeScalars.count < 4_000, "an error stays short: \(error.description.prefix(300))")
}

/// Every record below `record`, with the locations of records, in order.
private func locations(_ record: Record, into found: inout [SourceLocation]) {
    found.append(record.location)
    for field in record.fields {
        switch field.value {
        case .record(let inner): locations(inner, into: &found)
        case .list(let items):
            for case .record(let inner) in items { locations(inner, into: &found) }
        case .text: continue
        }
    }
}

/// The values of `record` as plain data, without locations, to compare a record with its copy.
private func plain(_ value: Value) -> String {
    switch value {
    case .text(let text): return "t" + String(text.utf8.count) + ":" + text
    case .list(let items): return "[" + items.map(plain).joined(separator: ",") + "]"
    case .record(let record):
        return "{"
            + (0..<record.fieldCount).map { record.fieldName(at: $0) + "=" + plain(record.value(at: $0)) }.joined(
                separator: ",") + "}"
    }
}

/// `first.merge(second)`, checked: inputs follow each other, every location points at its own
/// file, the second set's records keep their values and places, only their file moving.
private func checkedMerge(_ first: RecordSet, _ second: RecordSet) -> RecordSet {
    var merged = first
    merged.merge(second)
    precondition(merged.inputs == first.inputs + second.inputs, "merged inputs follow each other")
    var before: [SourceLocation] = []
    var after: [SourceLocation] = []
    locations(second.root, into: &before)
    locations(merged.root, into: &after)
    for location in after where location != .unknown {
        precondition(location.file >= 0 && Int(location.file) < merged.inputs.count, "a location names a loaded file")
    }
    // The second set's collections, as the merge appended them (lists) or kept them (groups that
    // the first set also has keep the first set's fields).
    let offset = Int32(first.inputs.count)
    // Looked up by their spelling: the two sets may have name tables of their own.
    for position in 0..<second.root.fieldCount {
        guard case .list(let theirs) = second.root.value(at: position) else { continue }
        let mine = merged.root[second.root.fieldName(at: position)]?.items ?? []
        precondition(mine.count >= theirs.count, "a merged collection keeps every record")
        for (original, copy) in zip(theirs, mine.suffix(theirs.count)) {
            precondition(plain(original) == plain(copy), "a merged record keeps its values")
            if case .record(let original) = original, case .record(let copy) = copy {
                var was: [SourceLocation] = []
                var now: [SourceLocation] = []
                locations(original, into: &was)
                locations(copy, into: &now)
                precondition(was.count == now.count, "a merged record keeps its records")
                for (a, b) in zip(was, now) {
                    precondition(a.line == b.line && a.column == b.column, "a merged record keeps its places")
                    precondition(b.file == a.file + offset, "a merged record's file follows the first set's")
                }
            }
        }
    }
    return merged
}

@c(LLVMFuzzerInitialize)
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<Int32>?,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
) -> Int32 {
    mkdir(scratch, 0o700)
    mappings = mappingSources.enumerated().map { index, source in
        do {
            return try MappingReader.read(source: source.text, path: "mapping-\(index).yml")
        } catch {
            fatalError("fuzz mapping \(index) does not read: \(error)")
        }
    }
    do {
        base = try RecordValidation.load(path: "\(root)/Samples/small-business/records.json")
        base.violations = ContractValidator.violations(in: base)
        let smallPath = "\(scratch)/small.json"
        FuzzScratch.warmUp(
            #"{"organisation": {"name": "A", "standards": ["ISO 9001:2015", "ISO 10002:2018"]}}"#, at: smallPath)
        small = try RecordValidation.load(path: smallPath)
        // Two checklists, not all: they test the mapped collections.
        rules = try RuleSet.parse(
            sources: ["iso10002/7-complaints-process.rules", "iso9001/9-evaluation.rules"].map { name in
                (
                    path: "\(root)/Rules/\(name)", name: name,
                    text: try String(contentsOfFile: "\(root)/Rules/\(name)", encoding: .utf8)
                )
            })
    } catch {
        fatalError("fuzz set-up: \(error)")
    }
    return 0
}

@c(LLVMFuzzerTestOneInput)
public func fuzzCSVMapping(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let data, count > 0 else { return 0 }
    let choice = Int(data[0]) % mappings.count
    let mapping = mappings[choice]
    let csv = "\(scratch)/\(mappingSources[choice].file)"
    FuzzScratch.write(data + 1, count - 1, to: csv)
    var records: RecordSet
    do {
        records = try MappedLoader.load(paths: [csv], mapping: mapping)
    } catch {
        check(error, csv: csv, mapping: mapping)
        return 0
    }
    precondition(records.inputs.count == 1 && records.inputs[0].path == csv, "a loaded register describes itself")
    records.violations = ContractValidator.violations(in: records)
    let merged = checkedMerge(base, records)
    _ = checkedMerge(records, base)
    _ = checkedMerge(merged, records)
    // Audited as the second file of two: the records the rules read are the merge's copies.
    if let rules {
        let options = AuditOptions(asOf: CalendarDate(day: 20_600), onlyRules: chosenRules)
        if let report = try? AuditEngine.run(rules: rules, records: checkedMerge(small, records), options: options) {
            _ = ReportFormat.json.renderer.rendered(report)
        }
    }
    return 0
}
