// libFuzzer target: the XML loader, through `RecordLoader.load(path:)` as the command uses it.
// Built by scripts/fuzz.sh (AUDITREADY_FUZZ=1 swift build ... -sanitize=fuzzer,address).
import AuditKit
import FuzzSupport
#if canImport(Glibc)
import Glibc
#endif

private let xmlScratchPath = "/dev/shm/auditready-fuzz-\(getpid()).xml"

/// Writes the input to a scratch file and loads it; a ``RecordLoadError`` is an expected outcome.
@c(LLVMFuzzerInitialize)
public func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> Int32 {
    FuzzScratch.warmUp(#"<records><organisation><name>A</name></organisation><complaints><complaint id="C1"><received_on>2026-01-02</received_on></complaint></complaints></records>"#, at: xmlScratchPath)
    return 0
}

@c(LLVMFuzzerTestOneInput)
public func fuzzXMLLoader(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzScratch.write(data, count, to: xmlScratchPath)
    FuzzScratch.load(xmlScratchPath)
    return 0
}
