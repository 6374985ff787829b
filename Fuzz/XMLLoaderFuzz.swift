// libFuzzer target: the XML loader, through `RecordLoader.load(path:)` as the command uses it.
// Built by scripts/fuzz.sh; not part of the package build.
import AuditKit
#if canImport(Glibc)
import Glibc
#endif

private let xmlScratchPath = "/dev/shm/auditready-fuzz-\(getpid()).xml"

/// Writes the input to a scratch file and loads it; a ``RecordLoadError`` is an expected outcome.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> Int32 {
    FuzzScratch.warmUp(#"<records><organisation><name>A</name></organisation><complaints><complaint id="C1"><received_on>2026-01-02</received_on></complaint></complaints></records>"#, at: xmlScratchPath)
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXMLLoader(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzScratch.write(data, count, to: xmlScratchPath)
    FuzzScratch.load(xmlScratchPath)
    return 0
}
