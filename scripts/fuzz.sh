#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (rule parser, XML loader, JSON loader, YAML readers, CSV
# registers through a mapping) with SwiftPM, the fuzzer and address sanitizers, builds a seed
# corpus from Samples/, Rules/ and the docs' YAML examples, and runs each target for SECONDS
# (default 60). Not part of CI: run it by hand.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     TARGET: RuleParserFuzz XMLLoaderFuzz JSONLoaderFuzz YAMLFuzz
#                                                     CSVMappingFuzz
#
# The targets are products of Package.swift only when AUDITREADY_FUZZ=1 is set (this script sets
# it): `AUDITREADY_FUZZ=1 swift build --build-path .build-fuzz -c release -Xswiftc
# -sanitize=fuzzer,address -Xswiftc -parse-as-library --product XMLLoaderFuzz`. libFuzzer supplies
# each target's main through Fuzz/FuzzDriver.
# Everything it makes goes to .build-fuzz/ (the build) and fuzz-out/ (corpora, crashes, logs),
# both ignored by git. A crash, leak or timeout leaves its input in fuzz-out/artifacts/TARGET/ and
# makes the script exit with 1; reproduce it with `.build-fuzz/CONFIG/TARGET FILE`.
# FUZZ_SKIP_BUILD=1 reuses the last build. FUZZ_CONFIG=debug builds without optimisation: much
# faster to build on a loaded machine (the optimised build with the sanitizers took over 20
# minutes there), fewer executions a second. Default: release.
# FUZZ_LEAKS=0 turns leak detection off: with the Swift 6 toolchain here, LeakSanitizer reports
# 32-byte objects made once by the records contract's static initialisation
# (RecordsContract.entries) as leaked, which stops every XML run at once.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(RuleParserFuzz XMLLoaderFuzz JSONLoaderFuzz YAMLFuzz CSVMappingFuzz)
out="$root/fuzz-out"
mkdir -p "$out"

config=${FUZZ_CONFIG:-release}
build="$root/.build-fuzz"
if [ -z "${FUZZ_SKIP_BUILD:-}" ]; then
  for target in "${targets[@]}"; do
    case $target in
      RuleParserFuzz | XMLLoaderFuzz | JSONLoaderFuzz | YAMLFuzz | CSVMappingFuzz) ;;
      *) echo "unknown target $target" >&2; exit 2 ;;
    esac
    echo "== building $target ($config, fuzzer and address sanitizers)"
    AUDITREADY_FUZZ=1 swift build --build-path "$build" -c "$config" \
      -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product "$target" 2>&1 \
      | { grep -v "Cannot export local symbol" || true; }
  done
fi
bin="$build/$config"

echo "== seed corpus from Samples/ and Rules/"
python3 - "$root" "$out/seeds" <<'PY'
import json, os, sys, glob, re
import xml.etree.ElementTree as ET
root, seeds = sys.argv[1], sys.argv[2]
def put(target, name, data):
    os.makedirs(f"{seeds}/{target}", exist_ok=True)
    with open(f"{seeds}/{target}/{name}", "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
for path in glob.glob(f"{root}/Samples/*/*.json"):
    base = os.path.basename(os.path.dirname(path))
    text = open(path, "rb").read()
    put("JSONLoaderFuzz", f"{base}.json", text)
    # One small seed per top-level collection: small inputs fuzz faster.
    for key, value in json.loads(text).items():
        put("JSONLoaderFuzz", f"{base}-{key}.json", json.dumps({key: value}, indent=1))
for path in glob.glob(f"{root}/Samples/*/*.xml"):
    base = os.path.basename(os.path.dirname(path))
    text = open(path, "rb").read()
    put("XMLLoaderFuzz", f"{base}.xml", text)
    for index, child in enumerate(ET.fromstring(text)):
        put("XMLLoaderFuzz", f"{base}-{index}-{child.tag}.xml",
            b"<?xml version=\"1.0\"?>\n<records>\n" + ET.tostring(child) + b"</records>\n")
# A few hostile shapes the fuzzer should start from.
put("XMLLoaderFuzz", "doctype.xml", '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "b">]>\n<records>&a;</records>')
put("XMLLoaderFuzz", "utf16.xml", '\ufeff<?xml version="1.0" encoding="UTF-16"?><records><a>1</a></records>'.encode("utf-16-le"))
put("XMLLoaderFuzz", "cdata.xml", '<records><a><![CDATA[x<y]]></a><b x="1"/><!-- c --><?pi x?></records>')
put("JSONLoaderFuzz", "escapes.json", '{"a": "\\u00e9\\ud83d\\ude00\\n", "b": [1, -2.5e+3, true, false, null], "c": {}}')
for path in glob.glob(f"{root}/Rules/**/*.rules", recursive=True):
    name = os.path.relpath(path, root).replace("/", "-")
    text = open(path, encoding="utf-8").read()
    put("RuleParserFuzz", name, text)
    # One seed per rule block, with the file's parameters.
    params = "".join(line + "\n" for line in text.splitlines() if line.startswith("param "))
    for index, block in enumerate(re.findall(r"^rule .*?^end$", text, re.S | re.M)):
        put("RuleParserFuzz", f"{name}-{index}", params + block + "\n")
# YAMLFuzz: the repository's YAML files (whole, and one seed per rule test), the YAML examples of
# the docs, and a few hostile shapes.
for path in glob.glob(f"{root}/Rules/**/*.tests.yml", recursive=True) + glob.glob(f"{root}/Samples/**/*.yml", recursive=True):
    name = os.path.relpath(path, root).replace("/", "-")
    text = open(path, encoding="utf-8").read()
    put("YAMLFuzz", name, text)
    head = text.split("\ntests:\n")[0] + "\ntests:\n" if "\ntests:\n" in text else "tests:\n"
    for index, block in enumerate(re.findall(r"^  - rule:.*?(?=^  - rule:|\Z)", text, re.S | re.M)):
        put("YAMLFuzz", f"{name}-{index}", head + block)
for path in glob.glob(f"{root}/docs/*.md") + [f"{root}/README.md"]:
    name = os.path.relpath(path, root).replace("/", "-")
    for index, block in enumerate(re.findall(r"^```ya?ml\n(.*?)^```", open(path, encoding="utf-8").read(), re.S | re.M)):
        put("YAMLFuzz", f"{name}-{index}.yml", block)
laughs = "l0: &l0 lol\n" + "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i-1}"] * 10) + "]\n" for i in range(1, 10))
put("YAMLFuzz", "laughs.yml", "constants:\n" + "".join("  " + line + "\n" for line in laughs.splitlines()))
put("YAMLFuzz", "quoted.yml", 'waivers:\n  - rule: K07\n    justification: "R&D *urgent* &co"\n    approver: \'A & *B*\'\n    expires: 2027-01-31\n')
put("YAMLFuzz", "config.yml", "stage: initial\nas_of: 2026-11-15\nformats: [json, sarif]\nparams: {ack_days: 3}\nfail_on: minor\n")
put("YAMLFuzz", "block.yml", "waivers:\n  - rule: K07\n    justification: |\n      line one\n      *not an alias*\n    expires: >-\n      2027-01-31\n")
# CSVMappingFuzz: the first byte picks the mapping (0 French register, 1 English register, 2 tab-
# separated internal audits; see Fuzz/CSVMappingFuzz), the rest is the CSV file.
put("CSVMappingFuzz", "french.csv", b"\x00" + open(f"{root}/Samples/french-register/reclamations.csv", "rb").read())
put("CSVMappingFuzz", "english.csv", b"\x01" + (
    "Ref,Received,Customer,Details,Priority,Safety,Acknowledged,Closed,Tags,NC\r\n"
    "C-1,01/15/2026,Acme,<div>Labels &amp; boxes</div><br>late,High,No,2026-01-16,20.01.26,\"late, damaged\",NC-1\r\n"
    "C-2,2/3/2026 09:30,\"Smith, J\",\"Two\nlines \"\"quoted\"\"\",None,Yes,,,,\r\n").encode())
put("CSVMappingFuzz", "audits.tsv", b"\x02" + (
    "\ufeffAudit\tPlanned\tConducted\tProcesses\tClauses\tFindings\tAuditor\tReport\n"
    "IA-1\t2026-02-01\t2026-02-03\tP-1;P-2\t7.1.5 8.4\tNC-1,NC-9\tp-1\t2026-02-05\n"
    "IA-2\t2026-03-01\t\t\t\t\t\t\n").encode())
put("CSVMappingFuzz", "unclosed.csv", b"\x00" + "N° réclamation;Date de réception\nR-1;\"open\n".encode())
PY

status=0
for target in "${targets[@]}"; do
  mkdir -p "$out/corpus/$target" "$out/artifacts/$target" "$out/logs"
  dict="Fuzz/dictionaries/$target.dict"
  args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1
        -artifact_prefix="$out/artifacts/$target/" -detect_leaks="${FUZZ_LEAKS:-1}")
  [ -f "$dict" ] && args+=(-dict="$dict")
  echo "== $target for ${seconds}s"
  if ! ASAN_OPTIONS="detect_leaks=${FUZZ_LEAKS:-1}" "$bin/$target" "${args[@]}" "$out/corpus/$target" "$out/seeds/$target" >"$out/logs/$target.log" 2>&1; then
    status=1
    echo "   FOUND A PROBLEM: see $out/logs/$target.log and $out/artifacts/$target/"
  fi
  runs=$(grep -Eo "stat::number_of_executed_units: [0-9]+" "$out/logs/$target.log" | grep -Eo "[0-9]+$" || echo "?")
  cov=$(grep -Eo "cov: [0-9]+" "$out/logs/$target.log" | tail -1 || true)
  echo "   executions: $runs; $cov; corpus: $(ls "$out/corpus/$target" | wc -l) inputs"
done
exit $status
