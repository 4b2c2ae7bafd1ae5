#!/usr/bin/env bash
# DescribeTasks (10 tasks) and DescribeClusters calls/s with wrk (2 threads, 8 connections, 30 s
# each, signed requests) and the server process's memory. Writes RESULTS.md (commit it) and
# samples.json next to this script.
#   ./run.sh                               build the committed tree, run
#   SECONDS_PER_RUN=60 ./run.sh            longer runs
#   WHARF_DLL=/path/wharf.dll ./run.sh     use an existing build
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../runtask/wharf-server.sh
source "$here/../runtask/wharf-server.sh"

if ! command -v wrk >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null; }
fi

wharf_build
machine="$(describe_machine)"
wharf_start
work="$(mktemp -d /tmp/bench-api.XXXXXX)"

python3 "$here/api_bench.py" --endpoint "$WHARF_ENDPOINT" --pid "$WHARF_BENCH_PID" \
  --taskdef "$bench_root/examples/walkthrough/web-taskdef.json" \
  --seconds "${SECONDS_PER_RUN:-30}" --warmup-seconds "${WARMUP_SECONDS:-5}" \
  --threads "${THREADS:-2}" --connections "${CONNECTIONS:-8}" \
  --workdir "$work" --json "$here/samples.json" --markdown "$work/results.md.part"

{
  echo "# ECS API throughput: DescribeTasks and DescribeClusters"
  echo
  echo "Calls per second of two read operations of the ECS JSON 1.1 API, driven by \`wrk\` over HTTP/1.1"
  echo "keep-alive on loopback, against \`wharf up\` (SQLite store) with 10 RUNNING tasks of the walkthrough"
  echo "web image (task definition family \`bench-api-web\`: the walkthrough one with a 128-unit task CPU"
  echo "reservation so that 10 fit the 2-core host). Requests are SigV4-signed: one request per operation"
  echo "is pre-signed with botocore (\`SigV4Auth\` on an \`AWSRequest\` with the exact body and headers) and"
  echo "[replay.lua](replay.lua) replays it; SigV4 has no replay protection within its 15-minute skew window,"
  echo "so the same signed request stays valid for the whole run (the server still checks it on every call;"
  echo "a tampered signature gets 403 InvalidSignatureException). wrk runs on the same 2 cores as the"
  echo "server. Driver: [api_bench.py](api_bench.py); raw numbers in [samples.json](samples.json)."
  echo
  echo "## Machine"
  echo
  echo "$machine"
  echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "## Results"
  echo
  cat "$work/results.md.part"
  echo "## Re-run"
  echo
  echo '```'
  echo "bench/api/run.sh            # builds the committed tree (git archive HEAD) into /tmp/art-bench"
  echo "SECONDS_PER_RUN=60 CONNECTIONS=16 bench/api/run.sh"
  echo "WHARF_DLL=/tmp/art-bench/bin/Wharf.Cli/release/wharf.dll bench/api/run.sh   # reuse a build"
  echo '```'
  echo
  echo "Needs Docker, the .NET 10 SDK, python3 with boto3, wrk (Debian package \`wrk\`, installed with apt-get"
  echo "if missing) and \`wharf/web:latest\`. The script starts its own \`wharf up\` on a free port with a"
  echo "temporary data directory and on exit stops its tasks through the API, stops that process (SIGTERM,"
  echo "by pid) and removes the containers its agent created (by the \`wharf.agent-instance\` label)."
} > "$here/RESULTS.md"
rm -rf "$work"
echo "Wrote $here/RESULTS.md" >&2
