#!/usr/bin/env bash
# Failed requests through Wharf's load balancer during a rolling deploy of a 4-task ECS service
# (wharf/web:1.0 -> 2.0) under continuous wrk load. Needs Docker. Appends nothing; prints a
# Markdown section to stdout (run.sh's RESULTS.md quotes it when ROLLING=1).
#   bench/lb/rolling.sh              wrk -t2 -c32 for up to 240 s, the deploy starts after 5 s
#   WHARF_DLL=... bench/lb/rolling.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../runtask/wharf-server.sh
source "$here/../runtask/wharf-server.sh"
BENCH_RUN_LABEL="lb-rolling-$$"
SECONDS_MAX="${SECONDS_MAX:-240}" THREADS="${THREADS:-2}" CONNECTIONS="${CONNECTIONS:-32}"
wharf_build
export WHARF_DNS_PORT=0
wharf_start
ep="$WHARF_ENDPOINT"
elb() { aws --endpoint-url "$ep" elbv2 "$@"; }
ecs() { aws --endpoint-url "$ep" ecs "$@"; }
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
lb="$(elb create-load-balancer --name bench-rolling --query 'LoadBalancers[0].LoadBalancerArn' --output text)"
tg="$(elb create-target-group --name bench-rolling --protocol HTTP --port 80 --target-type instance \
  --health-check-path /health --health-check-port traffic-port --health-check-interval-seconds 5 \
  --health-check-timeout-seconds 2 --healthy-threshold-count 2 --unhealthy-threshold-count 2 --matcher HttpCode=200 \
  --query 'TargetGroups[0].TargetGroupArn' --output text)"
elb modify-target-group-attributes --target-group-arn "$tg" --attributes Key=deregistration_delay.timeout_seconds,Value=5 >/dev/null
elb create-listener --load-balancer-arn "$lb" --protocol HTTP --port "$port" --default-actions "Type=forward,TargetGroupArn=$tg" >/dev/null
def() { echo "{\"family\": \"bench-rolling\", \"containerDefinitions\": [{\"name\": \"web\", \"image\": \"wharf/web:$1\", \"essential\": true, \"memory\": 32, \"portMappings\": [{\"containerPort\": 80, \"hostPort\": 0}]}]}"; }
ecs register-task-definition --cli-input-json "$(def 1.0)" >/dev/null
ecs register-task-definition --cli-input-json "$(def 2.0)" >/dev/null
ecs create-service --service-name bench-rolling --task-definition bench-rolling:1 --desired-count 4 \
  --load-balancers "targetGroupArn=$tg,containerName=web,containerPort=80" >/dev/null
healthy() { elb describe-target-health --target-group-arn "$tg" --query "length(TargetHealthDescriptions[?TargetHealth.State=='healthy'])" --output text; }
for _ in $(seq 1 120); do [[ "$(healthy)" == 4 ]] && break; sleep 2; done
[[ "$(healthy)" == 4 ]] || { echo "4 targets never healthy" >&2; exit 1; }

wrk -t "$THREADS" -c "$CONNECTIONS" -d "${SECONDS_MAX}s" --latency "http://127.0.0.1:$port/" > "$WHARF_BENCH_DATA/wrk.txt" 2>&1 &
wrk_pid=$!
sleep 5
t0=$(date +%s)
ecs update-service --service bench-rolling --task-definition bench-rolling:2 >/dev/null
state=""
while kill -0 "$wrk_pid" 2>/dev/null; do
  state="$(ecs describe-services --services bench-rolling --query 'services[0].deployments[?status==`PRIMARY`].rolloutState | [0]' --output text)"
  [[ "$state" == COMPLETED ]] && break
  sleep 2
done
t1=$(date +%s)
sleep 5
kill -INT "$wrk_pid" 2>/dev/null || true
wait "$wrk_pid" || true
out="$(cat "$WHARF_BENCH_DATA/wrk.txt")"
reqs="$(grep -o '[0-9]* requests in' <<<"$out" | cut -d' ' -f1)"
non2xx="$(grep -o 'Non-2xx or 3xx responses: [0-9]*' <<<"$out" | grep -o '[0-9]*$' || echo 0)"
errs="$(grep -o 'Socket errors: .*' <<<"$out" || echo 'Socket errors: none')"
echo "Rolling deploy of 4 tasks (wharf/web:1.0 → 2.0, minimumHealthyPercent 100, maximumPercent 200, deregistration delay 5 s)"
echo "under \`wrk -t$THREADS -c$CONNECTIONS\` through the listener: primary deployment $state $((t1 - t0)) s after UpdateService;"
echo "**${non2xx:-0} non-2xx responses** and ${errs} out of ${reqs} requests (wrk ran from 5 s before the update to 5 s after"
echo "the rollout completed). Run $(date -u +%Y-%m-%dT%H:%M:%SZ), Wharf $bench_commit, load average $(cut -d' ' -f1-3 /proc/loadavg)."
