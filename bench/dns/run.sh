#!/usr/bin/env bash
# Wharf's service discovery DNS server next to dnsmasq serving the same names from a hosts file:
# dnsperf queries/s (unpaced) and latency percentiles (paced), same query file, same run,
# alternating rounds. Writes RESULTS.md and samples.json next to this script.
#   ./run.sh                  10,000 records (100 services x 100 instances), 3 rounds of 20 s each
#   ./run.sh --quick          1,000 records, 1 round of 10 s
#   ROUNDS=5 SECONDS_PER_RUN=30 PACED_QPS=5000 ./run.sh
#   WHARF_DLL=... ./run.sh    reuse a build
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../runtask/wharf-server.sh
source "$here/../runtask/wharf-server.sh"

if [[ "${1:-}" == "--quick" ]]; then
  : "${SERVICES:=10}" "${PER_SERVICE:=100}" "${ROUNDS:=1}" "${SECONDS_PER_RUN:=10}"
fi
SERVICES="${SERVICES:-100}" PER_SERVICE="${PER_SERVICE:-100}" ROUNDS="${ROUNDS:-3}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-20}" PACED_QPS="${PACED_QPS:-2000}" CLIENTS="${CLIENTS:-4}"

need=()
command -v dnsperf >/dev/null || need+=(dnsperf)
command -v dnsmasq >/dev/null || [[ -x /usr/sbin/dnsmasq ]] || need+=(dnsmasq-base)
command -v dig >/dev/null || need+=(dnsutils)
if ((${#need[@]})); then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null; }
fi
dnsmasq_bin="$(command -v dnsmasq || echo /usr/sbin/dnsmasq)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wharf_build
machine="$(describe_machine | sed 's/`wharf up`: server and agent in one process/`wharf server` alone (no agent, no Docker)/')"
work="$(mktemp -d /tmp/bench-dns.XXXXXX)"
port="$(free_port)" wharf_dns_port="$(free_port)" dnsmasq_port="$(free_port)"
server_pid="" dnsmasq_pid=""
cleanup() {
  set +e
  [[ -n "$dnsmasq_pid" ]] && kill -TERM "$dnsmasq_pid" 2>/dev/null
  if [[ -n "$server_pid" ]]; then
    kill -TERM "$server_pid" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$server_pid" 2>/dev/null
  fi
  [[ -n "${KEEP_DATA:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT

WHARF_PORT="$port" WHARF_DATA_DIR="$work/data" WHARF_DNS_PORT="$wharf_dns_port" WHARF_DNS_BIND=127.0.0.1 \
  dotnet "$WHARF_DLL" server >"$work/server.log" 2>&1 &
server_pid=$!
export AWS_ACCESS_KEY_ID=AKIAWHARF0LOCAL0KEY0 AWS_SECRET_ACCESS_KEY=wharf-local-secret-access-key-0000000000 AWS_DEFAULT_REGION=us-east-1
endpoint="http://127.0.0.1:$port"
for _ in $(seq 1 180); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$endpoint/healthz")" == 200 ]] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done

load_line="$(python3 "$here/load_records.py" --endpoint "$endpoint" --services "$SERVICES" --per-service "$PER_SERVICE" \
  --hosts-file "$work/hosts" --query-file "$work/queries")"
echo "$load_line" >&2
# The zones are rebuilt after the commits: wait until the last registered name answers.
last="$(tail -1 "$work/queries" | cut -d' ' -f1)"
for _ in $(seq 1 240); do
  [[ -n "$(dig +short +time=1 +tries=1 -p "$wharf_dns_port" @127.0.0.1 "$last" A)" ]] && break
  sleep 0.5
done
[[ -n "$(dig +short -p "$wharf_dns_port" @127.0.0.1 "$last" A)" ]] || { echo "Wharf DNS never answered $last" >&2; exit 1; }

# dnsmasq: only the hosts file, no upstream, no /etc/hosts, same TTL as the Cloud Map records.
"$dnsmasq_bin" --keep-in-foreground --no-daemon --conf-file=/dev/null --no-resolv --no-hosts --addn-hosts="$work/hosts" \
  --port="$dnsmasq_port" --listen-address=127.0.0.1 --bind-interfaces --local-ttl=60 --cache-size=10000 \
  --pid-file="$work/dnsmasq.pid" --user="$(id -un)" --log-facility=- >"$work/dnsmasq.log" 2>&1 &
dnsmasq_pid=$!
for _ in $(seq 1 40); do
  [[ -n "$(dig +short +time=1 +tries=1 -p "$dnsmasq_port" @127.0.0.1 "$last" A)" ]] && break
  sleep 0.25
done

# Both answer every name in the query file the same way (checked on a sample of 200 names).
python3 - "$work/queries" "$wharf_dns_port" "$dnsmasq_port" <<'PY' >&2
import random, subprocess, sys
names = [l.split()[0] for l in open(sys.argv[1])]
for name in random.Random(1).sample(names, min(200, len(names))):
    a = [subprocess.run(["dig", "+short", "-p", p, "@127.0.0.1", name, "A"], capture_output=True, text=True).stdout.strip() for p in sys.argv[2:]]
    assert a[0] and a[0] == a[1], (name, a)
print("checked: Wharf and dnsmasq give the same A record for 200 sampled names")
PY

probe="$(python3 "$here/probe_register.py" --endpoint "$endpoint" --dns-port "$wharf_dns_port" --count "${PROBES:-10}")"
echo "RegisterInstance -> answered: $probe" >&2
probe_line="$(python3 -c 'import json,sys; p=json.loads(sys.argv[1]); print("median **%.0f ms** (min %.0f, max %.0f ms, %d registrations)" % (p["medianMs"], p["minMs"], p["maxMs"], p["count"]))' "$probe")"

machine="$machine
- load average after loading the records: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$here/dnsbench.py" --queries "$work/queries" --target "wharf=$wharf_dns_port:$server_pid" \
  --target "dnsmasq=$dnsmasq_port:$dnsmasq_pid" --rounds "$ROUNDS" --seconds "$SECONDS_PER_RUN" \
  --paced-qps "$PACED_QPS" --clients "$CLIENTS" --workdir "$work" --json "$here/samples.json" > "$work/results.md"

{
  echo "# Service discovery DNS: Wharf next to dnsmasq"
  echo
  echo "Queries per second and latency of Wharf's DNS server (\`wharf server\`, \`WHARF_DNS_PORT\`,"
  echo "ARSoft.Tools.Net, zones built from the Cloud Map registrations in the SQLite store) next to"
  echo "[dnsmasq](https://thekelleys.org.uk/dnsmasq/doc.html) (Debian \`dnsmasq-base\`) serving the same names"
  echo "from a hosts file, both on loopback UDP, measured with \`dnsperf\` (Debian) with the same query file"
  echo "in the same run, alternating rounds (Wharf, dnsmasq, Wharf, ...)."
  echo
  echo "The records were created through the Cloud Map API with boto3 ([load_records.py](load_records.py)):"
  echo "one private DNS namespace \`bench.internal\`, $SERVICES services (DNS records A and SRV, MULTIVALUE,"
  echo "TTL 60) with $PER_SERVICE instances each (\`AWS_INSTANCE_IPV4\`, \`AWS_INSTANCE_PORT\`). As in Route 53,"
  echo "each instance's SRV target \`{instance}.{service}.bench.internal\` gets an A record; the query file is"
  echo "those $((SERVICES * PER_SERVICE)) names (type A, one answer each), and dnsmasq's hosts file maps the same"
  echo "names to the same addresses (\`--no-resolv --no-hosts --addn-hosts --local-ttl=60\`). $load_line."
  echo
  echo "- **throughput**: \`dnsperf -c $CLIENTS -l $SECONDS_PER_RUN\` unpaced (up to 100 queries outstanding), queries/s"
  echo "  completed; dnsperf runs on the same 2 cores as the server."
  echo "- **latency**: \`dnsperf -v -Q $PACED_QPS\` (paced at $PACED_QPS queries/s, well under both servers' limits)"
  echo "  for $SECONDS_PER_RUN s; percentiles over every query's own latency as dnsperf reports it."
  echo "- CPU: the server process's user+system CPU seconds over each unpaced run (\`/proc/<pid>/stat\`)."
  echo
  echo "## Machine"
  echo
  echo "$machine"
  echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "## Results"
  echo
  cat "$work/results.md"
  echo
  echo "## Registration → record answered"
  echo
  echo "With the $((SERVICES * PER_SERVICE)) records loaded, [probe_register.py](probe_register.py) registers one more instance at a"
  echo "time (RegisterInstance through boto3) and, from the moment the call returns, sends the instance's name"
  echo "to Wharf's DNS every 5 ms until it is answered: $probe_line."
  echo
  echo "## Task healthy → record answered"
  echo
  echo "TODO: the time from an ECS service task becoming healthy to its name being answered needs the"
  echo "ECS \`serviceRegistries\` wiring (the service scheduler registering its tasks in Cloud Map), which is"
  echo "not on main yet. The Cloud Map half of that path (RegisterInstance → answered) is measured above."
  echo
  echo "## Re-run"
  echo
  echo '```'
  echo "bench/dns/run.sh             # 10,000 records, 3 rounds"
  echo "bench/dns/run.sh --quick     # 1,000 records, 1 round of 10 s"
  echo "ROUNDS=5 SECONDS_PER_RUN=30 PACED_QPS=5000 CLIENTS=8 bench/dns/run.sh"
  echo '```'
  echo
  echo "Builds the committed tree into \`/tmp/art-bench\` (\`WHARF_DLL=\` reuses a build), installs dnsperf,"
  echo "dnsmasq-base and dnsutils with apt-get if missing, starts \`wharf server\` and dnsmasq on free loopback"
  echo "ports with a temporary directory, and stops both by pid on exit. No Docker is used."
} > "$here/RESULTS.md"
echo "Wrote $here/RESULTS.md" >&2
