#!/bin/bash
# A three-node Citus cluster on loopback for development and `npm run test:citus` (docs/scaling.md): a coordinator and
# two workers of Debian's PostgreSQL 15 with the Citus extension, data under .data/citus/.
#   scripts/citus/cluster.sh install    build Citus into PostgreSQL 15 when it is missing (as root; .ci/run does it)
#   scripts/citus/cluster.sh start      initdb (first time), start the three nodes (installs first when needed)
#   scripts/citus/cluster.sh stop       stop them
#   scripts/citus/cluster.sh status     pg_isready on each node
#   scripts/citus/cluster.sh destroy    stop and delete .data/citus
# Ports: CITUS_PORT (coordinator, default 9700), CITUS_PORT+1 and CITUS_PORT+2 (workers).
# Which databases exist and which nodes they use is per database (scripts/citus/database.ts adds the workers).
# On real machines Citus comes from its own packages or images; here it is built from ../shared/vendor when missing.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
bin=${PG15_BIN:-/usr/lib/postgresql/15/bin}
base=${CITUS_DATA:-$repo/.data/citus}
port=${CITUS_PORT:-9700}
nodes=(coordinator worker1 worker2)

ensure_installed() {
  # build.sh installs Debian's PostgreSQL 15 too when it is missing.
  if [ -x "$bin/postgres" ] && [ -f "$("$bin/pg_config" --pkglibdir)/citus.so" ]; then return; fi
  # The upstream source and its build script (the issue's ../shared/vendor/citus next to the main checkout).
  local build=${CITUS_BUILD:-}
  for candidate in "$repo/../shared/vendor/citus/build.sh" /work/shared/vendor/citus/build.sh; do
    if [ -z "$build" ] && [ -f "$candidate" ]; then build=$candidate; fi
  done
  if [ -z "$build" ]; then
    echo "Citus is not installed and no build.sh was found (CITUS_BUILD): install PostgreSQL 15 with Citus 13" >&2
    echo "from packages.citusdata.com, or set CITUS_BUILD to ../shared/vendor/citus/build.sh." >&2
    exit 1
  fi
  if [ "$(id -u)" != 0 ]; then
    echo "Citus is not installed: run 'sudo bash $build' once (it builds Citus into PostgreSQL 15)." >&2
    exit 1
  fi
  echo "building Citus with $build (about 4 minutes) …"
  local started
  started=$(date +%s)
  bash "$build"
  echo "Citus built in $(($(date +%s) - started)) s"
}

# initdb and postgres refuse to run as root: run them as the `postgres` OS user then.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

node_port() { echo $((port + $1)); }

start() {
  ensure_installed
  mkdir -p "$base"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$base"; fi
  for i in 0 1 2; do
    local dir="$base/${nodes[$i]}" p
    p=$(node_port "$i")
    if [ ! -f "$dir/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
      cat >>"$dir/postgresql.conf" <<CONF
# scripts/citus/cluster.sh
shared_preload_libraries = 'citus'
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 400
shared_buffers = 128MB
max_prepared_transactions = 200
wal_level = logical
max_wal_senders = 10
max_replication_slots = 10
fsync = off
synchronous_commit = off
full_page_writes = off
timezone = 'UTC'
log_min_messages = warning
citus.shard_count = 32
citus.max_adaptive_executor_pool_size = 4
CONF
    fi
    if ! as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      # The port is given at each start (not written at initdb), so CITUS_PORT can change between runs.
      as_owner "$bin/pg_ctl" -D "$dir" -o "-p $p" -l "$dir/server.log" -w -t 60 start >/dev/null
    fi
  done
  echo "citus cluster up: coordinator 127.0.0.1:$(node_port 0), workers $(node_port 1) $(node_port 2)"
}

stop() {
  for i in 0 1 2; do
    local dir="$base/${nodes[$i]}"
    if [ -f "$dir/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
    fi
  done
  echo "citus cluster stopped"
}

status() {
  for i in 0 1 2; do
    "$bin/pg_isready" -h 127.0.0.1 -p "$(node_port "$i")" || true
  done
}

case "${1:-}" in
  install) ensure_installed ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  destroy) stop; rm -rf "$base" ;;
  *) echo "usage: $0 install|start|stop|status|destroy" >&2; exit 2 ;;
esac
