#!/usr/bin/env bash
# npm run test:deploy [-- --reuse-build] — the production deployment exercised on one machine, following the steps of
# deploy/Dockerfile and deploy/compose.yaml (which cannot be built here: no Docker). Each step names its Dockerfile or
# compose counterpart; change both together.
#   1  build once                          Dockerfile build stage: RUN npm ci, RUN npm run build
#   2  copy the artefact (deploy/artefact.txt) into a fresh folder
#                                          Dockerfile runtime stage: the COPY --from=build lines
#   3  npm ci --omit=dev there             Dockerfile runtime stage: RUN npm ci --omit=dev
#   4  PostgreSQL 15 with the two roles    compose `postgres` (postgres:15) + docs/database.md's CREATE ROLE lines
#   5  migrate as the owner role           compose `migrate`: npm run db:migrate with DATABASE_OWNER_URL
#   6  scheduler once, worker running      compose `scheduler`, `worker`
#   7  two web instances, runtime role     compose `web1`, `web2`: npm start's command, port N
#   8  the journey across both             scripts/deploy-check/two-instances.spec.ts (from the checkout: Playwright)
#   9  backup and restore drill            docs/operations.md: npm run backup, npm run restore-drill
# --reuse-build uses the checkout's .next/ and dist/ when both exist (`npm test` builds them in test:e2e just before).
# Ports: DEPLOY_CHECK_PORT_A/B (3215/3216), DEPLOY_CHECK_LB_PORT (3205), DEPLOY_CHECK_PG_PORT (5515).
# DEPLOY_CHECK_KEEP=1 keeps the work folder for inspection.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PORT_A="${DEPLOY_CHECK_PORT_A:-3215}"
PORT_B="${DEPLOY_CHECK_PORT_B:-3216}"
LB_PORT="${DEPLOY_CHECK_LB_PORT:-3205}"
PG_PORT="${DEPLOY_CHECK_PG_PORT:-5515}"
PG_BIN="${DEPLOY_CHECK_PG_BIN:-/usr/lib/postgresql/15/bin}"
REUSE_BUILD=0
[[ "${1:-}" == "--reuse-build" ]] && REUSE_BUILD=1

STARTED=$SECONDS
WORK="$(mktemp -d /tmp/health-code-appeals-deploy.XXXXXX)"
chmod 755 "$WORK"
APP="$WORK/app"
LOGS="$WORK/logs"
mkdir -p "$APP" "$LOGS" "$WORK/evidence" "$WORK/checkpoints" "$WORK/backups"
PIDS=()

step() { echo "== deploy-check [$((SECONDS - STARTED)) s] $*"; }
fail() {
  echo "deploy-check FAILED: $*" >&2
  exit 1
}
# PostgreSQL refuses to run as root: as root, its commands run as the `postgres` system user.
as_postgres() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  local code=$?
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -f "$WORK/pg/data/postmaster.pid" ]]; then as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null || true; fi
  if [[ $code -ne 0 ]]; then
    for log in "$LOGS"/*.log; do
      [[ -f "$log" ]] && { echo "--- last lines of $log"; tail -n 30 "$log"; }
    done
  fi
  if [[ "${DEPLOY_CHECK_KEEP:-}" == "1" ]]; then echo "work folder kept: $WORK"; else rm -rf "$WORK"; fi
  echo "== deploy-check $([[ $code -eq 0 ]] && echo passed || echo FAILED) in $((SECONDS - STARTED)) s"
}
trap cleanup EXIT

# HTTP through Node.js (curl may be missing on a fresh machine): the status of a GET, 0 when nothing answers.
http_status() { node -e 'fetch(process.argv[1]).then((r) => console.log(r.status), () => console.log(0))' "$1"; }
wait_for() { # url, seconds: until it answers 200
  local url=$1 deadline=$((SECONDS + $2))
  until [[ "$(http_status "$url")" == "200" ]]; do
    [[ $SECONDS -lt $deadline ]] || fail "$url did not answer 200 within $2 s"
    sleep 1
  done
}

# ---- 1. Build once (Dockerfile: RUN npm ci; RUN npm run build) -----------------------------------------------------
cd "$ROOT"
if [[ $REUSE_BUILD -eq 1 && -f .next/BUILD_ID && -f dist/scripts/server.mjs ]]; then
  step "1 build: reusing .next/ and dist/ of this checkout"
else
  step "1 build: npm run build"
  npm run build >"$LOGS/build.log" 2>&1 || fail "npm run build (see $LOGS/build.log)"
fi

# ---- 2. The artefact into a fresh folder (Dockerfile: COPY --from=build …) -------------------------------------------
step "2 artefact: deploy/artefact.txt into $APP"
grep -v '^#' deploy/artefact.txt | while read -r entry; do
  [[ -n "$entry" ]] && cp -a --parents "$entry" "$APP/"
done
rm -rf "$APP/.next/cache"

# ---- 3. Production install (Dockerfile: RUN npm ci --omit=dev) -------------------------------------------------------
step "3 install: npm ci --omit=dev"
T=$SECONDS
(cd "$APP" && npm ci --omit=dev --prefer-offline --no-audit --no-fund >"$LOGS/install.log" 2>&1) ||
  fail "npm ci --omit=dev (see $LOGS/install.log)"
# npm still installs optional peer dependencies the lockfile holds (typescript, prisma, @playwright/test); nothing runs them.
for dev in tsx esbuild vitest eslint prettier; do
  [[ ! -e "$APP/node_modules/$dev" ]] || fail "the production install contains the development dependency $dev"
done
INSTALL_SECONDS=$((SECONDS - T))

# ---- 4. PostgreSQL 15 and the two roles (compose: postgres; docs/database.md) ----------------------------------------
step "4 database: PostgreSQL 15 on port $PG_PORT"
if [[ ! -x "$PG_BIN/postgres" ]]; then
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
    apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql-15 >/dev/null
  else
    fail "PostgreSQL 15 is not installed: as root, apt-get update && apt-get install -y postgresql-15"
  fi
fi
mkdir -p "$WORK/pg"
echo postgres >"$WORK/pg/password"
chmod 755 "$WORK/pg"
chmod 644 "$WORK/pg/password"
[[ $EUID -eq 0 ]] && chown postgres "$WORK/pg"
as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres --pwfile="$WORK/pg/password" --auth-host=scram-sha-256 \
  --auth-local=trust --encoding=UTF8 --locale=C.UTF-8 >"$LOGS/initdb.log" 2>&1 || fail "initdb"
as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $WORK/pg" start >/dev/null || fail "PostgreSQL did not start"
PGPASSWORD=postgres "$PG_BIN/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres <<'SQL'
CREATE ROLE appeals_owner LOGIN PASSWORD 'owner-secret' NOSUPERUSER NOCREATEROLE CREATEDB;
CREATE ROLE appeals_runtime NOLOGIN;
CREATE ROLE appeals_app LOGIN PASSWORD 'app-secret' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION IN ROLE appeals_runtime;
CREATE DATABASE appeals OWNER appeals_owner;
SQL

# The configuration every process of the deployment shares (deploy/compose.yaml's .env, systemd's EnvironmentFile).
secret() { node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('base64'))"; }
export NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
export DATABASE_URL="postgresql://appeals_app:app-secret@127.0.0.1:$PG_PORT/appeals"
export NEXTAUTH_URL="http://127.0.0.1:$LB_PORT"
NEXTAUTH_SECRET="$(secret)" ID_ENCRYPTION_KEY="$(secret)" ID_HASH_KEY="$(secret)" INTEGRATION_KEY_SECRET="$(secret)"
NEXT_SERVER_ACTIONS_ENCRYPTION_KEY="$(secret)" AUDIT_CHECKPOINT_KEY="$(secret)"
export NEXTAUTH_SECRET ID_ENCRYPTION_KEY ID_HASH_KEY INTEGRATION_KEY_SECRET NEXT_SERVER_ACTIONS_ENCRYPTION_KEY AUDIT_CHECKPOINT_KEY
export EVIDENCE_STORE=local EVIDENCE_DIR="$WORK/evidence" AUDIT_CHECKPOINT_DIR="$WORK/checkpoints" BACKUP_DIR="$WORK/backups"
export TRUSTED_PROXIES=127.0.0.2 RATE_LIMIT_STAFF_FAILURES_PER_IP_15MIN=4 DEMO_SMS_OUTBOX=1
OWNER_URL="postgresql://appeals_owner:owner-secret@127.0.0.1:$PG_PORT/appeals"

cd "$APP"
# ---- 5. Migrations as the owner (compose: migrate) --------------------------------------------------------------------
step "5 migrate as the owner role"
T=$SECONDS
DATABASE_OWNER_URL="$OWNER_URL" npm run --silent db:migrate >"$LOGS/migrate.log" 2>&1 || fail "db:migrate"
grep -q "applied" "$LOGS/migrate.log" || fail "db:migrate printed no result"
MIGRATE_SECONDS=$((SECONDS - T))
# Demo accounts for the journey (a real province loads its staff through the admin pages instead).
npm run --silent db:seed -- --force >"$LOGS/seed.log" 2>&1 || fail "db:seed"

# ---- 6. Scheduler and worker (compose: scheduler, worker) -------------------------------------------------------------
step "6 scheduler --once, worker"
npm run --silent scheduler -- --once >"$LOGS/scheduler.log" 2>&1 || fail "scheduler --once"
grep -q "sweep: ok" "$LOGS/scheduler.log" || fail "the scheduler did not run the sweep"
# Long-running processes start with node, not npm (what `npm run worker` / `npm start` run): npm does not pass SIGTERM
# on to its script, so a stopped service would leave its process behind (the Dockerfile and the units do the same).
node scripts/run.mjs worker >"$LOGS/worker.log" 2>&1 &
PIDS+=($!)

# ---- 7. Two web instances as the runtime role (compose: web1, web2) ---------------------------------------------------
step "7 web instances on $PORT_A and $PORT_B"
T=$SECONDS
node scripts/run.mjs run-app --prod --port "$PORT_A" >"$LOGS/web-a.log" 2>&1 &
PIDS+=($!)
node scripts/run.mjs run-app --prod --port "$PORT_B" >"$LOGS/web-b.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$PORT_A/api/health" 180
wait_for "http://127.0.0.1:$PORT_B/api/health" 60
# Readiness: database, migrations and sweep must pass. The calendar check passes only while the next 60 days are
# published (the seed loads the years chinese-days has; later years are an administrator's task): it is printed.
for port in "$PORT_A" "$PORT_B"; do
  node -e '
    fetch(process.argv[1]).then((answer) => answer.json()).then((ready) => {
    const failed = ["database", "migrations", "sweep"].filter((name) => !ready.checks?.[name]?.ok);
    if (failed.length > 0) { console.error("not ready:", JSON.stringify(ready.checks)); process.exit(1); }
    console.log(`ready checks on ${process.argv[1]}: ${Object.entries(ready.checks).map(([n, c]) => `${n} ${c.ok ? "ok" : "NOT ok: " + c.detail}`).join("; ")}`);
    });
  ' "http://127.0.0.1:$port/api/ready" || fail "instance $port is not ready"
done
START_SECONDS=$((SECONDS - T))
grep -q "worker\] delivering" "$LOGS/worker.log" || fail "the worker did not start"

# ---- 8. The journey across both (from the checkout, which has Playwright) ---------------------------------------------
step "8 journey across both instances"
T=$SECONDS
(cd "$ROOT" && DEPLOY_CHECK_PORT_A=$PORT_A DEPLOY_CHECK_PORT_B=$PORT_B DEPLOY_CHECK_LB_PORT=$LB_PORT \
  DEPLOY_CHECK_DATABASE_URL="$OWNER_URL" npx playwright test -c scripts/deploy-check/playwright.config.ts) || fail "the journey"
JOURNEY_SECONDS=$((SECONDS - T))

# ---- 9. Backup and restore drill (docs/operations.md) ----------------------------------------------------------------
step "9 backup and restore drill"
npm run --silent audit:checkpoint >"$LOGS/checkpoint.log" 2>&1 || fail "audit:checkpoint"
T=$SECONDS
DATABASE_OWNER_URL="$OWNER_URL" npm run --silent backup >"$LOGS/backup.log" 2>&1 || fail "backup"
BACKUP_SECONDS=$((SECONDS - T))
cat "$LOGS/backup.log"
BACKUP="$(ls -d "$BACKUP_DIR"/backup-* | tail -n 1)"
[[ $(find "$BACKUP/evidence" -type f | wc -l) -ge 1 ]] || fail "the backup holds no evidence (the journey filed one file)"
T=$SECONDS
DATABASE_OWNER_URL="$OWNER_URL" npm run --silent restore-drill >"$LOGS/restore-drill.log" 2>&1 || fail "restore-drill"
DRILL_SECONDS=$((SECONDS - T))
tail -n 1 "$LOGS/restore-drill.log"
# A damaged backup must fail the drill.
cp -a "$BACKUP" "$BACKUP_DIR/backup-damaged"
printf 'x' | dd of="$BACKUP_DIR/backup-damaged/database.dump" bs=1 seek=200 conv=notrunc status=none
if DATABASE_OWNER_URL="$OWNER_URL" npm run --silent restore-drill -- --from "$BACKUP_DIR/backup-damaged" >"$LOGS/damaged.log" 2>&1; then
  fail "the restore drill accepted a damaged backup"
fi
grep -q "damaged backup" "$LOGS/damaged.log" || fail "the damaged backup failed for another reason (see $LOGS/damaged.log)"

echo "deploy-check timings (s): install $INSTALL_SECONDS, migrate $MIGRATE_SECONDS, two instances ready $START_SECONDS," \
  "journey $JOURNEY_SECONDS, backup $BACKUP_SECONDS, restore drill $DRILL_SECONDS"
