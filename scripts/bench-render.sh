#!/usr/bin/env bash
# Prints the time to render the demo report next to the time of `maturity --version` and of a
# Swift hello-world importing Foundation, each built the same way (release, and release with
# --static-swift-stdlib), on this machine, with the two ratios the targets name; then the time
# to render a 10,000-process inventory as HTML.
# Usage: scripts/bench-render.sh [runs]   (release build; uses hyperfine when installed)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
swift build -c release --product maturity >/dev/null 2>&1
bin=$(swift build -c release --show-bin-path)/maturity
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'print("hello, world")\n' > "$work/hello.swift"
swiftc -O "$work/hello.swift" -o "$work/hello" 2>/dev/null
printf 'import Foundation\nprint("hello, \\(ProcessInfo.processInfo.processName)")\n' > "$work/hello-foundation.swift"
swiftc -O "$work/hello-foundation.swift" -o "$work/hello-foundation" 2>/dev/null
swiftc -O -static-stdlib "$work/hello-foundation.swift" -o "$work/hello-foundation-static" 2>/dev/null
cp docs/demo/hartwell-precision.yaml "$work/demo.yaml"

# Mean wall time in milliseconds of a command, run $runs times after 3 warm-ups.
mean_ms() {
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/h.json" "$*" >/dev/null 2>&1
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.2f" % (r["mean"]*1000))' "$work/h.json"
  else
    for _ in 1 2 3; do "$@" >/dev/null; done
    local start end
    start=$(date +%s%N)
    for _ in $(seq "$runs"); do "$@" >/dev/null; done
    end=$(date +%s%N)
    python3 -c "print(f'{($end-$start)/1e6/$runs:.2f}')"
  fi
}

# The static binary is copied aside: SwiftPM writes both builds to the same path.
static_copy="$work/maturity-static"
swift build -c release --static-swift-stdlib --product maturity >/dev/null 2>&1
cp "$(swift build -c release --static-swift-stdlib --show-bin-path)/maturity" "$static_copy"
swift build -c release --product maturity >/dev/null 2>&1

hello=$(mean_ms "$work/hello")
foundation=$(mean_ms "$work/hello-foundation")
foundation_static=$(mean_ms "$work/hello-foundation-static")
version=$(mean_ms "$bin" --version)
html=$(mean_ms "$bin" report "$work/demo.yaml" --format html)
md=$(mean_ms "$bin" report "$work/demo.yaml" --format md)
json=$(mean_ms "$bin" report "$work/demo.yaml" --format json)
sversion=$(mean_ms "$static_copy" --version)
shtml=$(mean_ms "$static_copy" report "$work/demo.yaml" --format html)
python3 - "$work/demo.yaml" "$work/big.yaml" <<'PY'
import sys
text = open(sys.argv[1]).read().split("processes:")[0] + "processes:\n"
rows = []
# the demo's two agents keep their processes, so the big file warns about nothing
names = {0: "Supplier invoice matching", 1: "Quote preparation"}
for i in range(10000):
    rows.append(f"  - {{name: {names.get(i, f'Process {i}')}, department: Office, side: office, hours_per_week: {5 + i % 60}, volume_per_week: {50 + (i * 37) % 2000}, system_of_record: erp, write_back: api, input_structure: semi, exception_share: 0.{1 + i % 8}, high_severity_errors_possible: false, owner_candidate: Owner {i % 40}}}")
open(sys.argv[2], "w").write(text + "\n".join(rows) + "\n")
PY
big=$(runs=3 mean_ms "$static_copy" report "$work/big.yaml" --format html)
"$static_copy" report "$work/big.yaml" --format html > "$work/big.html"
python3 - "$hello" "$html" "$md" "$json" "$foundation" "$version" "$foundation_static" "$sversion" "$shtml" "$big" "$(stat -c %s "$work/big.html")" <<'PY'
import sys
hello, html, md, js, foundation, version, fstatic, sversion, shtml, big, bigsize = map(float, sys.argv[1:])
print(f"{'command':<48}{'mean ms':>10}")
for name, v in [("swift hello-world (-O)", hello), ("hello-world importing Foundation", foundation),
                ("maturity --version", version), ("maturity report demo --format html", html),
                ("maturity report demo --format md", md), ("maturity report demo --format json", js),
                ("hello-world importing Foundation, static", fstatic), ("maturity --version, static", sversion),
                ("maturity report demo --format html, static", shtml)]:
    print(f"{name:<48}{v:>10.2f}")
print()
print(f"html / --version:           {html / version:.2f}x (static {shtml / sversion:.2f}x); target 2x: {'met' if shtml <= 2 * sversion else 'NOT met'}")
print(f"html / Foundation hello:    {html / foundation:.2f}x (static {shtml / fstatic:.2f}x); target 2x: {'met' if shtml <= 2 * fstatic else 'NOT met'}")
print(f"10,000-process HTML, static: {big / 1000:.2f} s, {bigsize / 1e6:.1f} MB; target 1 s: {'met' if big <= 1000 else 'NOT met'}")
PY
