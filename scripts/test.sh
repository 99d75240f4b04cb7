#!/usr/bin/env bash
# The whole test suite: the engine, grains on test clusters (memory and PostgreSQL), the host over real HTTP and
# SignalR, the dashboard's countdown logic (Vitest), the dashboard end to end in headless Chromium, and the failure
# drills on a local multi-process cluster (SLA_SKIP_DRILLS=1 skips them, for a quicker loop).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/postgres-up.sh
dotnet test SlaGrains.sln -c Release "$@"

# The mutation fuzz (tests/SlaGrains.Host.Tests/MutationFuzzTests.cs) leaves its answers counted by status.
summary=tests/SlaGrains.Host.Tests/bin/Release/net10.0/fuzz-summary.txt
if [ -f "$summary" ]; then
  echo "== $(tr -d '\000' < "$summary")"
fi

echo "== dashboard: unit tests (Vitest)"
(cd dashboard && { [ -f node_modules/.package-lock.json ] || npm ci --no-audit --no-fund; } && npm test)

echo "== dashboard: end to end (headless Chromium)"
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "Chromium not found at ${CHROMIUM:-/usr/bin/chromium}: apt-get install chromium (or set CHROMIUM)" >&2
  exit 1
fi
(cd dashboard && SLA_CONFIGURATION=Release npm run e2e)

if [ "${SLA_SKIP_DRILLS:-}" != 1 ]; then
  echo "== failure drills (local cluster: 2 silos, 1 front-end)"
  bash scripts/drills.sh
fi
