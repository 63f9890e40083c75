#!/usr/bin/env bash
# Installs a real n8n for `npm start`, the end-to-end tests and the benchmark, once; later
# runs reuse it until its package.json or lock changes.
#   scripts/install-n8n.sh [version]   (or N8N_VERSION=<version>; default: the primary version)
# The primary version (test/n8n-runtime/package.json) goes to .cache/n8n-runtime; another
# version needs test/n8n-runtime/<version>/package.json and goes to .cache/n8n-<version>.
# Each has its own package.json because n8n needs `overrides` the published package may not carry.
# Prints the install folder.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
primary=$(node -p "require('./test/n8n-runtime/package.json').dependencies.n8n")
version=${1:-${N8N_VERSION:-$primary}}
if [ "$version" = "$primary" ]; then
  src=test/n8n-runtime dir=.cache/n8n-runtime
else
  src=test/n8n-runtime/$version dir=.cache/n8n-$version
  if [ ! -f "$src/package.json" ]; then
    echo "No test/n8n-runtime/$version/package.json: add one (with the overrides that version needs) to test n8n $version." >&2
    exit 1
  fi
fi
runner=$(bash scripts/n8n-node-for.sh "$version")
lock="$src/package-lock.json"
hash() { cat "$src/package.json" $([ -f "$lock" ] && echo "$lock") | sha256sum | cut -d' ' -f1; }
want=$(hash)
if [ -f "$dir/.installed" ] && [ "$(cat "$dir/.installed")" = "$want" ]; then
  echo "$PWD/$dir"
  exit 0
fi
echo "Installing n8n $version into $dir (once, a few minutes)..." >&2
# A shared read-only install may be linked here (a worktree's .cache): install a copy of its own.
[ -L "$dir" ] && rm "$dir"
mkdir -p "$dir"
cp "$src/package.json" "$dir/"
if [ -f "$lock" ]; then cp "$lock" "$dir/"; else rm -f "$dir/package-lock.json"; fi
pushd "$dir" >/dev/null
# Install scripts are skipped: some of n8n's optional native addons try to download
# from the internet. Only sqlite3 (n8n's embedded database) is then built, from source.
# `npm install` with the lock, not `npm ci`: see scripts/install-deps.sh.
npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2
# Built for the Node that runs this n8n, against its headers (the machine's npm config may point elsewhere).
node_dir="$(cd "$(dirname "$runner")/.." && pwd)"
PATH="$(dirname "$runner"):$PATH" npm_config_nodedir="$node_dir" npm rebuild sqlite3 --loglevel=error >&2
"$runner" -e "require('sqlite3')"
popd >/dev/null
# A version installed without a lock gets one: commit it beside its package.json.
[ -f "$lock" ] || cp "$dir/package-lock.json" "$lock"
hash > "$dir/.installed"
echo "$PWD/$dir"
