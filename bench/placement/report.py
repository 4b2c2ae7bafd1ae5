#!/usr/bin/env python3
"""Writes bench/placement/RESULTS.md (stdout) from samples.json and the run's facts."""
import argparse
import json


def fmt(v, nd=2):
    return "n/a" if v is None else f"{v:,.{nd}f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--samples", required=True)
    ap.add_argument("--idle-rss-kib", type=int, required=True)
    ap.add_argument("--registered-rss-kib", type=int, required=True)
    ap.add_argument("--registration-seconds", type=float, required=True)
    ap.add_argument("--machine", required=True)
    ap.add_argument("--load-end", required=True)
    a = ap.parse_args()
    r = json.load(open(a.samples))
    lat, vis, run, rss = r["latencyS"], r["serviceVisibleS"], r["toRunningS"], r["serverRssMiB"]
    loads = [s["load1"] for s in r["timeline"]]
    print(f"""# Placement and commit throughput (simulated runtime)

`wharf server` (SQLite store, Release build) with **{r['hosts']:,} simulated hosts** and
**{r['services']} services totalling {r['tasksWanted']:,} tasks**. The hosts are a *simulated runtime*:
[Wharf.Placement.SimulatedFleet](Wharf.Placement.SimulatedFleet) opens one WebSocket per host to the
server's real agent channel (`/agent/v1/connect`, join token, the same register / tasks / state /
ack / heartbeat messages as `wharf agent`), registers it with the resources and attributes of the
Scheduling benchmark's fleet (10 instance types from 2 vCPU/8 GiB to 16 vCPU/64 GiB, 3 zones, a
`tier` and a `rack` attribute), and reports each task RUNNING as soon as the server dispatches it
(no Docker, no containers). Every service places with `spread(attribute:ecs.availability-zone)`
then `binpack(memory)` and one of four `memberOf` expressions; its tasks reserve 64-256 CPU units
and 128-1,024 MiB. [driver.py](driver.py) registers the task definitions, then calls CreateService
for each service back to back (boto3), polls DescribeServices until every task is RUNNING and then reads
every task's createdAt and startedAt from the store file (read-only; see the README for why not through the API). Everything goes through the real path: the service
controller reads a snapshot from SQLite, plans with the shared placement pipeline, and commits the
tasks with the instance version bumps in one transaction; the task dispatcher pushes them to the
agents; the agents' state reports are applied to the store.

## Machine

{a.machine}
- load average at end: {a.load_end}; 1-minute load during the run: {min(loads):.1f} to {max(loads):.1f}
- the server ran with `WHARF_HEARTBEAT_TIMEOUT_SECONDS=120` (default 20) so that a CPU-starved
  agent session on this shared machine is not declared lost mid-run; `WHARF_DNS_PORT=0`.

## Results

| | |
|---|---|
| hosts registered (agent channel, 16 at a time) | {r['hosts']:,} in {a.registration_seconds:,.1f} s |
| tasks placed and committed | {r['tasksPlaced']:,} of {r['tasksWanted']:,}{'' if r['complete'] else ' (**did not converge before the timeout**)'} on {r['instancesUsed']:,} hosts |
| **placements/s committed to SQLite** (tasks / (last task's createdAt − first CreateService call)) | **{fmt(r['placementsPerS'], 0)}** over {fmt(r['placementSpanS'], 1)} s |
| **placement latency** (createdAt − its CreateService call), p50 / p90 / **p99** / max | {fmt(lat['p50'])} / {fmt(lat['p90'])} / **{fmt(lat['p99'])}** / {fmt(lat['max'])} s |
| a service's tasks all visible in DescribeServices after CreateService, p50 / p99 / max | {fmt(vis['p50'])} / {fmt(vis['p99'])} / {fmt(vis['max'])} s |
| CreateService → task RUNNING (startedAt, dispatched + reported by the simulated agent), p50 / p99 / max | {fmt(run['p50'])} / {fmt(run['p99'])} / {fmt(run['max'])} s ({run['count']:,} tasks) |
| all {r['tasksWanted']:,} tasks RUNNING in the store (last startedAt) after the first CreateService | {fmt(r['allRunningAfterS'], 1)} s ({r['runningInStore']:,} RUNNING) |
| the simulated agents had been sent (and had reported RUNNING) every task after | {fmt(r['fleetAllRunningAfterS'], 1)} s |
| DescribeServices' runningCount reached the total after | {fmt(r['serviceCountsCaughtUpAfterS'], 1) + ' s' if r['serviceCountsCaughtUpAfterS'] else 'not within the wait (see below)'} |
| one ListTasks page (100, `serviceName` filter) / one DescribeTasks of 100 tasks, at the end | {r['listTasksPageS']:.2f} s / {r['describeTasks100S']:.2f} s |
| CreateService calls for all services took | {fmt(r['createServicesS'], 1)} s |
| **server memory (RSS)**: idle / {r['hosts']:,} hosts connected / end / peak (VmHWM) | {a.idle_rss_kib/1024:,.0f} / {a.registered_rss_kib/1024:,.0f} / {fmt(rss['end'], 0)} / **{fmt(rss['peakVmHWM'], 0)} MiB** |
| server CPU time from the first CreateService to convergence | {fmt(r['serverCpuSeconds'], 1)} s |
| simulated fleet process RSS | {fmt(r['fleetRssMiB'], 0)} MiB |

The comparison point is the pure scheduler on the same fleet shape
([Wharf.Scheduling.Benchmarks](../Wharf.Scheduling.Benchmarks/results/RESULTS.md)): the gap between the
two is the cost of the store, the snapshot reads and the agent channel.

Progress (every ~2 s: tasks RUNNING / PENDING as DescribeServices counts them, server RSS and CPU):

| t (s) | running | pending | server RSS MiB | server CPU s | agents connected | load1 |
|---:|---:|---:|---:|---:|---:|---:|""")
    step = max(1, len(r["timeline"]) // 30)
    rows = r["timeline"][::step]
    if r["timeline"] and rows[-1] is not r["timeline"][-1]:
        rows.append(r["timeline"][-1])
    for s in rows:
        print(f"| {s['t']:.0f} | {s['running']:,} | {s['pending']:,} | {s['serverRssMiB']:,.0f} | {s['serverCpuS']:,.0f} | {s['fleetConnected']} | {s['load1']:.1f} |")
    print("""
## Re-run

```
bench/placement/run.sh --quick     # 500 hosts, 10 services, 10,000 tasks
bench/placement/run.sh             # 5,000 hosts, 50 services, 100,000 tasks
HOSTS=2000 SERVICES=20 TASKS=40000 TIMEOUT=1800 bench/placement/run.sh
```

Builds the committed tree (`git archive HEAD`) into `/tmp/art-bench` (`WHARF_DLL=` and `FLEET_DLL=`
reuse builds), starts `wharf server` on a free port with a temporary data directory and the fleet,
and on exit stops both (SIGTERM, by pid) and removes the data directory. No Docker is used.
Raw numbers: [samples.json](samples.json).""")


if __name__ == "__main__":
    main()
