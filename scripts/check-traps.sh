#!/usr/bin/env bash
# Lists code that could trap on a user's input: try!, as!, fatalError, precondition, a force
# unwrap, or a Double turned into an integer without a range check (use Double.roundedInt).
# A line that is safe for a reason the grep cannot see says so with "// trap-checked: why".
# Exit 1 when any is left; CI runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
pattern='try!|[^a-zA-Z]as!|fatalError\(|precondition(Failure)?\(|U?Int(8|16|32|64)?\([^()]*(\.rounded\(|Double\()|[a-zA-Z0-9_)]![.,)( ]|[a-zA-Z0-9_)]!$'
hits=$(grep -rnE "$pattern" Sources --include='*.swift' | grep -v '^Sources/ContentCompilerTool/' | grep -v 'trap-checked:' || true)
if [ -n "$hits" ]; then
  echo "Possible traps on input (fix, or mark the line // trap-checked: why):"
  echo "$hits"
  exit 1
fi
echo "check-traps: no try!, as!, fatalError, precondition, force unwrap or unchecked Double-to-Int in Sources"
