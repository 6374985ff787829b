// SwiftPM links an executable target's `main` to the symbol `<target>_main` (so that tests can
// link executables); a fuzz target has no main of its own, so each name below runs libFuzzer on
// the target's LLVMFuzzerTestOneInput. Every fuzz target links this file; only its own name is
// used.
#include "FuzzDriver.h"

static int runFuzzer(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}

int RuleParserFuzz_main(int argc, char **argv) { return runFuzzer(argc, argv); }
int XMLLoaderFuzz_main(int argc, char **argv) { return runFuzzer(argc, argv); }
int JSONLoaderFuzz_main(int argc, char **argv) { return runFuzzer(argc, argv); }
int YAMLFuzz_main(int argc, char **argv) { return runFuzzer(argc, argv); }
int CSVMappingFuzz_main(int argc, char **argv) { return runFuzzer(argc, argv); }
