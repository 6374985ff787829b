import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads one rule file for ``RuleSet/load(paths:maximumFileSize:)``: only a regular file, only
/// inside the rules directory it was found in, only up to the size limit, only UTF-8 text.
enum RuleFileReader {
    /// The largest rule file to read: `given`, or the environment variable's value, or the default.
    /// Without `environment`, the process's own variable is read with `getenv` (the whole
    /// environment as a dictionary cost almost a million instructions).
    static func limit(_ given: Int?, environment: [String: String]? = nil) -> Result<Int, RuleDiagnostic> {
        if let given { return .success(given) }
        let name = RuleLimits.maximumFileSizeVariable
        let value = environment.map { $0[name] } ?? getenv(name).map { String(cString: $0) }
        guard let text = value else { return .success(RuleLimits.defaultMaximumFileSize) }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value > 0 else {
            return .failure(
                RuleDiagnostic(
                    file: name, line: 0, column: 0,
                    message:
                        "the largest rule file size must be a whole number of bytes, such as 8388608 for 8 MiB; "
                        + "'\(text.excerpt)' is not one"))
        }
        return .success(value)
    }

    /// The text of the rule file at `path`, found in `directory` (nil when it was named itself).
    static func read(_ path: String, inside directory: String?, limit: Int) -> Result<String, RuleDiagnostic> {
        func problem(_ message: String) -> Result<String, RuleDiagnostic> {
            .failure(RuleDiagnostic(file: path, line: 0, column: 0, message: message))
        }
        if let directory, let file = realPath(path), let folder = realPath(directory),
            !file.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
        {
            return problem(
                "this rule file is a symbolic link (or lies in a linked folder) leading outside the rules "
                    + "directory, so it was not read; copy the file into the directory instead")
        }
        var status = stat()
        guard stat(path, &status) == 0 else { return problem("cannot read this rule file") }
        if let issue = RegularFile.problem(reading: path) { return problem(issue) }
        guard let handle = FileHandle(forReadingAtPath: path) else { return problem("cannot read this rule file") }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            return problem("cannot read this rule file")
        }
        guard data.count <= limit else {
            let size = max(Int(status.st_size), data.count)
            return problem(
                "this rule file has \(Display.grouped(size)) bytes, more than the \(Display.grouped(limit)) a rule file may "
                    + "have; split it into several files, or set \(RuleLimits.maximumFileSizeVariable) to a "
                    + "larger number of bytes")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return problem("this rule file is not UTF-8 text")
        }
        return .success(text)
    }

    /// `path` with every link followed, or nil when it leads nowhere.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

}
