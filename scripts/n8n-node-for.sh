#!/usr/bin/env bash
# Prints the path of the Node.js binary that runs n8n <version>: n8n 2.x needs Node 24
# (scripts/node24.sh puts it first on PATH); n8n 1.x runs on the machine's own Node
# (SYSTEM_NODE, kept by node24.sh) when it is 20.19 or newer, which 1.x supports.
set -euo pipefail
version=${1:?n8n version}
system=${SYSTEM_NODE:-$(command -v node)}
if [ "${version%%.*}" = 1 ] && "$system" -e '
  const [major, minor] = process.versions.node.split(".").map(Number);
  process.exit(major > 20 || (major === 20 && minor >= 19) ? 0 : 1)'; then
  echo "$system"
else
  command -v node
fi
