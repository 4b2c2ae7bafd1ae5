#!/usr/bin/env bash
# RunTask -> RUNNING latency of Wharf next to raw `docker create` + `docker start` of the same
# image with the same port publishing, measured in the same run. Writes RESULTS.md (commit it)
# and samples.json (the raw samples) next to this script.
#   ./run.sh                     build the committed tree, 30 measured tasks
#   TASKS=50 ./run.sh            more tasks
#   WHARF_DLL=/path/wharf.dll ./run.sh   use an existing build
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=wharf-server.sh
source "$here/wharf-server.sh"
BENCH_RUN_LABEL="runtask-$$"

wharf_build
machine="$(describe_machine)"
wharf_start

python3 "$here/driver.py" --endpoint "$WHARF_ENDPOINT" \
  --taskdef "$bench_root/examples/walkthrough/web-taskdef.json" \
  --tasks "${TASKS:-30}" --warmup "${WARMUP:-2}" --poll-ms "${POLL_MS:-20}" \
  --run-label "$BENCH_RUN_LABEL" \
  --json "$here/samples.json" --markdown "$here/results.md.part"

{
  echo "# RunTask → RUNNING latency"
  echo
  echo "Wharf's RunTask of the walkthrough task definition"
  echo "([examples/walkthrough/web-taskdef.json](../../examples/walkthrough/web-taskdef.json): \`wharf/web:latest\`,"
  echo "container port 80 on a dynamic host port, 128 CPU units, 64 MiB) until the task is RUNNING, next to"
  echo "creating and starting the same container directly on the same Docker Engine (same image, env,"
  echo "labels, memory limit, CPU shares, port 80 published on a dynamic host port): with the Docker CLI,"
  echo "with the Engine API through \`curl --unix-socket\`, and with the Engine API from inside the driver"
  echo "process (no process spawn; the floor the agent itself can reach). Every iteration runs the four"
  echo "back to back in a shuffled order, one container at a time; the Wharf task is stopped (and waited"
  echo "for STOPPED) and the raw containers removed between measurements, untimed. The client is boto3"
  echo "([driver.py](driver.py)); raw samples in [samples.json](samples.json)."
  echo
  echo "## Machine"
  echo
  echo "$machine"
  echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "## Results"
  echo
  cat "$here/results.md.part"
  echo
  echo "## Re-run"
  echo
  echo '```'
  echo "bench/runtask/run.sh            # builds the committed tree (git archive HEAD) into /tmp/art-bench"
  echo "TASKS=50 POLL_MS=10 bench/runtask/run.sh"
  echo "WHARF_DLL=/tmp/art-bench/bin/Wharf.Cli/release/wharf.dll bench/runtask/run.sh   # reuse a build"
  echo '```'
  echo
  echo "Needs Docker, the .NET 10 SDK, python3 with boto3, curl, and the sample image \`wharf/web:latest\`"
  echo "(built by samples/images/build.sh if missing). The script starts its own \`wharf up\` on a free port"
  echo "with a temporary data directory, and on exit stops its tasks through the API, stops that process"
  echo "(SIGTERM, by pid) and removes the containers its agent and the baseline created (by label)."
} > "$here/RESULTS.md"
rm -f "$here/results.md.part"
echo "Wrote $here/RESULTS.md" >&2
