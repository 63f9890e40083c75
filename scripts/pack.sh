#!/usr/bin/env bash
# Builds and packs the package exactly as npm would publish it; prints the tarball's path.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/build.sh >&2
out=.cache/pack
rm -rf "$out" && mkdir -p "$out"
name=$(npm pack --pack-destination "$out" --loglevel=error | tail -n 1)
echo "$PWD/$out/$name"
