#!/usr/bin/env bash
# Time from killing a service task's container process to its replacement RUNNING (Wharf), next
# to Docker's own `--restart always` recovery of the same image, same run, interleaved. Writes
# RESULTS.md and samples.json next to this script.
#   ./run.sh                       10 iterations each
#   ITERATIONS=20 ./run.sh
#   ./run.sh --quick               3 iterations each
#   WHARF_DLL=/path/wharf.dll ./run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../runtask/wharf-server.sh
source "$here/../runtask/wharf-server.sh"
BENCH_RUN_LABEL="replacement-$$"
[[ "${1:-}" == "--quick" ]] && : "${ITERATIONS:=3}"

# `docker kill` of a restart=always container counts as a manual stop: Docker does not restart it.
# Check that this still holds on this Engine (it is why both sides are killed with kill -9).
check="$(docker run -d --restart always --label "wharf.bench=$BENCH_RUN_LABEL" wharf/web:latest 2>/dev/null || true)"
docker_kill_note="not checked (wharf/web:latest missing before the build)"
if [[ -n "$check" ]]; then
  sleep 2; docker kill "$check" >/dev/null; sleep 3
  docker_kill_note="after \`docker kill\` a \`--restart always\` container is $(docker inspect -f '{{.State.Status}} (restart count {{.RestartCount}})' "$check")"
  docker rm -f "$check" >/dev/null
fi

wharf_build
machine="$(describe_machine)"
export WHARF_DNS_PORT=0   # not needed here; leaves port 53 to whoever else runs a Wharf on this host
wharf_start

python3 "$here/driver.py" --endpoint "$WHARF_ENDPOINT" \
  --taskdef "$bench_root/examples/walkthrough/web-taskdef.json" \
  --iterations "${ITERATIONS:-10}" --poll-ms "${POLL_MS:-20}" --settle "${SETTLE:-11}" \
  --run-label "$BENCH_RUN_LABEL" --json "$here/samples.json" --markdown "$WHARF_BENCH_DATA/results.md.part"

{
  echo "# Replacement of a killed task: Wharf next to Docker \`--restart always\`"
  echo
  echo "The time from killing the main process of a service task's container to the replacement task being"
  echo "RUNNING as DescribeTasks reports it, next to Docker's own restart policy bringing back a container"
  echo "of the same image (same env, memory limit, CPU shares, port 80 published on a dynamic host port) after"
  echo "the same kill, in the same run, interleaved in a shuffled order. Wharf: \`wharf up\` (server and agent in"
  echo "one process, SQLite), a service \`bench-replacement\` with desiredCount 1 of the walkthrough web task"
  echo "definition ([examples/walkthrough/web-taskdef.json](../../examples/walkthrough/web-taskdef.json),"
  echo "\`wharf/web:latest\`). Both sides are polled every ${POLL_MS:-20} ms (boto3 ListTasks + DescribeTasks for Wharf,"
  echo "the Engine API over the unix socket for Docker). Driver: [driver.py](driver.py); raw samples in"
  echo "[samples.json](samples.json)."
  echo
  echo "The kill is \`kill -9 <container main pid>\` from the host for both: $docker_kill_note, so"
  echo "\`docker kill\` would not measure Docker's recovery at all. Each container has run at least"
  echo "${SETTLE:-11} s before it is killed (Docker resets its restart back-off after 10 s of running)."
  echo
  echo "Wharf does more than Docker here: the agent sees the exit, reports the task STOPPED, the service"
  echo "scheduler places a new task (a new container, a new dynamic host port, on any instance of the"
  echo "cluster) and the agent creates and starts it; Docker restarts the same container in place."
  echo
  echo "## Machine"
  echo
  echo "$machine"
  echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "## Results"
  echo
  cat "$WHARF_BENCH_DATA/results.md.part"
  echo
  echo "## Re-run"
  echo
  echo '```'
  echo "bench/replacement/run.sh                 # 10 iterations each"
  echo "bench/replacement/run.sh --quick         # 3 iterations each"
  echo "ITERATIONS=20 POLL_MS=10 bench/replacement/run.sh"
  echo '```'
  echo
  echo "Needs Docker, the .NET 10 SDK, python3 with boto3 and \`wharf/web:latest\` (samples/images/build.sh)."
  echo "Builds the committed tree into \`/tmp/art-bench\` (\`WHARF_DLL=\` reuses a build), starts its own"
  echo "\`wharf up\` on a free port with a temporary data directory, and on exit stops its tasks, stops that"
  echo "process by pid and removes the containers it and the baseline created (by label)."
} > "$here/RESULTS.md"
echo "Wrote $here/RESULTS.md" >&2
