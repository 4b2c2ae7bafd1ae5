#!/usr/bin/env bash
# Time from a CPU load starting in a service's container to the first scale-out activity of its
# target-tracking policy (describe-scaling-activities), on the fast clock of docs/autoscaling.md.
# Writes RESULTS.md and samples.json next to this script.
#   ./run.sh                    3 runs
#   ./run.sh --quick            1 run
#   RUNS=5 ./run.sh
#   WHARF_DLL=/path/wharf.dll ./run.sh    reuse a build
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../runtask/wharf-server.sh
source "$here/../runtask/wharf-server.sh"
if [[ "${1:-}" == "--quick" ]]; then : "${RUNS:=1}"; fi
RUNS="${RUNS:-3}"

wharf_build
machine="$(describe_machine)"
docker image inspect wharf/busybox:latest >/dev/null 2>&1 || "$bench_root/samples/images/build.sh" --quiet
export WHARF_DNS_PORT=off WHARF_DNS_CONTAINER_ADDRESS=off
# The fast clock of docs/autoscaling.md (and of the end-to-end tests' ScalingFixture).
export WHARF_STATS_INTERVAL_SECONDS="${WHARF_STATS_INTERVAL_SECONDS:-2}" WHARF_ALARM_EVALUATION_SECONDS="${WHARF_ALARM_EVALUATION_SECONDS:-2}"
export WHARF_SCALING_ALARM_PERIOD_SECONDS="${WHARF_SCALING_ALARM_PERIOD_SECONDS:-10}" WHARF_SCALING_HIGH_DATAPOINTS="${WHARF_SCALING_HIGH_DATAPOINTS:-2}"
export WHARF_SCALING_LOW_DATAPOINTS="${WHARF_SCALING_LOW_DATAPOINTS:-3}" WHARF_SCALING_TICK_SECONDS="${WHARF_SCALING_TICK_SECONDS:-2}"
wharf_start

python3 "$here/driver.py" --endpoint "$WHARF_ENDPOINT" --runs "$RUNS" --poll-ms "${POLL_MS:-250}" \
  --json "$here/samples.json" --markdown "$WHARF_BENCH_DATA/results.md.part"

period="$WHARF_SCALING_ALARM_PERIOD_SECONDS" dp="$WHARF_SCALING_HIGH_DATAPOINTS"
{
  echo "# Autoscaling: load start → first scale-out activity"
  echo
  echo "\`wharf up\` (server and agent in one process) on real Docker, with the fast clock of"
  echo "[docs/autoscaling.md](../../docs/autoscaling.md#settings):"
  echo
  echo "| setting | value |"
  echo "|---|---|"
  echo "| \`WHARF_STATS_INTERVAL_SECONDS\` (agent's Docker stats) | $WHARF_STATS_INTERVAL_SECONDS |"
  echo "| \`WHARF_ALARM_EVALUATION_SECONDS\` | $WHARF_ALARM_EVALUATION_SECONDS |"
  echo "| \`WHARF_SCALING_ALARM_PERIOD_SECONDS\` (target-tracking alarm period) | $period |"
  echo "| \`WHARF_SCALING_HIGH_DATAPOINTS\` | $dp |"
  echo "| \`WHARF_SCALING_LOW_DATAPOINTS\` | $WHARF_SCALING_LOW_DATAPOINTS |"
  echo "| \`WHARF_SCALING_TICK_SECONDS\` | $WHARF_SCALING_TICK_SECONDS |"
  echo
  echo "Each run: a service (desiredCount 1) of a \`wharf/busybox:latest\` task reserving 16 CPU units"
  echo "whose container blocks on a FIFO, a scalable target (min 1, max 3) and a \`TargetTrackingScaling\`"
  echo "policy on \`ECSServiceAverageCPUUtilization\`, target 50, cooldowns 15 s. Once the policy's high"
  echo "alarm is \`OK\` (stats are flowing, the idle service is below target), \`docker exec\` writes to the"
  echo "FIFO and the container starts a busy loop (about a tenth of a core, several times its"
  echo "reservation): that is t0. The driver then polls every ${POLL_MS:-250} ms. The first scale-out activity's"
  echo "\`StartTime\` is when the policy's step was committed. The alarm needs ${dp} whole ${period}-second"
  echo "periods whose average is above the target. The load is so far above it that the period in which"
  echo "it starts already counts, so the floor is $(((dp - 1) * period)) to $((dp * period)) s after the load starts (depending on where in"
  echo "a period it starts), plus up to one stats interval and one evaluation interval. The driver starts"
  echo "the load right after the alarm turned \`OK\`, which happens just after a period boundary, so the"
  echo "load starts early in a period and about $((dp * period)) s is the expected time here. With"
  echo "AWS's defaults (60-second periods, 3 datapoints) the same path takes at least 2 to 3 minutes, as on"
  echo "AWS. There is no alternative autoscaler on this machine to run beside it. Driver:"
  echo "[driver.py](driver.py); raw numbers in [samples.json](samples.json)."
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
  echo "## Re-run"
  echo
  echo '```'
  echo "bench/autoscaling/run.sh             # 3 runs"
  echo "bench/autoscaling/run.sh --quick     # 1 run"
  echo "RUNS=5 WHARF_SCALING_ALARM_PERIOD_SECONDS=30 bench/autoscaling/run.sh"
  echo '```'
  echo
  echo "Needs Docker, the .NET 10 SDK, python3 with boto3 and \`wharf/busybox:latest\` (samples/images/build.sh)."
  echo "Builds the committed tree into \`/tmp/art-bench\` (\`WHARF_DLL=\` reuses a build), starts its own"
  echo "\`wharf up\` on a free port with a temporary data directory (\`WHARF_DNS_PORT=off\`,"
  echo "\`WHARF_DNS_CONTAINER_ADDRESS=off\`), and on exit stops its tasks, stops that process by pid and"
  echo "removes the containers its agent created (by label)."
} > "$here/RESULTS.md"
echo "Wrote $here/RESULTS.md" >&2
