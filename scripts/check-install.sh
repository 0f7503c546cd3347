#!/usr/bin/env bash
# Installs maturity the two ways a user would and checks each: scripts/install.sh into a
# temporary prefix (then --uninstall leaves nothing), and the .deb through apt-get (then
# removing the package leaves nothing). Needs root for apt-get; CI runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "--- scripts/install.sh --prefix"
scripts/install.sh --prefix "$work/prefix" >/dev/null
"$work/prefix/bin/maturity" --version
for f in bin/maturity share/man/man1/maturity.1 share/bash-completion/completions/maturity \
         share/zsh/site-functions/_maturity share/fish/vendor_completions.d/maturity.fish; do
  [ -s "$work/prefix/$f" ] || { echo "install.sh did not install $f" >&2; exit 1; }
done
MANPATH="$work/prefix/share/man" man -w maturity >/dev/null
scripts/install.sh --uninstall --prefix "$work/prefix" >/dev/null
left=$(find "$work/prefix" -type f | wc -l)
[ "$left" -eq 0 ] || { echo "--uninstall left files:"; find "$work/prefix" -type f; exit 1; } >&2
echo "install.sh: installed 5 files and removed them all"

echo "--- the .deb through apt-get"
deb=$(scripts/package-deb.sh "$work" 2>/dev/null | tail -n 1)
dpkg-deb -f "$deb" Package Version Architecture Depends
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
[ "$(command -v maturity)" = /usr/bin/maturity ] || { echo "maturity is not /usr/bin/maturity" >&2; exit 1; }
maturity --version
mkdir "$work/empty"
(cd "$work/empty" && /usr/bin/maturity demo --output demo >/dev/null && ls demo | grep -q hartwell-precision.html)
echo "demo ran from /usr/bin in an empty folder"
man -w maturity
man maturity 2>/dev/null | grep -q "maturity" || { echo "man maturity shows nothing" >&2; exit 1; }
bash -c 'source /usr/share/bash-completion/completions/maturity && complete -p maturity' | grep -q _maturity
echo "man page and bash completion work"
dpkg -L maturity | while read -r f; do [ -f "$f" ] && echo "$f"; done > "$work/files"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq maturity >/dev/null
while read -r f; do [ -e "$f" ] && { echo "left after removal: $f" >&2; exit 1; }; done < "$work/files"
echo "apt-get remove left nothing ($(wc -l < "$work/files") files gone)"
