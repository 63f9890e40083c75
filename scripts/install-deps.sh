#!/usr/bin/env bash
# Installs the package's dev dependencies exactly as the committed lock lists them
# (`npm ci`), when they are missing or the lock has changed since. --ignore-scripts:
# nothing here needs an install script, and n8n-workflow's optional native addon
# (isolated-vm) is not needed to build, lint or test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
stamp=node_modules/.installed-lock-hash
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "Installing the package's dev dependencies..." >&2
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2
  echo "$want" > "$stamp"
fi
