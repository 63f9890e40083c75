#!/usr/bin/env bash
# npm start: build and pack the package, install the tarball as a community package in
# a project-local n8n user folder (.n8n-local, on n8n's embedded SQLite), and run n8n
# on http://localhost:5678 in the foreground. Re-running it stops the running one first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/install-deps.sh
bash scripts/install-n8n.sh
tarball=$(bash scripts/pack.sh)
exec node scripts/start-n8n.js "$tarball"
