#!/usr/bin/env bash
# Wharf's load balancer listener next to nginx (proxy_pass, upstream keepalive), both in front of
# the same nginx static backend: wrk requests/s and latency, same settings, same run, alternating
# rounds. Writes RESULTS.md and samples.json next to this script.
#   ./run.sh                  3 rounds of 20 s per proxy, wrk -t2 -c32
#   ./run.sh --quick          1 round of 10 s
#   ROUNDS=5 SECONDS_PER_RUN=30 CONNECTIONS=64 ./run.sh
#   WHARF_DLL=... ./run.sh    reuse a build
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../runtask/wharf-server.sh
source "$here/../runtask/wharf-server.sh"
[[ "${1:-}" == "--quick" ]] && : "${ROUNDS:=1}" "${SECONDS_PER_RUN:=10}"
ROUNDS="${ROUNDS:-3}" SECONDS_PER_RUN="${SECONDS_PER_RUN:-20}" THREADS="${THREADS:-2}" CONNECTIONS="${CONNECTIONS:-32}"

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || need+=(nginx-light)
if ((${#need[@]})); then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null; }
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wharf_build
machine="$(describe_machine | sed 's/`wharf up`: server and agent in one process/`wharf server`: control plane with the load balancer data plane in one process, no agent/')"
work="$(mktemp -d /tmp/bench-lb.XXXXXX)"
chmod 755 "$work"
port="$(free_port)" backend_port="$(free_port)" nginx_port="$(free_port)" listener_port="$(free_port)"
server_pid="" backend_pid="" proxy_pid=""
cleanup() {
  set +e
  for pid in $proxy_pid $backend_pid; do kill -TERM "$pid" 2>/dev/null; done
  if [[ -n "$server_pid" ]]; then
    kill -TERM "$server_pid" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$server_pid" 2>/dev/null
  fi
  [[ -n "${KEEP_DATA:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT

# The backend: nginx, one worker, a 1 KiB static page and /health.
mkdir -p "$work/www" "$work/tmp"
python3 -c "import sys; sys.stdout.write('<!doctype html><title>wharf bench</title>' + 'x' * (1024 - 41))" > "$work/www/index.html"
nginx_conf() { # name, body
  cat > "$work/$1.conf" <<CONF
$2
pid $work/$1.pid;
error_log $work/$1-error.log warn;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/tmp/$1-body; proxy_temp_path $work/tmp/$1-proxy;
  fastcgi_temp_path $work/tmp/$1-fcgi; uwsgi_temp_path $work/tmp/$1-uwsgi; scgi_temp_path $work/tmp/$1-scgi;
  keepalive_requests 1000000;
  $3
}
CONF
}
nginx_conf backend "worker_processes 1;" "server { listen 127.0.0.1:$backend_port; default_type text/html;
    location / { root $work/www; }
    location = /health { return 200 \"ok\\n\"; } }"
nginx_conf proxy "worker_processes auto;" "upstream backend { server 127.0.0.1:$backend_port; keepalive 64; }
  server { listen 127.0.0.1:$nginx_port;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection \"\"; } }"
"$nginx_bin" -p "$work" -c "$work/backend.conf" &
backend_pid=$!
"$nginx_bin" -p "$work" -c "$work/proxy.conf" &
proxy_pid=$!

WHARF_PORT="$port" WHARF_DATA_DIR="$work/data" WHARF_DNS_PORT=0 dotnet "$WHARF_DLL" server >"$work/server.log" 2>&1 &
server_pid=$!
export AWS_ACCESS_KEY_ID=AKIAWHARF0LOCAL0KEY0 AWS_SECRET_ACCESS_KEY=wharf-local-secret-access-key-0000000000 AWS_DEFAULT_REGION=us-east-1
endpoint="http://127.0.0.1:$port"
for _ in $(seq 1 180); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$endpoint/healthz")" == 200 ]] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done

elb() { aws --endpoint-url "$endpoint" elbv2 "$@"; }
lb="$(elb create-load-balancer --name bench-lb --query 'LoadBalancers[0].LoadBalancerArn' --output text)"
tg="$(elb create-target-group --name bench-backend --protocol HTTP --port 80 --target-type ip \
  --health-check-path /health --health-check-interval-seconds 5 --health-check-timeout-seconds 2 --healthy-threshold-count 2 \
  --query 'TargetGroups[0].TargetGroupArn' --output text)"
elb register-targets --target-group-arn "$tg" --targets "Id=127.0.0.1,Port=$backend_port"
elb create-listener --load-balancer-arn "$lb" --protocol HTTP --port "$listener_port" \
  --default-actions "Type=forward,TargetGroupArn=$tg" >/dev/null
elb wait target-in-service --target-group-arn "$tg"
for url in "http://127.0.0.1:$listener_port/" "http://127.0.0.1:$nginx_port/" "http://127.0.0.1:$backend_port/"; do
  for _ in $(seq 1 40); do [[ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" == 200 ]] && break; sleep 0.25; done
  [[ "$(curl -s "$url" | md5sum)" == "$(md5sum < "$work/www/index.html")" ]] || { echo "$url does not serve the page" >&2; exit 1; }
done

proxy_pids="$proxy_pid,$(pgrep -P "$proxy_pid" | paste -sd, -)"
python3 "$here/wrkbench.py" \
  --target "Wharf LB=http://127.0.0.1:$listener_port/=$server_pid" \
  --target "nginx=http://127.0.0.1:$nginx_port/=$proxy_pids" \
  --target "backend direct (no proxy)=http://127.0.0.1:$backend_port/=" \
  --rounds "$ROUNDS" --seconds "$SECONDS_PER_RUN" --threads "$THREADS" --connections "$CONNECTIONS" \
  --json "$here/samples.json" > "$work/results.md"
server_rss="$(awk '/^VmRSS/ {print int($2/1024)}' "/proc/$server_pid/status")"

{
  echo "# Load balancer: Wharf's listener next to nginx"
  echo
  echo "Requests/s and latency of \`wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s --latency\` (HTTP/1.1 keep-alive, loopback)"
  echo "through Wharf's application load balancer listener and through nginx (Debian \`nginx-light\`,"
  echo "\`worker_processes auto\`, \`proxy_pass\` to an \`upstream\` with \`keepalive 64\`, \`proxy_http_version 1.1\`)."
  echo "Both forward to the same backend: a second nginx (one worker) serving a 1 KiB static page. The rounds"
  echo "alternate (Wharf, nginx, backend direct, Wharf, ...) after a 3 s warm-up of each; the backend direct"
  echo "row is the ceiling without any proxy."
  echo
  echo "Wharf: \`wharf server\` (its ELBv2 data plane, YARP in Kestrel, runs in the server process); the load"
  echo "balancer, an \`ip\` target group with the target \`127.0.0.1:<backend port>\` (health check \`/health\`) and"
  echo "an HTTP listener forwarding to it were created with the AWS CLI, and the run started once"
  echo "\`aws elbv2 wait target-in-service\` returned. \"proxy CPU s\" is the user+system CPU of the proxy's"
  echo "processes during the round (for Wharf the whole server process). wrk, both proxies and the backend"
  echo "share the same 2 cores, so the numbers are a comparison in one run, not either proxy's capacity."
  echo "Every response was checked identical to the page before the run; raw wrk output in [samples.json](samples.json)."
  echo
  echo "## Machine"
  echo
  echo "$machine"
  echo "- nginx: $("$nginx_bin" -v 2>&1 | sed 's/^nginx version: //'); wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "## Results"
  echo
  cat "$work/results.md"
  echo
  echo "Wharf server RSS at the end: $server_rss MiB."
  echo
  echo "## Failed requests during a rolling deploy"
  echo
  echo "TODO: the count of failed requests during a rolling deploy of 4 tasks under this load needs the ECS"
  echo "service ↔ target group wiring (\`loadBalancers\` on CreateService registering and deregistering the"
  echo "service's tasks), which is not on main yet."
  echo
  echo "## Re-run"
  echo
  echo '```'
  echo "bench/lb/run.sh                 # 3 rounds of 20 s, wrk -t2 -c32"
  echo "bench/lb/run.sh --quick         # 1 round of 10 s"
  echo "ROUNDS=5 SECONDS_PER_RUN=30 CONNECTIONS=64 bench/lb/run.sh"
  echo '```'
  echo
  echo "Builds the committed tree into \`/tmp/art-bench\` (\`WHARF_DLL=\` reuses a build), installs wrk and"
  echo "nginx-light with apt-get if missing, starts \`wharf server\` and the two nginx on free loopback ports"
  echo "with a temporary directory, and stops them by pid on exit. No Docker is used."
} > "$here/RESULTS.md"
echo "Wrote $here/RESULTS.md" >&2
