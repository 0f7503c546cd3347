#!/usr/bin/env bash
# Builds maturity_<version>_<arch>.deb in the current folder (or OUTDIR): the static binary in
# /usr/bin, the man page, and bash, zsh and fish completions. It depends only on what the
# binary still links dynamically (libxml2, zlib).
#   scripts/package-deb.sh [OUTDIR]
set -euo pipefail
here=$(pwd)
cd "$(dirname "$0")/.."
out=${1:-$here}
version=$(sed -n 's/^public let maturityVersion = "\(.*\)"$/\1/p' Sources/MaturityCLI/MaturityCommand.swift)
arch=$(dpkg --print-architecture)
pkg=$(mktemp -d)
trap 'rm -rf "$pkg"' EXIT
scripts/stage.sh "$pkg" /usr
gzip -9n "$pkg/usr/share/man/man1/maturity.1"
# The libraries the binary links directly (its NEEDED entries), as Debian packages: libxml2 and
# zlib, and the C++ runtime the static Swift runtime uses. libc6 is given with its version.
depends=$(readelf -d "$pkg/usr/bin/maturity" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | while read -r lib; do
  path=$(ldconfig -p | awk -v l="$lib" '$1 == l {print $NF; exit}')
  [ -n "$path" ] && { dpkg -S "$(readlink -f "$path")" 2>/dev/null || dpkg -S "$path" 2>/dev/null || true; }
done | cut -d: -f1 | sort -u | grep -v '^libc6$' | tr '\n' ',' | sed 's/,$//; s/,/, /g')
mkdir -p "$pkg/DEBIAN"
cat > "$pkg/DEBIAN/control" <<CONTROL
Package: maturity
Version: $version
Architecture: $arch
Maintainer: maturity developers <maturity@localhost>
Depends: libc6${depends:+, $depends}
Section: utils
Priority: optional
Description: place a manufacturer on a five-stage AI maturity model
 Reads an assessment (answers, agents and the office processes), places the
 company at Stage 0 to 4, scores each process in dollars and feasibility, and
 writes HTML and Markdown reports with the one next move and a dated 90-day plan.
CONTROL
find "$pkg" -type d -exec chmod 0755 {} +
deb="$out/maturity_${version}_${arch}.deb"
dpkg-deb --root-owner-group --build "$pkg" "$deb" >/dev/null
echo "$deb"
echo "Depends: libc6${depends:+, $depends}" >&2
