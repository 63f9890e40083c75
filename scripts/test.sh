#!/usr/bin/env bash
# The whole suite: unit tests and end-to-end tests in a real n8n (started once by Jest's
# global setup, which also installs n8n the first time and packs this package).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/build.sh
# Whatever happens to Jest, the n8n it started does not outlive the run.
trap 'node test/harness/stopLeftover.js' EXIT
node_modules/.bin/jest "$@"
