#!/usr/bin/env bash
# The failure drills (docs/operations.md) on a local cluster (2 silos, 1 front-end) over a throwaway PostgreSQL database:
# kill -9 a silo under load, then restart PostgreSQL under load. Prints counted results; fails on any miss.
# Needs root (or sudo) for pg_ctlcluster, unless SLA_DRILL_OUTAGE=database. Takes about two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/postgres-up.sh >/dev/null
database="slagrains_drill_$$"
export PGPASSWORD=slagrains
createdb -h localhost -U slagrains "$database"
cleanup() {
  bash scripts/cluster.sh stop >/dev/null || true
  dropdb -h localhost -U slagrains --force "$database" 2>/dev/null || true
}
trap cleanup EXIT

dotnet build tools/SlaGrains.Drills -c Release --nologo -v quiet >/dev/null
# The drills' webhook receiver listens on loopback, which the outbound URL policy refuses unless allow-listed; their
# SMTP server too, on the port the silos send email alerts to.
smtp_port=${SLA_DRILL_SMTP_PORT:-2526}
Sla__Webhooks__AllowedHosts__0=127.0.0.1 Sla__Email__Host=127.0.0.1 Sla__Email__Port=$smtp_port Sla__Email__Security=None \
  SLA_CLUSTER_DATABASE=$database bash scripts/cluster.sh start 2 1
dotnet run --project tools/SlaGrains.Drills -c Release --no-build -- kill-silo --cases 120 --smtp-port "$smtp_port"
# SLA_DRILL_OUTAGE=database: on a server others share, close the drill's database instead of stopping the server.
if [ "${SLA_DRILL_OUTAGE:-server}" = database ]; then
  SLA_CLUSTER_DATABASE=$database dotnet run --project tools/SlaGrains.Drills -c Release --no-build -- refuse-database --cases 40
else
  dotnet run --project tools/SlaGrains.Drills -c Release --no-build -- restart-postgres --cases 40
fi
