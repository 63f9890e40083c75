#!/usr/bin/env bash
# Runs the given command under Node.js 24 or newer. n8n 2.x needs Node 24; when the
# machine's Node is older, Node 24 is fetched once from the npm registry (the
# node-<platform>-<arch> package ships the binary and its headers) into .cache/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE24_VERSION=24.21.0

# n8n 1.x runs on the machine's own Node (scripts/n8n-node-for.sh): keep a handle on it.
export SYSTEM_NODE="${SYSTEM_NODE:-$(command -v node)}"
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 24 ]; then
  platform=$(node -p 'process.platform + "-" + process.arch')
  dir="$root/.cache/node-$NODE24_VERSION"
  bin="$dir/node_modules/node-$platform/bin"
  if [ ! -x "$bin/node" ]; then
    echo "Fetching Node.js $NODE24_VERSION from the npm registry (the machine has $(node -v))..." >&2
    mkdir -p "$dir"
    # Its own package.json, or npm would install into the project's folder instead.
    echo '{"private":true}' > "$dir/package.json"
    (cd "$dir" && npm install --no-save --no-package-lock --ignore-scripts --loglevel=error \
      "node-$platform@$NODE24_VERSION" >&2)
  fi
  export PATH="$bin:$PATH"
fi

exec "$@"
