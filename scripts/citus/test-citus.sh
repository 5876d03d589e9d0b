#!/bin/bash
# npm run test:citus — the integration tests that touch case data, then a Playwright journey, against a real
# three-node Citus cluster on loopback (scripts/citus/cluster.sh): starts the cluster (building Citus from
# ../shared/vendor when it is missing), prepares one database per part (migrate, db:distribute, seed) and runs
# vitest.citus.config.ts, whose files include test/citus/placement.citus.ts (rows on both workers, single-shard plans,
# a province isolated on its own node), then playwright.citus.config.ts. Prints the time of each part.
#   CITUS_PORT      coordinator port (workers: +1, +2); default 9700
#   CITUS_KEEP=1    leaves the cluster running afterwards
#   CITUS_SKIP_E2E=1  only the integration tests (the journey needs `next build` first)
set -euo pipefail
cd "$(dirname "$0")/../.."
export CITUS_PORT=${CITUS_PORT:-9700}
started=$(date +%s)
scripts/citus/cluster.sh start
trap '[ "${CITUS_KEEP:-}" = 1 ] || scripts/citus/cluster.sh stop' EXIT
npx vitest run -c vitest.citus.config.ts "$@"
integration=$(date +%s)
echo "test:citus integration tests took $((integration - started)) s"
if [ "${CITUS_SKIP_E2E:-}" != 1 ] && [ $# -eq 0 ]; then
  npx playwright test -c playwright.citus.config.ts
  echo "test:citus journey took $(($(date +%s) - integration)) s"
fi
echo "test:citus took $(($(date +%s) - started)) s"
