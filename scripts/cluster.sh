#!/usr/bin/env bash
# A SlaGrains cluster on this machine, over the local PostgreSQL: N silos and M front-ends on loopback ports.
#
#   scripts/cluster.sh start [silos=2] [frontends=1]   build, apply the schema, start everything, wait until ready
#   scripts/cluster.sh status                          what runs, with ports and health
#   scripts/cluster.sh kill-silo N                     kill -9 silo N (for failure drills)
#   scripts/cluster.sh stop                            stop everything (gracefully)
#
# Silo i listens on 11110+i (silo-to-silo), 30000+i (gateway) and http://127.0.0.1:5100+i (health only).
# Front-end j serves http://127.0.0.1:5079+j (the first on 5080), in Development: key dev-admin-key, demo seeded.
# Set SLA_CLUSTER_DATABASE to use another database than 'slagrains'. Logs and pids live in .cluster/.
set -euo pipefail
cd "$(dirname "$0")/.."
state=.cluster
database=${SLA_CLUSTER_DATABASE:-slagrains}
export ConnectionStrings__Postgres="Host=localhost;Username=slagrains;Password=slagrains;Database=$database"
dll=src/SlaGrains.Host/bin/Release/net10.0/SlaGrains.Host.dll

run() { # name, http port, extra env...
  local name=$1 port=$2
  shift 2
  # The content root is the project folder, where appsettings.json and the dashboard's wwwroot are.
  (cd src/SlaGrains.Host && exec env "$@" Sla__Storage__ApplySchema=false Sla__Cluster__AdvertisedIP=127.0.0.1 \
    dotnet "../../$dll" --urls "http://127.0.0.1:$port") >"$state/$name.log" 2>&1 </dev/null &
  echo $! >"$state/$name.pid"
  echo "$name: http://127.0.0.1:$port (pid $!)"
}

wait_ready() { # url
  for _ in $(seq 1 120); do
    curl -fs "$1/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "not ready: $1" >&2
  return 1
}

case "${1:-}" in
  start)
    silos=${2:-2}
    frontends=${3:-1}
    mkdir -p "$state"
    bash scripts/postgres-up.sh >/dev/null
    dotnet build src/SlaGrains.Host -c Release --nologo -v quiet
    dotnet "$dll" migrate
    for i in $(seq 1 "$silos"); do
      run "silo$i" $((5100 + i)) ASPNETCORE_ENVIRONMENT=Production Sla__Role=silo \
        Sla__Cluster__SiloPort=$((11110 + i)) Sla__Cluster__GatewayPort=$((30000 + i))
    done
    for i in $(seq 1 "$silos"); do wait_ready "http://127.0.0.1:$((5100 + i))"; done
    for j in $(seq 1 "$frontends"); do
      run "frontend$j" $((5079 + j)) ASPNETCORE_ENVIRONMENT=Development Sla__Role=frontend
    done
    for j in $(seq 1 "$frontends"); do wait_ready "http://127.0.0.1:$((5079 + j))"; done
    echo "cluster ready: $silos silo(s), $frontends front-end(s)"
    ;;
  status)
    for pidfile in "$state"/*.pid; do
      [ -e "$pidfile" ] || continue
      name=$(basename "$pidfile" .pid)
      if kill -0 "$(cat "$pidfile")" 2>/dev/null; then echo "$name: running (pid $(cat "$pidfile"))"; else echo "$name: not running"; fi
    done
    ;;
  kill-silo)
    pid=$(cat "$state/silo${2:?which silo?}.pid")
    kill -9 "$pid"
    echo "silo$2 (pid $pid) killed with SIGKILL"
    ;;
  stop)
    pids=()
    for pidfile in "$state"/*.pid; do
      [ -e "$pidfile" ] || continue
      pids+=("$(cat "$pidfile")")
      rm -f "$pidfile"
    done
    [ ${#pids[@]} -eq 0 ] || kill "${pids[@]}" 2>/dev/null || true
    # A graceful stop hands reminders over and is bounded by the host's shutdown timeout (30 s). A process still
    # there after 45 s would keep its ports (silos bind with address reuse) and answer the next cluster's silos as
    # a member of this one, so it is killed.
    for _ in $(seq 1 90); do
      alive=()
      for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
      pids=("${alive[@]}")
      [ ${#pids[@]} -eq 0 ] && break
      sleep 0.5
    done
    if [ ${#pids[@]} -gt 0 ]; then
      echo "still running after 45 s, killed: ${pids[*]}" >&2
      kill -9 "${pids[@]}" 2>/dev/null || true
    fi
    echo "stopped"
    ;;
  *)
    sed -n '2,12p' "$0"
    exit 2
    ;;
esac
