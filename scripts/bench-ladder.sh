#!/usr/bin/env bash
# Times `maturity ladder` on a generated decision log next to a pandas script computing the same
# rolling-100 and weekly figures on the same file, and prints each one's wall time and peak
# memory (maximum resident set size, from GNU time). Targets on this machine (2 cores):
#   1,000,000 rows (the default): at most 3 s and 300 MB;
#   10,000,000 rows: under 300 MB peak (cases are folded as read; only the case-id set grows, ~13 B a row).
# Usage: scripts/bench-ladder.sh [rows]
# BENCH_NO_BUILD=1 skips the release build (build first, e.g. under a lock, then measure).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
if [ -z "${BENCH_NO_BUILD:-}" ]; then swift build -c release --product maturity >/dev/null 2>&1; fi
bin=$(swift build -c release --show-bin-path)/maturity
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/log.csv" "$rows" <<'PY'
import sys, random
random.seed(7)
path, n = sys.argv[1], int(sys.argv[2])
with open(path, "w") as f:
    f.write("case_id,at,mode,approved,correct,severity,exception_opened_at,exception_cleared_at\n")
    start = 20_000 * 1440   # minutes since 1970, a Monday morning
    for i in range(n):
        t = start + (i // 540) * 1440 + 480 + (i % 540)
        d, m = divmod(t, 1440)
        import datetime
        stamp = (datetime.datetime(1970, 1, 1) + datetime.timedelta(minutes=t)).strftime("%Y-%m-%dT%H:%M:00Z")
        if random.random() < 0.1:
            f.write(f"c{i},{stamp},exception,,,none,{stamp},{stamp}\n")
        else:
            f.write(f"c{i},{stamp},auto,,{'yes' if random.random() < 0.96 else 'no'},none,,\n")
PY
echo "log: $rows rows, $(du -m "$work/log.csv" | cut -f1) MB"
venv=.checkers/bench-venv
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv" && "$venv/bin/pip" install -q pandas >/dev/null; fi
cat > "$work/pandas_ladder.py" <<'PY'
import sys, pandas as pd
log = pd.read_csv(sys.argv[1], parse_dates=["at"])
auto = log[(log["mode"] == "auto") & log["correct"].notna()].copy()
auto["ok"] = (auto["correct"] == "yes").astype(int)
rolling = auto["ok"].rolling(100).mean()
weekly = auto.groupby(auto["at"].dt.isocalendar().week)["ok"].mean()
print(len(log), round(rolling.iloc[-1], 3), (rolling < 0.9).sum(), len(weekly))
PY
measure() {
  /usr/bin/time -f "%e %M" -o "$work/t" "$@" > /dev/null 2>&1 || true
  # /usr/bin/time puts "Command exited with non-zero status N" first when the verdict is hold or act now.
  read -r seconds kb < <(tail -n 1 "$work/t")
  echo "$seconds $((kb / 1024))"
}
read -r ms mm < <(measure "$bin" ladder "$work/log.csv" --agent bench --format json)
read -r ps pm < <(measure "$venv/bin/python" "$work/pandas_ladder.py" "$work/log.csv")
printf '%-44s %8s %8s\n' command seconds "peak MB"
printf '%-44s %8s %8s\n' "maturity ladder (release)" "$ms" "$mm"
printf '%-44s %8s %8s\n' "pandas: read_csv, rolling-100, weekly" "$ps" "$pm"
echo "peak memory of maturity ladder: $mm MB for $rows rows"
python3 -c "
import sys
s, m, rows = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
memory = '300 MB ' + ('met' if m < 300 else 'NOT met')
print('targets:', memory if rows > 1_000_000 else '3 s ' + ('met' if s <= 3 else 'NOT met') + ' · ' + memory)
" "$ms" "$mm" "$rows"
