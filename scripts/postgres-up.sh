#!/usr/bin/env bash
# Makes the local PostgreSQL the tests and the PostgreSQL mode use ready: starts the Debian cluster if it is stopped,
# and creates the role and database 'slagrains' (password 'slagrains') if they are missing. Safe to run again.
# Skipped when SLA_TEST_POSTGRES points at a server you run yourself.
set -euo pipefail

if [ -n "${SLA_TEST_POSTGRES:-}" ]; then
  echo "postgres: using SLA_TEST_POSTGRES"
  exit 0
fi

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi
}

if command -v pg_lsclusters >/dev/null 2>&1; then
  read -r version name status < <(pg_lsclusters --no-header | awk '{print $1, $2, $4; exit}')
  if [ -z "${version:-}" ]; then
    echo "postgres: no cluster found (pg_lsclusters is empty)" >&2
    exit 1
  fi
  if [ "$status" != online ]; then
    echo "postgres: starting cluster $version/$name"
    if [ "$(id -u)" = 0 ]; then pg_ctlcluster "$version" "$name" start; else sudo pg_ctlcluster "$version" "$name" start; fi
  fi
else
  echo "postgres: pg_lsclusters not found; install PostgreSQL (apt-get install postgresql) or set SLA_TEST_POSTGRES" >&2
  exit 1
fi

for _ in $(seq 1 30); do
  as_postgres "psql -qtAc 'SELECT 1'" >/dev/null 2>&1 && break
  sleep 1
done

as_postgres "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'slagrains'\"" | grep -q 1 ||
  as_postgres "psql -qc \"CREATE ROLE slagrains LOGIN PASSWORD 'slagrains' CREATEDB\""
as_postgres "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname = 'slagrains'\"" | grep -q 1 ||
  as_postgres "createdb -O slagrains slagrains"
echo "postgres: ready (Host=localhost;Username=slagrains;Password=slagrains;Database=slagrains)"
