#!/usr/bin/env bash
# npm run test:providers: packs the five per-provider packages (npm run pack:providers,
# which also scans them), then runs each provider's end-to-end test file in a real n8n
# with only that package installed (E2E_PACKAGE, see test/harness/n8nInstance.js).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
list=$(node scripts/pack-providers.mjs)
mapfile -t tarballs <<< "$list"
trap 'node test/harness/stopLeftover.js' EXIT
status=0
for tarball in "${tarballs[@]}"; do
  slug=$(basename "$tarball" | sed -E 's/^n8n-nodes-(.*)-[0-9]+\.[0-9]+\.[0-9]+.*\.tgz$/\1/')
  # The provider's end-to-end file (test/e2e/ataraPay.test.js for atarapay).
  file=$(cd test/e2e && ls -- *.test.js | grep -ix "$slug.test.js")
  echo "== $(basename "$tarball"): test/e2e/$file" >&2
  E2E_PACKAGE="$tarball" node_modules/.bin/jest --selectProjects e2e \
    --testPathPatterns "test/e2e/$file\$" || status=1
done
exit $status
