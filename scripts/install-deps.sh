#!/usr/bin/env bash
# Installs the package's dev dependencies when they are missing or the lock file has
# changed since. --ignore-scripts: nothing here needs an install script, and
# n8n-workflow's optional native addon (isolated-vm) is not needed to build, lint or test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
stamp=node_modules/.installed-lock-hash
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "Installing the package's dev dependencies..." >&2
  # `npm install` with the committed lock, not `npm ci`: the registry lacks some
  # other-platform optional packages (e.g. @unrs/resolver-binding-*), which npm then
  # leaves out of the lock, and `npm ci` refuses such a lock. The lock is not changed.
  npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2
  echo "$want" > "$stamp"
fi
