#!/usr/bin/env bash
# Lays out what an installation of maturity holds under DEST/PREFIX: the binary (release build,
# Swift runtime linked in), the man page generated from the commands' own help, and bash, zsh
# and fish completions. Used by install.sh and package-deb.sh.
#   scripts/stage.sh DEST PREFIX
set -euo pipefail
cd "$(dirname "$0")/.."
dest=$1
prefix=$2
root="$dest$prefix"

echo "building maturity (release, --static-swift-stdlib)..." >&2
swift build -c release --static-swift-stdlib --product maturity >&2
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)/maturity"

echo "generating the man page from the commands' help..." >&2
# The help text is the same in every configuration; debug builds fastest.
swift package generate-manual --configuration debug >&2
manual=.build/plugins/GenerateManual/outputs/maturity/maturity.1
[ -s "$manual" ] || { echo "the man page was not generated" >&2; exit 1; }

install -d "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" \
  "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d"
install -m 0755 "$bin" "$root/bin/maturity"
strip "$root/bin/maturity" 2>/dev/null || true
install -m 0644 "$manual" "$root/share/man/man1/maturity.1"
"$root/bin/maturity" --generate-completion-script bash > "$root/share/bash-completion/completions/maturity"
"$root/bin/maturity" --generate-completion-script zsh > "$root/share/zsh/site-functions/_maturity"
"$root/bin/maturity" --generate-completion-script fish > "$root/share/fish/vendor_completions.d/maturity.fish"
chmod 0644 "$root/share/bash-completion/completions/maturity" "$root/share/zsh/site-functions/_maturity" \
  "$root/share/fish/vendor_completions.d/maturity.fish"
