import Foundation

/// ``ReportDiff`` for reports of any size: the findings are matched by fingerprint from an index
/// of each report, and read again one at a time while the diff is written. Memory follows the
/// number of findings, not the size of the reports; the text written is the same as
/// ``ReportDiff/text(markdown:)`` and ``ReportDiff/json`` give.
public struct StreamedReportDiff {
    /// How the diff is written.
    public enum Format: Sendable { case text, markdown, json }

    private let old: ReportFindingsIndex
    private let current: ReportFindingsIndex
    /// Positions in the new report's entries (``new``, ``unchanged``, ``regraded``) or the old
    /// one's (``resolved``).
    private let new: [Int]
    private let resolved: [Int]
    private let unchanged: [Int]
    private let regraded: [(index: Int, previous: Grade)]

    /// Indexes and compares the JSON reports at `oldPath` and `newPath`.
    ///
    /// - Throws: ``FileFormatError`` when either cannot be read or is not a JSON report.
    public init(oldReportAt oldPath: String, newReportAt newPath: String) throws(FileFormatError) {
        old = try ReportFindingsIndex(path: oldPath)
        current = try ReportFindingsIndex(path: newPath)
        var before: [String: Grade] = [:]
        before.reserveCapacity(old.entries.count)
        for entry in old.entries where before[entry.fingerprint] == nil { before[entry.fingerprint] = entry.grade }
        var after = Set<String>(minimumCapacity: current.entries.count)
        var new: [Int] = [], unchanged: [Int] = [], regraded: [(Int, Grade)] = []
        for (index, entry) in current.entries.enumerated() {
            after.insert(entry.fingerprint)
            guard let previous = before[entry.fingerprint] else {
                new.append(index)
                continue
            }
            if previous == entry.grade { unchanged.append(index) } else { regraded.append((index, previous)) }
        }
        self.new = new
        self.unchanged = unchanged
        self.regraded = regraded
        let oldEntries = old.entries
        resolved = oldEntries.indices.filter { !after.contains(oldEntries[$0].fingerprint) }
    }

    /// True when a new finding, or a finding regraded upwards, is at least as serious as `grade`.
    public func worsened(atOrAbove grade: Grade) -> Bool {
        new.contains { current.entries[$0].grade.severity >= grade.severity }
            || regraded.contains {
                let now = current.entries[$0.index].grade.severity
                return now >= grade.severity && now > $0.previous.severity
            }
    }

    /// Writes the diff to `sink` piece by piece, in `format`.
    ///
    /// - Throws: what `sink` throws, or ``FileFormatError`` when a report changed meanwhile.
    public func write(_ format: Format, to sink: (String) throws -> Void) throws {
        switch format {
        case .json: try writeJSON(to: sink)
        case .text, .markdown: try writeText(markdown: format == .markdown, to: sink)
        }
    }

    private func writeText(markdown: Bool, to sink: (String) throws -> Void) throws {
        var first = true
        for (title, section) in ReportDiff.sections(
            new: new.count, resolved: resolved.count, regraded: regraded.count,
            unchanged: unchanged.count)
        {
            try sink((first ? "" : "\n") + ReportDiff.heading(title, markdown: markdown, first: first) + "\n")
            first = false
            var any = false
            try each(section) { finding, previous in
                any = true
                try sink(ReportDiff.describe(finding, markdown: markdown, was: previous) + "\n")
            }
            if !any { try sink((markdown ? "None." : "  none") + "\n") }
        }
    }

    private func writeJSON(to sink: (String) throws -> Void) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        func encoded(_ finding: Finding, indent: String) throws -> String {
            let text = String(decoding: try encoder.encode(finding), as: UTF8.self)
            return indent + text.replacingOccurrences(of: "\n", with: "\n" + indent)
        }
        let sections: [(String, ReportDiff.Section, Int)] = [
            ("new", .new, new.count), ("regraded", .regraded, regraded.count),
            ("resolved", .resolved, resolved.count), ("unchanged", .unchanged, unchanged.count)
        ]
        try sink("{")
        for (position, (key, section, count)) in sections.enumerated() {
            try sink("\n  \"\(key)\" : [")
            if count == 0 {
                try sink("\n\n  ]")
            } else {
                var first = true
                try each(section) { finding, previous in
                    try sink(first ? "\n" : ",\n")
                    first = false
                    if let previous {
                        try sink(
                            "    {\n      \"finding\" : " + String(try encoded(finding, indent: "      ").dropFirst(6))
                                + ",\n      \"previous_grade\" : \"\(previous.rawValue)\"\n    }")
                    } else {
                        try sink(try encoded(finding, indent: "    "))
                    }
                }
                try sink("\n  ]")
            }
            try sink(position == sections.count - 1 ? "\n}\n" : ",")
        }
    }

    /// Reads the findings of `section` one at a time, in order, with the previous grade of a
    /// regraded one.
    private func each(_ section: ReportDiff.Section, _ body: (Finding, Grade?) throws -> Void) throws {
        switch section {
        case .new: for index in new { try body(try current.finding(current.entries[index]), nil) }
        case .resolved: for index in resolved { try body(try old.finding(old.entries[index]), nil) }
        case .unchanged: for index in unchanged { try body(try current.finding(current.entries[index]), nil) }
        case .regraded:
            for item in regraded { try body(try current.finding(current.entries[item.index]), item.previous) }
        }
    }
}
