import Foundation
import Testing

/// CSV registers through `check --mapping` and `map`: unusable input is one line on standard
/// error and exit 2.
@Suite struct CSVRegisterCLITests {
    /// Before, the quote swallowed the second complaint: one record out of two, exit 0.
    @Test func anUnterminatedQuoteExitsTwoWithOneLineAtTheQuote() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("reclamations.csv")
        try Data("id;description\nC1;\"Carton abîmé\nC2;second\n".utf8).write(to: csv)
        let mapping = directory.appendingPathComponent("m.yml")
        try Data(
            "collections:\n  complaints:\n    file: reclamations.csv\n    fields: {id: id, description: description}\n"
                .utf8
        )
        .write(to: mapping)
        for command in [
            ["check", "--mapping", mapping.path, csv.path, "--as-of", "2026-11-15"],
            ["map", "--mapping", mapping.path, "--output", directory.appendingPathComponent("o.json").path, csv.path]
        ] {
            let outcome = try CommandRunner.run(command)
            #expect(outcome.status == 2, "\(command[0]): \(outcome.stdout)\(outcome.stderr)")
            #expect(outcome.stdout == "")
            let lines = outcome.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(outcome.stderr)")
            #expect(
                lines.first?.hasSuffix(
                    "reclamations.csv:2:4: error: a quoted value starts here and is never closed; add the closing quote (\"), or write a quote inside a value as two quotes (\"\")"
                ) == true,
                "\(outcome.stderr)")
        }
    }
}
