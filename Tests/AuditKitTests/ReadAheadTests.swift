import Foundation
import Testing
@testable import AuditKit

/// Both loaders read, hash and parse on two threads (``WorkerThread``). A load that fails early
/// must return without reading the rest of a large file and leave no thread behind, and a file
/// that grows while it is read is refused.
@Suite struct ReadAheadTests {
    /// The threads of this process, from `/proc/self/status`.
    private static func threadCount() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("Threads:") })
        return try #require(Int(line.dropFirst("Threads:".count).trimmingCharacters(in: .whitespaces)))
    }

    /// `opening`, then `filler` repeated to past `size` bytes.
    private static func bytes(_ opening: String, filler: String, size: Int) -> [UInt8] {
        var bytes = Array(opening.utf8)
        let line = Array(filler.utf8)
        bytes.reserveCapacity(size + line.count)
        while bytes.count < size { bytes += line }
        return bytes
    }

    @Test(.timeLimit(.minutes(2))) func brokenLargeExportsFailPromptlyAndLeaveNoThreadBehind() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        // Larger than the JSON read-ahead, broken on their second line: the reading and hashing
        // threads must stop with the parse, not wait for it or read to the end.
        let size = StreamedFileBuffer.lead + 4 * StreamedFileBuffer.chunk
        let json = try fixture.write(
            "broken.json",
            bytes: Self.bytes(
                "{\"complaints\": [\n {\"id\": \"C0\", \"channel\": tru},\n", filler: " {\"id\": \"C1\"},\n", size: size
            ))
        let xml = try fixture.write(
            "broken.xml",
            bytes: Self.bytes(
                "<?xml version=\"1.0\"?>\n<records><complaints>\n<complaint id=oops/>\n",
                filler: "<complaint id=\"C1\"><channel>email</channel></complaint>\n", size: size))
        let before = try Self.threadCount()
        let started = ContinuousClock.now
        for round in 0..<100 {
            for path in [json, xml] {
                let error = try #require(fixture.failure(path: path), "round \(round)")
                #expect(error.line == (path == json ? 2 : 3), "\(error)")
            }
        }
        let elapsed = ContinuousClock.now - started
        // 200 failed loads; reading each file whole would take far longer on this machine.
        #expect(elapsed < .seconds(60), "\(elapsed)")
        // Other tests run meanwhile and start threads of their own; 200 stuck threads would show.
        #expect(try Self.threadCount() < before + 40)
    }

    @Test func aJSONFileThatGrowsWhileItIsReadIsRefused() throws {
        let fixture = try LoaderFixture()
        defer { fixture.remove() }
        var text = "{\"complaints\": [\n"
        for index in 0..<20_000 { text += " {\"id\": \"C\(index)\"},\n" }
        let path = try fixture.write("growing.json", text + " {\"id\": \"last\"}\n]}\n")
        let file = try InputReader(path: path)
        // The export is still being written after it was opened.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(String(repeating: " ", count: 100_000).utf8))
        handle.closeFile()
        let stream = file.streamed()
        var failure: RecordLoadError?
        do {
            _ = try JSONRecordLoader.load(
                stream: stream, size: file.size, path: path, fileIndex: 0, names: NameTable())
            _ = try stream.digest()
        } catch {
            failure = stream.readFailure() ?? error
        }
        #expect(
            failure?.message.contains("the file grew while it was being read") == true, "\(String(describing: failure))"
        )
    }
}
