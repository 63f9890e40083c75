#!/usr/bin/env bash
# Queue mode (N8N_QUEUE=1) needs PostgreSQL and Redis: installs Debian's `postgresql` and
# `redis-server` with apt when missing (once). The test harness starts them itself on
# loopback; the services Debian may start on install are stopped again.
set -euo pipefail
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -n "$pg_bin" ] && [ -x "$pg_bin/postgres" ] && command -v redis-server >/dev/null; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "Queue mode needs Debian's postgresql and redis-server: run 'apt-get install postgresql redis-server' as root." >&2
  exit 1
fi
echo "Installing Debian's postgresql and redis-server for queue mode (once)..." >&2
"${sudo[@]}" apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq postgresql redis-server >/dev/null
# Nothing is left running on the default ports: the tests start their own.
"${sudo[@]}" service redis-server stop >/dev/null 2>&1 || true
"${sudo[@]}" service postgresql stop >/dev/null 2>&1 || true
