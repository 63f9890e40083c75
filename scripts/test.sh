#!/usr/bin/env bash
# The whole suite: unit tests, end-to-end tests in a real n8n (started once per Jest run by
# its global setup, which also installs that n8n the first time and packs this package),
# the browser tests in its editor (Debian's Chromium, installed the first time), and the
# end-to-end files again on the other n8n versions and in queue mode.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/build.sh
bash scripts/install-chromium.sh
# Whatever happens to Jest, the n8n it started does not outlive the run.
trap 'node test/harness/stopLeftover.js' EXIT
# No arguments: the whole matrix of n8n versions and modes (scripts/test-matrix.js).
# With arguments (`npm test -- <Jest arguments>`): Jest alone, on N8N_VERSION / N8N_QUEUE.
if [ $# -eq 0 ]; then
  node scripts/test-matrix.js
else
  node_modules/.bin/jest "$@"
fi
