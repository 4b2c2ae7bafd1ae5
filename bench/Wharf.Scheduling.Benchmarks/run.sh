#!/usr/bin/env bash
# Placement benchmarks of the scheduler (pure code over a simulated fleet: no agents, no Docker,
# no store). Writes results/RESULTS.md with the machine described; commit that file.
#   ./run.sh            BenchmarkDotNet (throughput, single placement) + latency probe
#   ./run.sh --quick    latency probe only
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
artifacts="${WHARF_BENCH_ARTIFACTS:-/tmp/art-sched-bench}"
out="$here/results"
mkdir -p "$out"

dotnet build "$here" -c Release --artifacts-path "$artifacts" -nologo -v quiet
dll="$artifacts/bin/Wharf.Scheduling.Benchmarks/release/Wharf.Scheduling.Benchmarks.dll"

{
  echo "# Scheduling benchmarks"
  echo
  echo "Placement of 100 services totalling 100,000 tasks over 5,000 simulated instances"
  echo "(10 instance types, 3 zones, custom attributes), every service"
  echo "\`spread(attribute:ecs.availability-zone)\` then \`binpack(memory)\` with a \`memberOf\` constraint."
  echo "Pure placement: the SQLite commit of the plans is measured elsewhere."
  echo
  echo "## Machine"
  echo
  echo "- run: $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git -C "$root" rev-parse --short HEAD)"
  echo "- CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores"
  echo "- memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "- .NET: $(dotnet --version) SDK, runtime $(dotnet --list-runtimes | awk '/NETCore.App/ {v=$2} END {print v}')"
  echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (a shared machine: other builds may run alongside)"
  echo
} > "$out/RESULTS.md.tmp"

if [[ "${1:-}" != "--quick" ]]; then
  rm -rf "$artifacts/bdn"
  dotnet "$dll" --filter '*' --exporters github --artifacts "$artifacts/bdn" >"$artifacts/bdn.log" 2>&1 \
    || { tail -50 "$artifacts/bdn.log"; exit 1; }
  {
    echo "## BenchmarkDotNet"
    echo
    echo "\`PlaceHundredThousandTasks\` reports time per placed task (100 Place calls of 1,000 tasks each into one"
    echo "working cluster); placements/s = 1 s / Mean. \`PlaceOneTask\` is one count-1 Place call into a cluster"
    echo "already holding 50,000 tasks."
    echo
    for f in "$artifacts"/bdn/results/*-report-github.md; do
      sed -n '/^```/,/^```/p' "$f"
      echo
      sed -n '/^|/p' "$f"
      echo
    done
  } >> "$out/RESULTS.md.tmp"
fi

{
  echo "## Latency of a single placement"
  echo
  echo "The same 100,000 tasks placed one per Place call (count 1, round-robin over the services), each call"
  echo "timed. Wall clock includes time the thread was not running; thread CPU time does not, and is the"
  echo "better measure on a shared 2-core machine."
  echo
  dotnet "$dll" --latency 3
  echo
} >> "$out/RESULTS.md.tmp"

python3 - "$out/RESULTS.md.tmp" <<'PY' >> "$out/RESULTS.md.tmp"
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
scale = {"ns": 1e-9, "μs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}
lines = ["## Summary", ""]
m = re.search(r"\| PlaceHundredThousandTasks \|\s*([\d.,]+) (ns|μs|us|ms|s) \|", text)
if m:
    per = float(m.group(1).replace(",", "")) * scale[m.group(2)]
    lines.append(f"- throughput (BenchmarkDotNet, wall clock): {1 / per:,.0f} placements/s ({m.group(1)} {m.group(2)} per placed task)")
for clock in ("wall clock", "thread CPU time"):
    r = re.search(rf"\| {clock} \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|", text)
    if r:
        lines.append(f"- single placement, {clock}: p50 {r.group(1)} µs, p99 {r.group(3)} µs, mean {r.group(6)} µs"
                     + (f" (≈ {1e6 / float(r.group(6)):,.0f} placements/s of CPU)" if clock == "thread CPU time" else ""))
print("\n".join(lines))
PY
mv "$out/RESULTS.md.tmp" "$out/RESULTS.md"
cat "$out/RESULTS.md"
