#!/usr/bin/env bash
# Log lines per second from one busy container, shipped by Wharf's agent (awslogs) and queryable
# with GetLogEvents, next to Docker's own json-file log of the same container, same run; with the
# CPU the `wharf up` process spent. Writes RESULTS.md and samples.json next to this script.
#   ./run.sh                    3 runs of 100,000 lines
#   ./run.sh --quick            1 run of 10,000 lines
#   LINES=200000 RUNS=5 ./run.sh
#   WHARF_DLL=/path/wharf.dll ./run.sh    reuse a build
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../runtask/wharf-server.sh
source "$here/../runtask/wharf-server.sh"
if [[ "${1:-}" == "--quick" ]]; then : "${LINES:=10000}" "${RUNS:=1}"; fi
LINES="${LINES:-100000}" RUNS="${RUNS:-3}"
# MAX_BUFFER_SIZE=8m: the awslogs max-buffer-size option (the agent's batch is bounded by it);
# such a run writes RESULTS-max-buffer-8m.md and samples-max-buffer-8m.json.
suffix="${MAX_BUFFER_SIZE:+-max-buffer-$MAX_BUFFER_SIZE}"

wharf_build
machine="$(describe_machine)"
docker image inspect wharf/busybox:latest >/dev/null 2>&1 || "$bench_root/samples/images/build.sh" --quiet
# No DNS server: not needed, and port 53 / the bridge address belong to whoever else runs a Wharf here.
export WHARF_DNS_PORT=off WHARF_DNS_CONTAINER_ADDRESS=off
wharf_start

python3 "$here/driver.py" --endpoint "$WHARF_ENDPOINT" --wharf-pid "$WHARF_BENCH_PID" \
  --lines "$LINES" --runs "$RUNS" --poll-ms "${POLL_MS:-50}" --max-buffer-size "${MAX_BUFFER_SIZE:-}" \
  --json "$here/samples$suffix.json" --markdown "$WHARF_BENCH_DATA/results.md.part"
rss="$(awk '/^VmRSS|^VmHWM/ {printf "%s %d MiB, ", $1, $2/1024}' "/proc/$WHARF_BENCH_PID/status")"
logs_db="$(du -k "$WHARF_BENCH_DATA"/logs.db* 2>/dev/null | awk '{s+=$1} END {printf "%.1f MiB", s/1024}')"

{
  echo "# Container logs: lines/s shipped and queryable, next to Docker's json-file"
  echo
  echo "One busy container: a task (\`wharf/busybox:latest\`) whose container definition logs with"
  echo "\`awslogs\` (\`awslogs-create-group true\`, \`mode blocking\` so that no line may be dropped)"
  echo "waits for \`/tmp/go\`, then prints $(printf "%'d" "$LINES") numbered lines with busybox \`awk\` as fast as it can."
  echo "Created with the Engine API's exec (t0), the driver polls every ${POLL_MS:-50} ms, in parallel:"
  echo
  echo "- **Docker**: the Engine API's \`logs?tail=1\` of that same container until its last line is the"
  echo "  last numbered line. The agent creates task containers with Docker's \`json-file\` driver, so"
  echo "  this is the time for Docker's own logging to have every line on disk and readable."
  echo "- **Wharf**: \`GetLogEvents\` (\`startFromHead=false\`, \`limit=1\`) of the task's stream"
  echo "  \`bench/printer/<task-id>\` until the newest event is the last numbered line: every line has"
  echo "  been followed by the agent from Docker, shipped over the agent channel, committed to"
  echo "  \`logs.db\` (SQLite, WAL, \`synchronous=FULL\`) and is queryable."
  echo
  echo "Afterwards the whole stream is read back with \`GetLogEvents\` (forward tokens) and every number"
  echo "checked (stored / missing / duplicates columns), and \`docker logs\` is counted once. CPU is"
  echo "utime+stime from \`/proc/<pid>/stat\` between t0 and Wharf having every line, for the \`wharf up\`"
  echo "process (server **and** agent in one process: following Docker's log stream, parsing, shipping,"
  echo "storing, answering the polls) and for \`dockerd\` (the json-file writer and the log stream the agent"
  echo "reads; dockerd is shared with other engineers' containers, so that column is noisy). Driver:"
  echo "[driver.py](driver.py); raw numbers in [samples$suffix.json](samples$suffix.json)."
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
  echo "\`wharf up\` memory at the end: ${rss%, }; \`logs.db\` (with WAL) ${logs_db}."
  echo
  echo "## Re-run"
  echo
  echo '```'
  echo "bench/logs/run.sh                  # 3 runs of 100,000 lines"
  echo "bench/logs/run.sh --quick          # 1 run of 10,000 lines"
  echo "LINES=200000 RUNS=5 POLL_MS=20 bench/logs/run.sh"
  echo '```'
  echo
  echo "Needs Docker, the .NET 10 SDK, python3 with boto3 and \`wharf/busybox:latest\` (samples/images/build.sh)."
  echo "Builds the committed tree into \`/tmp/art-bench\` (\`WHARF_DLL=\` reuses a build), starts its own"
  echo "\`wharf up\` on a free port with a temporary data directory (\`WHARF_DNS_PORT=off\`,"
  echo "\`WHARF_DNS_CONTAINER_ADDRESS=off\`), and on exit stops its tasks, stops that process by pid and"
  echo "removes the containers its agent created (by label)."
} > "$here/RESULTS$suffix.md"
echo "Wrote $here/RESULTS$suffix.md" >&2
