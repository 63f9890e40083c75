#!/usr/bin/env bash
# Compiles nodes/ and credentials/ into dist/ and copies icons and codex files beside them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/install-deps.sh
rm -rf dist
node_modules/.bin/tsc -p tsconfig.json
node_modules/.bin/gulp build --silent
