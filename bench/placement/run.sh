#!/usr/bin/env bash
# Placement and commit throughput of Wharf's service scheduler with a simulated runtime: `wharf
# server` (SQLite store) and a fleet of simulated hosts (Wharf.Placement.SimulatedFleet: agents on
# the real agent channel that run no containers). Writes RESULTS.md and samples.json here.
#   ./run.sh                       full size: 5,000 hosts, 50 services totalling 100,000 tasks
#   ./run.sh --quick               500 hosts, 10 services totalling 10,000 tasks
#   HOSTS=2000 SERVICES=20 TASKS=40000 ./run.sh    any size
#   WHARF_DLL=... FLEET_DLL=... ./run.sh           reuse builds
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../runtask/wharf-server.sh
source "$here/../runtask/wharf-server.sh"

if [[ "${1:-}" == "--quick" ]]; then
  : "${HOSTS:=500}" "${SERVICES:=10}" "${TASKS:=10000}"
fi
HOSTS="${HOSTS:-5000}" SERVICES="${SERVICES:-50}" TASKS="${TASKS:-100000}"
TIMEOUT="${TIMEOUT:-3600}"

wharf_build
if [[ -z "${FLEET_DLL:-}" ]]; then
  dotnet build "$bench_artifacts-src/bench/placement/Wharf.Placement.SimulatedFleet" -c Release \
    --artifacts-path "$bench_artifacts" -nologo -v quiet >&2 2>/dev/null \
    || dotnet build "$here/Wharf.Placement.SimulatedFleet" -c Release --artifacts-path "$bench_artifacts" -nologo -v quiet >&2
  FLEET_DLL="$bench_artifacts/bin/Wharf.Placement.SimulatedFleet/release/Wharf.Placement.SimulatedFleet.dll"
fi
machine="$(describe_machine | sed 's/`wharf up`: server and agent in one process/`wharf server` alone; the agents are simulated/')"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
data="$(mktemp -d /tmp/wharf-bench-place.XXXXXX)"
server_pid="" fleet_pid=""
cleanup() {
  set +e
  [[ -n "$fleet_pid" ]] && kill -TERM "$fleet_pid" 2>/dev/null
  [[ -n "$server_pid" ]] && kill -TERM "$server_pid" 2>/dev/null
  for _ in $(seq 1 60); do
    { [[ -n "$fleet_pid" ]] && kill -0 "$fleet_pid" 2>/dev/null; } || { [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; } || break
    sleep 0.5
  done
  [[ -n "$fleet_pid" ]] && kill -KILL "$fleet_pid" 2>/dev/null
  [[ -n "$server_pid" ]] && kill -KILL "$server_pid" 2>/dev/null
  [[ -n "${KEEP_DATA:-}" ]] || rm -rf "$data"
}
trap cleanup EXIT

# The heartbeat timeout is raised from 20 s to 120 s: on the shared 2-core machine a starved
# process can miss 20 s of heartbeats, and a lost host would have its tasks replaced mid-run.
WHARF_PORT="$port" WHARF_DATA_DIR="$data" WHARF_DNS_PORT=0 WHARF_HEARTBEAT_TIMEOUT_SECONDS=120 \
  dotnet "$WHARF_DLL" server >"$data/server.log" 2>&1 &
server_pid=$!
export AWS_ACCESS_KEY_ID=AKIAWHARF0LOCAL0KEY0 AWS_SECRET_ACCESS_KEY=wharf-local-secret-access-key-0000000000 AWS_DEFAULT_REGION=us-east-1
endpoint="http://127.0.0.1:$port"
for _ in $(seq 1 180); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$endpoint/healthz")" == 200 ]] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$data/server.log" >&2; exit 1; }
  sleep 0.5
done
aws --endpoint-url "$endpoint" ecs create-cluster --cluster-name bench >/dev/null
idle_rss="$(awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status")"

reg_start=$(date +%s.%N)
dotnet "$FLEET_DLL" --agent-uri "ws://127.0.0.1:$port/agent/v1/connect" --cluster bench --hosts "$HOSTS" \
  --status-file "$data/fleet.json" >"$data/fleet.log" 2>&1 &
fleet_pid=$!
echo "server pid $server_pid on $endpoint, fleet pid $fleet_pid registering $HOSTS hosts ..." >&2
until grep -q '^registered' "$data/fleet.log" 2>/dev/null; do
  kill -0 "$fleet_pid" 2>/dev/null || { cat "$data/fleet.log" >&2; exit 1; }
  sleep 1
done
reg_seconds="$(python3 -c "import time; print(round(time.time() - $reg_start, 1))")"
rss_registered="$(awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status")"
echo "$(cat "$data/fleet.log"); server RSS $((rss_registered / 1024)) MiB" >&2

python3 "$here/driver.py" --endpoint "$endpoint" --cluster bench --services "$SERVICES" --tasks "$TASKS" \
  --server-pid "$server_pid" --fleet-pid "$fleet_pid" --fleet-status "$data/fleet.json" \
  --timeout "$TIMEOUT" --count-grace "${COUNT_GRACE:-300}" --db "$data/wharf.db" --json "$here/samples.json" > "$data/summary.json"
cat "$data/summary.json" >&2
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"

python3 "$here/report.py" --samples "$here/samples.json" --idle-rss-kib "$idle_rss" --registered-rss-kib "$rss_registered" \
  --registration-seconds "$reg_seconds" --machine "$machine" --load-end "$load_end" > "$here/RESULTS.md"
echo "Wrote $here/RESULTS.md" >&2
