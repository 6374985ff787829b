import Foundation
import Testing
@testable import AuditKit

/// Hostile YAML files (issue 15, round two): configuration, waivers, mappings and rule tests all
/// go through `SafeYAML`, so each case is tried on every reader.
@Suite struct SafeYAMLTests {
    /// Each reader on YAML text, as the error it throws (nil when the text loads).
    static let readers: [(name: String, read: @Sendable (String) -> FileFormatError?)] = [
        (
            "auditready.yml",
            { source in
                do throws(FileFormatError) {
                    _ = try Configuration.parse(source: source, path: "auditready.yml"); return nil
                } catch { return error }
            }
        ),
        (
            "waivers.yml",
            { source in
                do throws(FileFormatError) {
                    _ = try WaiverFileReader.read(source: source, path: "waivers.yml"); return nil
                } catch { return error }
            }
        ),
        (
            "mapping.yml",
            { source in
                do throws(FileFormatError) {
                    _ = try MappingReader.read(source: source, path: "mapping.yml"); return nil
                } catch { return error }
            }
        ),
        (
            "k07.tests.yml",
            { source in
                do throws(FileFormatError) {
                    _ = try RuleTestFileReader.read(source: source, path: "k07.tests.yml"); return nil
                } catch { return error }
            }
        )
    ]

    /// Nine layers of ten aliases each: 10⁹ copies of "lol" once expanded, in about 600 bytes.
    static func laughs(indent: String) -> String {
        var text = "\(indent)l0: &l0 lol\n"
        for level in 1...9 {
            text +=
                "\(indent)l\(level): &l\(level) ["
                + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return text
    }

    /// A billion-laughs document in the place each file kind would expand it.
    static let bombs: [String: String] = [
        "auditready.yml": "stage: initial\nparams:\n" + laughs(indent: "  "),
        "waivers.yml": "waivers:\n  - rule: K07\n    justification:\n" + laughs(indent: "      "),
        "mapping.yml": "constants:\n  organisation:\n" + laughs(indent: "    ") + "collections: {}\n",
        "k07.tests.yml": "tests:\n  - rule: K07\n    expect: []\n    records:\n" + laughs(indent: "      ")
    ]

    @Test func aBillionLaughsIsRefusedByEveryReaderBeforeAnyValueIsBuilt() throws {
        for (name, read) in Self.readers {
            let source = try #require(Self.bombs[name])
            #expect(source.utf8.count < 1_000)
            let clock = ContinuousClock()
            let start = clock.now
            let error = try #require(read(source), "\(name) loaded a billion laughs")
            #expect(clock.now - start < .seconds(1), "\(name)")
            #expect(
                error.message.hasPrefix("YAML anchors and aliases (&name, *name) are not allowed in a "),
                "\(name): \(error)")
            // The first anchor, `&l0`, on the line of `l0:`.
            let line =
                source.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("&l0") }! + 1
            #expect(error.line == line, "\(name): \(error)")
            #expect(error.column > 1, "\(name): \(error)")
        }
    }

    @Test func aliasesAsKeysAreRefusedBeforeYamsHashesThem() throws {
        // Yams hashes mapping keys to find duplicates: an aliased key would be expanded there.
        let source = "a: &a [x, x]\nb: &b [*a, *a]\n? *b\n: 1\n"
        for (name, read) in Self.readers {
            let error = try #require(read(source), "\(name)")
            #expect(error.description == "\(name):1:4: error: " + error.message, "\(name)")
            #expect(error.message.hasPrefix("YAML anchors and aliases"), "\(name): \(error)")
        }
    }

    @Test func ampersandsAndStarsInTextStillLoad() throws {
        let waivers = try WaiverFileReader.read(
            source: """
                waivers:
                  - rule: K07
                    justification: "R&D *urgent* &co, see *note*"
                    approver: 'Smith & *Jones*'
                    record: CMP-*
                    corrective_action: R&D-4 *done*
                    expires: 2027-01-31
                """, path: "waivers.yml")
        #expect(waivers.first?.justification == "R&D *urgent* &co, see *note*")
        #expect(waivers.first?.approver == "Smith & *Jones*")
        #expect(waivers.first?.recordPattern == "CMP-*")
        #expect(waivers.first?.correctiveAction == "R&D-4 *done*")
        // A line of plain text or a block that starts with * or & is text, not an alias: a scan of
        // the characters would take it for one, libyaml's events do not.
        let continued = try WaiverFileReader.read(
            source: """
                waivers:
                  - rule: K07
                    justification: Letters were sent
                      *during* the strike
                    approver: |
                      *Claire*
                      &Dupont
                """, path: "waivers.yml")
        #expect(continued.first?.justification == "Letters were sent *during* the strike")
        #expect(continued.first?.approver == "*Claire*\n&Dupont")
        let configuration = try Configuration.parse(
            source: "params: {team: R&D, note: \"*x* & &y\"}\n", path: "auditready.yml")
        #expect(configuration.params == ["team": "R&D", "note": "*x* & &y"])
    }

    /// Reports carry every justification in full: one of megabytes is refused where it is written.
    @Test func aJustificationLongerThanTheLimitIsRefusedAtItsPlace() throws {
        func waivers(_ justification: String) -> String {
            "waivers:\n  - rule: K07\n    justification: \(justification)\n    approver: A\n    expires: 2027-01-31\n"
        }
        // The limit counts characters, not bytes: 2,000 accented letters are allowed.
        let longest = String(repeating: "é", count: WaiverFileReader.maxJustificationCharacters)
        #expect(
            try WaiverFileReader.read(source: waivers(longest), path: "waivers.yml").first?.justification == longest)
        for tooLong in [
            String(repeating: "x", count: 2_001), String(repeating: "é", count: 2_001),
            String(repeating: "y", count: 300_000)
        ] {
            do throws(FileFormatError) {
                _ = try WaiverFileReader.read(source: waivers(tooLong), path: "waivers.yml")
                Issue.record("a justification of \(tooLong.count) characters was read")
            } catch {
                #expect(
                    error.description
                        == "waivers.yml:3:20: error: this justification is longer than the 2,000 characters a waiver's "
                        + "justification may have; give the reason in a few sentences and name the document that has the details"
                )
            }
        }
    }

    @Test func syntaxErrorsAreOneLineWithTheirPlaceInEveryReader() throws {
        let cases: [(source: String, line: Int, column: Int, words: String)] = [
            ("a: [1, 2\nb: 3\n", 2, 2, "not closed with ]"),
            ("a: b: c\n", 1, 5, "a ':' followed by a space appears inside a value"),
            ("a:\n  b: 1\n c: 2\n", 3, 2, "check its indentation"),
            ("a: \"open\n", 2, 1, "the file ends inside a quoted value"),
            ("a: @b\n", 1, 4, "a value cannot start with this character"),
            ("a: 1\nb: x\u{07}y\n", 2, 5, "control character")
        ]
        for (name, read) in Self.readers {
            for item in cases {
                let error = try #require(read(item.source), "\(name): \(item.source)")
                #expect((error.line, error.column) == (item.line, item.column), "\(name): \(error)")
                #expect(error.message.hasPrefix("this is not valid YAML: "), "\(name): \(error)")
                #expect(error.message.contains(item.words), "\(name): \(error)")
                #expect(!error.description.contains("\n"), "\(name): \(error)")
                #expect(error.description.components(separatedBy: "error:").count == 2, "\(name): \(error)")
            }
        }
    }

    @Test func duplicateKeysSecondDocumentsKeyListsAndDeepNestingAreRefused() throws {
        let cases: [(source: String, line: Int, words: String)] = [
            ("a: 1\nb: 2\na: 3\n", 1, "the key 'a' appears twice in the same mapping"),
            ("a: 1\n---\nb: 2\n", 2, "a second YAML document starts here"),
            ("? [a, b]\n: 1\n", 1, "a list or a mapping is used as a key here"),
            (
                "a: " + String(repeating: "[", count: 65) + String(repeating: "]", count: 65) + "\n", 1,
                "nested more than 64 levels deep"
            )
        ]
        for (name, read) in Self.readers {
            for item in cases {
                let error = try #require(read(item.source), "\(name): \(item.source)")
                #expect(error.line == item.line, "\(name): \(error)")
                #expect(error.message.contains(item.words), "\(name): \(error)")
            }
        }
        // 100,000 levels: refused at level 65, without recursion.
        let deep = "a: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let refused = try #require(Self.readers[0].read(deep))
        #expect(
            refused.message == "this is not valid YAML: lists and mappings are nested too deeply here", "\(refused)")
        // Fifty thousand values at most: Yams takes up to 50 µs for each in a debug build.
        let many = "a: [" + Array(repeating: "1", count: 50_001).joined(separator: ",") + "]\n"
        #expect(
            Self.readers[1].read(many)?.message.hasPrefix("this waivers file holds more than 50,000 values") == true)
    }

    @Test func aRecordOfManyFieldsIsReadInLinearTime() throws {
        // Each field used to rebuild the record: 20,000 fields took 12 minutes, 5,000 about 45 s.
        let fields = (0..<5_000).map { "f\($0): v" }.joined(separator: ", ")
        let clock = ContinuousClock()
        let start = clock.now
        let tests = try RuleTestFileReader.read(
            source: "tests:\n  - rule: K07\n    expect: []\n    records: {organisation: {\(fields)}}\n",
            path: "k07.tests.yml")
        let mapping = try MappingReader.read(
            source: "constants: {organisation: {\(fields)}}\ncollections: {complaints: {fields: {id: N}}}\n",
            path: "mapping.yml")
        #expect(clock.now - start < .seconds(5))
        #expect(tests.first?.records["organisation"]?.record?.fieldCount == 5_000)
        #expect(mapping.constants["organisation"]?.record?.fieldCount == 5_000)
    }

    @Test func echoedValuesAreCutAndControlCharactersShown() throws {
        // ESC and BEL written as YAML escapes (a raw control character is a syntax error).
        let hostile = "\\e[2J\\a" + String(repeating: "x", count: 900)  // a key is at most 1024 characters
        let sources = [
            "auditready.yml": "\"\(hostile)\": 1\n",
            "waivers.yml": "waivers:\n  - \"\(hostile)\": 1\n",
            "mapping.yml": "\"\(hostile)\": 1\n",
            "k07.tests.yml": "tests:\n  - rule: K07\n    records: {}\n    expect: []\n    stage: \"\(hostile)\"\n"
        ]
        for (name, read) in Self.readers {
            let source = try #require(sources[name])
            let error = try #require(read(source), "\(name)")
            #expect(error.description.utf8.count < 400, "\(name): \(error.description.prefix(400))")
            #expect(error.message.contains("\\u{1B}[2J\\u{7}xxx"), "\(name): \(error)")
            #expect(error.message.contains("x…'"), "\(name): \(error)")
            #expect(!error.message.unicodeScalars.contains { $0.properties.generalCategory == .control }, "\(name)")
        }
    }

    @Test func displayExcerptCutsAtAHundredCharactersAndEscapesControls() {
        #expect(Display.excerpt("initial") == "initial")
        #expect(Display.excerpt(String(repeating: "é", count: 100)) == String(repeating: "é", count: 100))
        #expect(Display.excerpt(String(repeating: "é", count: 101)) == String(repeating: "é", count: 100) + "…")
        #expect(Display.excerpt("a\u{1B}b\u{0}c\nd\te\u{202E}f") == "a\\u{1B}b\\u{0}c\\u{A}d\\u{9}e\\u{202E}f")
        #expect(Display.excerpt("abcdef", limit: 3) == "abc…")
    }

    @Test func configurationKeysKeepTheirPlace() throws {
        let configuration = try Configuration.parse(
            source: "stage: initial\n# comment\n  \nas_of: 2026-11-15\n", path: "ci/auditready.yml")
        #expect(configuration.problem(at: "as_of", "bad date").description == "ci/auditready.yml:4:1: error: bad date")
        #expect(configuration.problem(at: "stage", "x").description == "ci/auditready.yml:1:1: error: x")
        #expect(configuration.problem(at: "fail_on", "x").description == "ci/auditready.yml: error: x")
    }

    @Test func filesLargerThanTheirLimitAreRefusedUnread() throws {
        let fixture = try LoaderFixture()
        let path = try fixture.write("waivers.yml", "waivers: []\n" + String(repeating: "# padding\n", count: 200))
        let small = [SafeYAML.byteLimitVariable: "1000"]
        #expect(throws: Never.self) { try SafeYAML.readFile(path, kind: .waivers) }
        do {
            _ = try SafeYAML.readFile(path, kind: .waivers, environment: small)
            Issue.record("read a file over its limit")
        } catch {
            #expect(
                error.description
                    == "\(path): error: this waivers file is 2 KiB, more than the 1000 bytes allowed; a real one is a "
                    + "few kilobytes, so check it is the right file (or set AUDITREADY_MAX_YAML_BYTES to a larger number of bytes)"
            )
        }
        #expect(throws: FileFormatError.self) {
            try SafeYAML.readFile(path, kind: .waivers, environment: [SafeYAML.byteLimitVariable: "8MB"])
        }
        #expect(
            try SafeYAML.byteLimit(for: .mapping, path: path, environment: [SafeYAML.byteLimitVariable: " 20000000 "])
                == 20_000_000)
        #expect(SafeYAML.Kind.configuration.defaultByteLimit == 1 << 20)
        #expect(SafeYAML.Kind.ruleTests.defaultByteLimit == 8 << 20)
        // The default limit of a configuration file, through its reader: 1 MiB and one byte.
        let big = try fixture.write(
            "auditready.yml", "stage: initial\n" + String(repeating: "#", count: (1 << 20) - 14) + "\n")
        #expect(throws: FileFormatError.self) { try Configuration.load(path: big) }
        // A special file that reports no size is cut at the limit.
        #expect(throws: FileFormatError.self) { try SafeYAML.readFile("/dev/zero", kind: .configuration) }
    }

    @Test func theRealYAMLFilesAreFarBelowTheLimits() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var files: [String] = []
        for folder in ["Samples", "Rules", "docs", "Tests"] {
            files +=
                (FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path)?.compactMap {
                    $0 as? String
                } ?? [])
                .filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.map { folder + "/" + $0 }
        }
        #expect(files.count >= 5)
        for file in files {
            let size = try #require(
                try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(file).path)[.size] as? Int)
            #expect(size < (1 << 20) / 8, "\(file) is \(size) bytes")
        }
    }
}
