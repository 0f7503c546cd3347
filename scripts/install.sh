#!/usr/bin/env bash
# Installs maturity as a command: the binary into PREFIX/bin, its man page into
# PREFIX/share/man/man1, and bash, zsh and fish completions into their usual folders.
#   scripts/install.sh [--prefix DIR]              (default /usr/local)
#   scripts/install.sh --uninstall [--prefix DIR]  removes exactly what the install put there
# The list of installed files is kept in PREFIX/share/maturity/installed-files.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=/usr/local
uninstall=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=${2:?--prefix needs a folder}; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument $1 (try --help)" >&2; exit 64 ;;
  esac
done
prefix=${prefix%/}
manifest="$prefix/share/maturity/installed-files"

if [ "$uninstall" -eq 1 ]; then
  [ -f "$manifest" ] || { echo "nothing to uninstall: $manifest is missing" >&2; exit 66; }
  while IFS= read -r file; do
    [ -n "$file" ] && rm -f "$prefix/$file" && echo "removed $prefix/$file"
  done < "$manifest"
  rm -f "$manifest"
  rmdir "$prefix/share/maturity" 2>/dev/null || true
  echo "maturity uninstalled from $prefix"
  exit 0
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
scripts/stage.sh "$stage" "" 
mkdir -p "$prefix/share/maturity"
: > "$manifest.new"
(cd "$stage" && find . -type f | sed 's|^\./||' | sort) | while IFS= read -r file; do
  install -D -m "$(stat -c %a "$stage/$file")" "$stage/$file" "$prefix/$file"
  echo "$file" >> "$manifest.new"
  echo "installed $prefix/$file"
done
mv "$manifest.new" "$manifest"
echo "maturity installed in $prefix: run 'maturity --version' (and open a new shell for completions)"
