#!/usr/bin/env bash
# Prints the time to render the demo report next to the time of a Swift hello-world built the
# same way, on this machine. Target: the HTML render takes under 2x the hello-world.
# Usage: scripts/bench-render.sh [runs]   (release build; uses hyperfine when installed)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
swift build -c release --product maturity >/dev/null
bin=$(swift build -c release --show-bin-path)/maturity
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'print("hello, world")\n' > "$work/hello.swift"
swiftc -O "$work/hello.swift" -o "$work/hello" 2>/dev/null
printf 'import Foundation\nprint("hello, \\(ProcessInfo.processInfo.processName)")\n' > "$work/hello-foundation.swift"
swiftc -O "$work/hello-foundation.swift" -o "$work/hello-foundation" 2>/dev/null
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

hello=$(mean_ms "$work/hello")
foundation=$(mean_ms "$work/hello-foundation")
version=$(mean_ms "$bin" --version)
html=$(mean_ms "$bin" report "$work/demo.yaml" --format html)
md=$(mean_ms "$bin" report "$work/demo.yaml" --format md)
json=$(mean_ms "$bin" report "$work/demo.yaml" --format json)
python3 - "$hello" "$html" "$md" "$json" "$foundation" "$version" <<'PY'
import sys
hello, html, md, js, foundation, version = map(float, sys.argv[1:])
print(f"{'command':<40}{'mean ms':>10}{'x hello':>10}")
print(f"{'swift hello-world (-O)':<40}{hello:>10.2f}{1:>10.2f}")
print(f"{'swift hello-world importing Foundation':<40}{foundation:>10.2f}{foundation/hello:>10.2f}")
print(f"{'maturity --version (start-up only)':<40}{version:>10.2f}{version/hello:>10.2f}")
for name, v in [("maturity report demo --format html", html), ("maturity report demo --format md", md), ("maturity report demo --format json", js)]:
    print(f"{name:<40}{v:>10.2f}{v/hello:>10.2f}")
print(f"target: html under 2x hello-world: {'met' if html < 2 * hello else 'NOT met'}")
PY
