// Entry points of the libFuzzer targets built by SwiftPM (scripts/fuzz.sh).
#include <stddef.h>
#include <stdint.h>

/// Defined by each fuzz target (in Swift, `@c(LLVMFuzzerTestOneInput)`).
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/// libFuzzer's driver for programs with a main of their own (LLVM 13 and later).
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
