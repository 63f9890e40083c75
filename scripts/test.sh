#!/usr/bin/env bash
# The whole suite: unit tests, end-to-end tests in a real n8n (started once by Jest's
# global setup, which also installs n8n the first time and packs this package) and the
# browser tests in its editor (Debian's Chromium, installed the first time).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/build.sh
bash scripts/install-chromium.sh
# Whatever happens to Jest, the n8n it started does not outlive the run.
trap 'node test/harness/stopLeftover.js' EXIT
# `npm run test:matrix`: the compatibility matrix (scripts/test-matrix.js) instead.
if [ "${1:-}" = "--matrix" ]; then
  node scripts/test-matrix.js
else
  node_modules/.bin/jest "$@"
fi
