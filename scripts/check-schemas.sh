#!/usr/bin/env bash
# Validates every command's JSON output against its schema in docs/schema/ with a real validator
# (check-jsonschema), on the fixtures and the demo: report, compare, history, validate, ladder.
# Usage: scripts/check-schemas.sh PATH/TO/maturity [PATH/TO/check-jsonschema]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?the maturity binary}
checker=${2:-.checkers/venv/bin/check-jsonschema}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

n=0
for f in Tests/MaturityCLITests/Fixtures/advice/*.yaml Tests/MaturityCLITests/Fixtures/moves/*.yaml examples/*.yaml examples/acme-history/*.yaml docs/demo/hartwell-precision.yaml; do
  case "$f" in *calendar*) continue ;; esac
  n=$((n + 1))
  "$bin" report "$f" --format json > "$out/report-$n.json"
done
"$bin" report Tests/MaturityCLITests/Fixtures/advice/stage-zero-first-agent.yaml --calendar Tests/MaturityCLITests/Fixtures/advice/plant-calendar.yaml --format json > "$out/report-calendar.json"
"$checker" --schemafile docs/schema/report.schema.json "$out"/report-*.json

"$bin" compare examples/acme-history/2026-q1.yaml examples/acme-history/2026-q2.yaml --format json > "$out/compare-1.json"
"$bin" compare examples/acme-history/2026-q2.yaml examples/acme-history/2026-q3.yaml --format json > "$out/compare-2.json"
"$checker" --schemafile docs/schema/compare.schema.json "$out"/compare-*.json

"$bin" history examples/acme-history --format json > "$out/history.json"
"$checker" --schemafile docs/schema/history.schema.json "$out/history.json"

# validate exits 65 when a file is invalid; the JSON is what is checked.
"$bin" validate examples/acme.yaml questionnaires/ai-maturity-manufacturing.yaml --format json > "$out/validate-ok.json"
"$bin" validate examples/acme.yaml Tests/MaturityStoreTests/Fixtures/invalid/*.yaml --format json > "$out/validate-bad.json" || true
"$checker" --schemafile docs/schema/validate.schema.json "$out"/validate-*.json

if [ -f docs/schema/ladder.schema.json ]; then
  demo="$out/demo"
  "$bin" demo --output "$demo" > /dev/null 2>&1
  "$bin" ladder "$demo/ap-invoice-matcher-log.csv" --agent "AP invoice matcher" --assessment "$demo/hartwell-precision.yaml" --format json > "$out/ladder-demo.json" || true
  p=Tests/MaturityStoreTests/Fixtures/platforms
  "$bin" ladder "$p/langfuse-traces.json" "$p/langfuse-scores.csv" --agent "Supplier follow-up agent" --format json > "$out/ladder-langfuse.json" || true
  "$bin" ladder "$p/langsmith-runs.jsonl" "$p/langsmith-feedback.jsonl" --agent "Supplier follow-up agent" --format json > "$out/ladder-langsmith.json" || true
  "$bin" ladder "$p/otlp-genai.json" "$p/otlp-genai-logs.json" --agent "Supplier follow-up agent" --format json > "$out/ladder-otlp.json" || true
  for f in "$out"/ladder-*.json; do [ -s "$f" ] || { echo "empty ladder output: $f" >&2; exit 1; }; done
  "$checker" --schemafile docs/schema/ladder.schema.json "$out"/ladder-*.json
fi
echo "check-schemas: every command's JSON validates against docs/schema/"
