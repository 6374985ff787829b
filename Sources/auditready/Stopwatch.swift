import Foundation

/// Phase durations on standard error, for performance work (`check --timings`, hidden).
struct Stopwatch {
    let enabled: Bool
    private let start = ContinuousClock.now

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Prints the time since the start, labelled.
    func lap(_ label: String) {
        guard enabled else { return }
        let elapsed = (ContinuousClock.now - start).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        let memory = Self.residentMemory().map { ", resident \($0)" } ?? ""
        Terminal.note("auditready: \(label) at \(String(format: "%.3f", seconds)) s\(memory)")
    }

    /// Current and peak resident memory from `/proc/self/status` (Linux), e.g. "212 MB (peak 260 MB)".
    private static func residentMemory() -> String? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        func megabytes(_ key: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }),
                let kilobytes = Int(line.dropFirst(key.count).filter(\.isNumber))
            else { return nil }
            return kilobytes / 1024
        }
        guard let now = megabytes("VmRSS:"), let peak = megabytes("VmHWM:") else { return nil }
        return "\(now) MB (peak \(peak) MB)"
    }
}
