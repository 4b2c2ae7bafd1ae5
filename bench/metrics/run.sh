#!/usr/bin/env bash
# Metrics ingest at 1,000 simulated tasks through the real CloudWatch API (boto3 PutMetricData):
# datapoints/s stored at the real cadence and saturated, every datapoint checked stored,
# GetMetricStatistics latency afterwards, server memory and metrics.db size. Writes RESULTS.md and
# samples.json next to this script.
#   ./run.sh                 60 s paced + 60 s saturated (3 client processes), 60 queries of each kind
#   ./run.sh --quick         20 s + 15 s, 20 queries
#   TASKS=5000 PROCS=4 SATURATE_SECONDS=120 ./run.sh
#   WHARF_DLL=/path/wharf.dll ./run.sh    reuse a build
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../runtask/wharf-server.sh
source "$here/../runtask/wharf-server.sh"
if [[ "${1:-}" == "--quick" ]]; then : "${PACED_SECONDS:=20}" "${SATURATE_SECONDS:=15}" "${QUERIES:=20}"; fi
TASKS="${TASKS:-1000}" SERVICES="${SERVICES:-20}" INTERVAL="${INTERVAL:-5}" PROCS="${PROCS:-3}"
PACED_SECONDS="${PACED_SECONDS:-60}" SATURATE_SECONDS="${SATURATE_SECONDS:-60}" QUERIES="${QUERIES:-60}"

wharf_build
machine="$(describe_machine)"
export WHARF_DNS_PORT=off WHARF_DNS_CONTAINER_ADDRESS=off
wharf_start
rss_idle="$(awk '/^VmRSS/ {printf "%d MiB", $2/1024}' "/proc/$WHARF_BENCH_PID/status")"

python3 "$here/driver.py" --endpoint "$WHARF_ENDPOINT" --server-pid "$WHARF_BENCH_PID" \
  --tasks "$TASKS" --services "$SERVICES" --interval "$INTERVAL" --procs "$PROCS" \
  --paced-seconds "$PACED_SECONDS" --saturate-seconds "$SATURATE_SECONDS" --queries "$QUERIES" \
  --json "$here/samples.json" --markdown "$WHARF_BENCH_DATA/results.md.part"
mem="$(awk '/^VmRSS|^VmHWM/ {printf "%s %d MiB, ", $1, $2/1024}' "/proc/$WHARF_BENCH_PID/status")"
db="$(ls -l "$WHARF_BENCH_DATA"/metrics.db* | awk '{printf "%s %.1f MiB, ", $NF, $5/1048576}' | sed "s#$WHARF_BENCH_DATA/##g")"

{
  echo "# Metrics ingest at 1,000 simulated tasks"
  echo
  echo "What 1,000 running tasks' stats become in CloudWatch, pushed through the real API: \`wharf up\`"
  echo "(server and an idle local agent in one process, SQLite \`metrics.db\`) and boto3"
  echo "\`put_metric_data\` (botocore's RPC v2 CBOR protocol, gzip-compressed bodies). The tasks are"
  echo "**simulated**: no containers run. Each simulated task sends, per stats interval, what one agent"
  echo "reading of a task becomes in ECS's service metrics (one \`CPUUtilization\` and one"
  echo "\`MemoryUtilization\` sample with \`{ClusterName, ServiceName}\`), in namespace \`Bench/ECS\`"
  echo "(\`AWS/\` namespaces are refused for PutMetricData; the server's own \`AWS/ECS\` samples from"
  echo "agents go through the same store, \`IMetricSink\`, without the HTTP and CBOR layers). Every"
  echo "sample is stored raw and folded into its minute's statistic set in the same transaction."
  echo
  echo "Phases: **paced** at the real cadence (all tasks every ${INTERVAL} s) for ${PACED_SECONDS} s;"
  echo "**saturated**: ${PROCS} boto3 client processes sending 1,000-datapoint calls back to back for"
  echo "${SATURATE_SECONDS} s (the clients share the machine's 2 cores with the server, so this is a"
  echo "lower bound of what the server can take); then a SampleCount check that every acknowledged"
  echo "datapoint is stored, and GetMetricStatistics latency. CPU is the \`wharf up\` process's"
  echo "utime+stime from \`/proc/<pid>/stat\`. No alternative metrics store is installed on this"
  echo "machine, so there is no side-by-side baseline. Driver: [driver.py](driver.py); raw numbers in"
  echo "[samples.json](samples.json)."
  echo
  echo "## Machine"
  echo
  echo "$machine"
  echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  [[ -n "${BENCH_NOTE:-}" ]] && echo "- note: $BENCH_NOTE"
  echo
  echo "## Results"
  echo
  cat "$WHARF_BENCH_DATA/results.md.part"
  echo
  echo "\`wharf up\` memory: VmRSS ${rss_idle} idle before the run; at the end ${mem%, }. Files: ${db%, }."
  echo
  echo "## Re-run"
  echo
  echo '```'
  echo "bench/metrics/run.sh              # 60 s paced + 60 s saturated, 3 client processes"
  echo "bench/metrics/run.sh --quick      # 20 s + 15 s"
  echo "TASKS=5000 SERVICES=100 PROCS=4 SATURATE_SECONDS=120 bench/metrics/run.sh"
  echo '```'
  echo
  echo "Needs the .NET 10 SDK and python3 with boto3 (Docker only for \`wharf up\`'s agent, which runs"
  echo "nothing here). Builds the committed tree into \`/tmp/art-bench\` (\`WHARF_DLL=\` reuses a build),"
  echo "starts its own \`wharf up\` on a free port with a temporary data directory (\`WHARF_DNS_PORT=off\`,"
  echo "\`WHARF_DNS_CONTAINER_ADDRESS=off\`) and stops it by pid on exit."
} > "$here/RESULTS.md"
echo "Wrote $here/RESULTS.md" >&2
