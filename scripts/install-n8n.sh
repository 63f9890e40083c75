#!/usr/bin/env bash
# Installs the real n8n that `npm start`, the end-to-end tests and the benchmark run,
# into .cache/n8n-runtime, once; later runs reuse it until test/n8n-runtime changes.
# It has its own package.json because n8n needs an `overrides` entry the published
# package may not carry.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
src=test/n8n-runtime
dir=.cache/n8n-runtime
want=$(cat "$src/package.json" "$src/package-lock.json" | sha256sum | cut -d' ' -f1)
if [ -f "$dir/.installed" ] && [ "$(cat "$dir/.installed")" = "$want" ]; then
  exit 0
fi
echo "Installing n8n $(node -p "require('./$src/package.json').dependencies.n8n") into $dir (once, a few minutes)..." >&2
mkdir -p "$dir"
cp "$src/package.json" "$src/package-lock.json" "$dir/"
cd "$dir"
# Install scripts are skipped: some of n8n's optional native addons try to download
# from the internet. Only sqlite3 (n8n's embedded database) is then built, from source.
# `npm install` with the lock, not `npm ci`: see scripts/install-deps.sh.
npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2
# Built against the headers of the Node that runs n8n (the machine's npm config may point elsewhere).
npm_config_nodedir="$(cd "$(dirname "$(command -v node)")/.." && pwd)" npm rebuild sqlite3 --loglevel=error >&2
node -e "require('sqlite3')"
echo "$want" > .installed
