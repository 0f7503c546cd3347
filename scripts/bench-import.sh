#!/usr/bin/env bash
# Imports a 100,000-row .xlsx made by openpyxl and prints the time and peak memory, next to
# openpyxl's own read-only mode reading the same file. Targets: under 3 s, under 200 MB, and
# faster than openpyxl.   Usage: scripts/bench-import.sh [rows]   (needs .checkers/venv with openpyxl)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
py=.checkers/venv/bin/python
[ -x "$py" ] || { echo "run: python3 -m venv .checkers/venv && .checkers/venv/bin/pip install openpyxl==3.1.5" >&2; exit 1; }
swift build -c release --product maturity >/dev/null
bin=$(swift build -c release --show-bin-path)/maturity
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$py" - "$work/big.xlsx" "$rows" <<'PY'
import sys
from openpyxl import Workbook
path, n = sys.argv[1], int(sys.argv[2])
wb = Workbook(write_only=True)
ws = wb.create_sheet("Processes")
ws.append(["Name", "Department", "Side", "Hours per week", "Volume per week", "System of record", "Write back",
           "Input structure", "Exception share", "High severity errors possible", "Owner candidate"])
systems = ["erp", "mes", "crm", "spreadsheet", "email"]
for i in range(n):
    ws.append([f"Process {i:06d}", f"Dept {i % 40}", "office", 5 + i % 60, 100 + i % 900, systems[i % 5], "api",
               "semi", (i % 30) / 100, "no", f"Owner {i % 500}"])
wb.save(path)
PY
printf 'version: 1\nquestionnaire: ai-maturity-manufacturing\norganization: {name: Bench Co, loaded_hourly_rate: 50}\nassessed_on: 2026-11-20\n' > "$work/a.yaml"
size=$(du -k "$work/big.xlsx" | cut -f1)

measure() {  # prints "seconds peak_mb" for a command
  /usr/bin/time -f '%e %M' -o "$work/t" "$@" >/dev/null
  awk '{printf "%.2f %.0f", $1, $2/1024}' "$work/t"
}
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
read -r ours_s ours_mb <<<"$(measure "$bin" inventory import "$work/big.xlsx" --into "$work/a.yaml")"
read -r dry_s dry_mb <<<"$(measure "$bin" inventory import "$work/big.xlsx" --into "$work/a.yaml" --dry-run)"
cat > "$work/read.py" <<'PY'
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1], read_only=True)
n = sum(1 for _ in wb.active.iter_rows(values_only=True))
print(n)
PY
read -r py_s py_mb <<<"$(measure "$py" "$work/read.py" "$work/big.xlsx")"

printf '%s-row .xlsx, %s KB\n' "$rows" "$size"
printf '%-52s %8s %10s\n' "command" "seconds" "peak MB"
printf '%-52s %8s %10s\n' "maturity inventory import (writes the YAML)" "$ours_s" "$ours_mb"
printf '%-52s %8s %10s\n' "again, --dry-run, into the 100,000-process file" "$dry_s" "$dry_mb"
printf '%-52s %8s %10s\n' "openpyxl load_workbook(read_only=True), every row" "$py_s" "$py_mb"
python3 - "$ours_s" "$ours_mb" "$py_s" <<'PY'
import sys
s, mb, py = map(float, sys.argv[1:])
print(f"targets: under 3 s {'met' if s < 3 else 'NOT met'}; under 200 MB {'met' if mb < 200 else 'NOT met'}; "
      f"faster than openpyxl {'met' if s < py else 'NOT met'} ({py / s:.1f}x)")
PY
