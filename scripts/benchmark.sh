#!/usr/bin/env bash
# Benchmark: check generated exports of several sizes with the full bundled rule set, in XML and
# JSON, beside `xmllint --stream --noout` (XML) and `jq .` (JSON) on the same files, and print
# wall time, peak memory and the ratios the performance targets are written in (docs/performance.md).
#
#   scripts/benchmark.sh [SIZES...]        default: 10000 100000 300000 complaints
#
# Environment:
#   REPEAT=N          runs of each command per size, interleaved; the median is shown (default 3)
#   AUDITREADY=PATH   the binary to measure (default: the release build, built first)
#   BENCH_DIR=DIR     where generated exports are kept (default: .bench/, git-ignored)
#   SEED=S            generator seed (default 1)
#   SKEWS="none root-cause all"
#                     distributions to run side by side at each size (default: none, the uniform
#                     sample): `auditready sample --skew` names, or a comma list of them for one
#                     export with several skews; vs_uniform is the time over the uniform run of the
#                     same size and format (shown when `none` is in the list, run first)
#
# Needs /usr/bin/time, xmllint and jq (Debian: apt-get install -y time libxml2-utils jq).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000 300000)
REPEAT=${REPEAT:-3}
SEED=${SEED:-1}
BENCH_DIR=${BENCH_DIR:-.bench}
AS_OF=2026-11-15

for tool in /usr/bin/time xmllint jq; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y time libxml2-utils jq" >&2; exit 2; }
done

if [ -z "${AUDITREADY:-}" ]; then
    swift build -c release --product auditready >&2
    AUDITREADY="$(swift build -c release --show-bin-path)/auditready"
fi
mkdir -p "$BENCH_DIR"
# The report goes to a scratch file: auditready refuses to replace a device such as /dev/null.
REPORT="$BENCH_DIR/report.json"

# measure OUTVAR CMD... : runs CMD under /usr/bin/time -v, sets OUTVAR to "seconds kilobytes".
measure() {
    local out=$1; shift
    local log
    log=$(mktemp)
    /usr/bin/time -v -o "$log" "$@" >/dev/null 2>&1 || true
    local wall rss
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log" \
        | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    rm -f "$log"
    printf -v "$out" '%s %s' "$wall" "$rss"
}

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }


read -r -a SKEW_LIST <<<"${SKEWS:-none}"
declare -A TIME
printf '%-8s %-12s %-5s %8s %10s %9s %10s %8s %8s %9s %8s %10s\n' \
    size skew format file_MB auditready_s peak_MB baseline baseline_s ratio target mem/file vs_uniform
for size in "${SIZES[@]}"; do
  for skew in "${SKEW_LIST[@]}"; do
    if [ "$skew" = none ]; then
        dir="$BENCH_DIR/$size-$SEED"
        skew_option=()
    else
        dir="$BENCH_DIR/$size-$SEED-${skew//,/+}"
        skew_option=(--skew "$skew")
    fi
    if [ ! -s "$dir/records.json" ] || [ ! -s "$dir/records.xml" ]; then
        "$AUDITREADY" sample --complaints "$size" --seed "$SEED" "${skew_option[@]}" --output-dir "$dir" >&2
    fi
    for format in xml json; do
        file="$dir/records.$format"
        bytes=$(stat -c %s "$file")
        ours=() oursrss=() base=()
        for _ in $(seq "$REPEAT"); do
            measure m "$AUDITREADY" check "$file" --as-of "$AS_OF" --format json --output "$REPORT" --fail-on none
            read -r s k <<<"$m"; ours+=("$s"); oursrss+=("$k")
            if [ "$format" = xml ]; then
                measure m xmllint --stream --noout "$file"
            else
                measure m sh -c 'jq . "$1" >/dev/null' sh "$file"
            fi
            read -r s _ <<<"$m"; base+=("$s")
        done
        t=$(median "${ours[@]}"); rss=$(median "${oursrss[@]}"); b=$(median "${base[@]}")
        [ "$skew" = none ] && TIME[$size-$format]=$t
        uniform=${TIME[$size-$format]:-}
        # Issue 17's targets: 10k (and below) a little looser than the large exports.
        if [ "$format" = xml ]; then
            name="xmllint"; if [ "$size" -le 10000 ]; then target="<=1.3"; else target="<=1.1"; fi
        else
            name="jq"; if [ "$size" -le 10000 ]; then target="<=0.25"; else target="<=0.2"; fi
        fi
        awk -v size="$size" -v skew="$skew" -v f="$format" -v bytes="$bytes" -v t="$t" -v rss="$rss" -v name="$name" \
            -v b="$b" -v target="$target" -v u="$uniform" 'BEGIN {
            mb = bytes / 1048576; peak = rss / 1024
            vs = (u != "" && u > 0) ? sprintf("%.2f", t / u) : "-"
            printf "%-8s %-12s %-5s %8.1f %10.2f %9.1f %10s %8.2f %8.2f %9s %8.2f %10s\n", size, skew, f, mb, t, peak, name, b, (b > 0 ? t / b : 0), target, peak / mb, vs
        }'
    done
  done
done
if [ -n "${TIME[100000-xml]:-}" ] && [ -n "${TIME[300000-xml]:-}" ]; then
    for format in xml json; do
        awk -v f="$format" -v a="${TIME[100000-$format]}" -v b="${TIME[300000-$format]}" \
            'BEGIN { printf "growth 300k/100k %-4s %.2f (target <= 3.2)\n", f, (a > 0 ? b / a : 0) }'
    done
fi
