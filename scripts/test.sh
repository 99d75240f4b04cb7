#!/usr/bin/env bash
# The whole test suite: engine, grains on test clusters (memory and PostgreSQL), and the host.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/postgres-up.sh
dotnet test SlaGrains.sln -c Release "$@"
