#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright cannot download its own browsers
# on these machines), and the Community Nodes install test makes its certificates with
# openssl. Installs them with apt when missing; otherwise does nothing.
set -euo pipefail
[ -x /usr/bin/chromium ] && command -v openssl >/dev/null && exit 0
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "The browser tests need Debian's chromium and openssl: run 'apt-get install chromium openssl' as root." >&2
  exit 1
fi
echo "Installing Debian's chromium and openssl for the browser tests (once)..." >&2
"${sudo[@]}" apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq chromium openssl >/dev/null
