import Crypto
import Foundation

/// The SHA-256 of a file, so a follow-up names exactly the report and responses it read.
public enum FileDigest {
    /// Lower-case hexadecimal SHA-256 of the file's bytes, or an empty string when it cannot be read.
    public static func sha256(path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        return sha256(data: data)
    }

    /// Lower-case hexadecimal SHA-256 of `data`.
    public static func sha256(data: Data) -> String {
        InputReader.hex(SHA256.hash(data: data))
    }
}
