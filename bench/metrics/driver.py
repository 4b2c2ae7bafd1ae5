#!/usr/bin/env python3
"""Metrics ingest at 1,000 simulated tasks through the real CloudWatch API (boto3 PutMetricData).

"Simulated": no containers run. Each simulated task reports what an agent's stats reading
becomes in ECS's service metrics: one CPUUtilization and one MemoryUtilization sample with
{ClusterName, ServiceName}, so --tasks tasks over --services services make 2 x tasks datapoints
per stats interval, sent as PutMetricData calls of up to 1,000 datapoints (the API's limit).
Namespace Bench/ECS (AWS/ namespaces are refused for PutMetricData).

  paced      --paced-seconds at the real cadence (every --interval seconds, all tasks): the latency
             of each PutMetricData call and the server's CPU per 1,000 datapoints at that load;
  saturated  --procs client processes send 1,000-datapoint calls back to back for
             --saturate-seconds: datapoints/s acknowledged;
  check      GetMetricStatistics SampleCount (period 60) summed over every metric must equal the
             datapoints sent: every acknowledged datapoint is stored;
  queries    --queries GetMetricStatistics calls on random service metrics after the load (last
             15 minutes: period 60 with Average/Min/Max/SampleCount, period 10, and p99 at period 60),
             latency median and p95.
"""
import argparse
import json
import multiprocessing as mp
import os
import random
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone

import boto3
from botocore.config import Config

CLK = os.sysconf("SC_CLK_TCK")
NS = "Bench/ECS"
CLUSTER = "bench"


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK


def client(endpoint):
    return boto3.client("cloudwatch", endpoint_url=endpoint,
                        config=Config(retries={"max_attempts": 1}, read_timeout=120, connect_timeout=10))


def interval_batches(tasks, services, rng):
    """One stats interval of every task: 2 x tasks datapoints in batches of 1,000."""
    data = []
    now = datetime.now(timezone.utc)
    for t in range(tasks):
        dims = [{"Name": "ClusterName", "Value": CLUSTER}, {"Name": "ServiceName", "Value": f"svc-{t % services:03d}"}]
        data.append({"MetricName": "CPUUtilization", "Dimensions": dims, "Timestamp": now, "Value": rng.uniform(0, 120), "Unit": "Percent"})
        data.append({"MetricName": "MemoryUtilization", "Dimensions": dims, "Timestamp": now, "Value": rng.uniform(5, 95), "Unit": "Percent"})
    return [data[i:i + 1000] for i in range(0, len(data), 1000)]


def pct(values, p):
    s = sorted(values)
    return s[max(0, min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1))]


def saturate_worker(endpoint, tasks, services, seconds, seed, out):
    cw = client(endpoint)
    rng = random.Random(seed)
    sent, calls, lat = 0, 0, []
    end = time.time() + seconds
    c0 = time.process_time()
    while time.time() < end:
        for batch in interval_batches(tasks, services, rng):
            t = time.perf_counter()
            cw.put_metric_data(Namespace=NS, MetricData=batch)
            lat.append(time.perf_counter() - t)
            sent += len(batch)
            calls += 1
            if time.time() >= end:
                break
    out.put({"sent": sent, "calls": calls, "lat": lat, "client_cpu": time.process_time() - c0})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--server-pid", type=int, required=True)
    ap.add_argument("--tasks", type=int, default=1000)
    ap.add_argument("--services", type=int, default=20)
    ap.add_argument("--interval", type=float, default=5)
    ap.add_argument("--paced-seconds", type=float, default=60)
    ap.add_argument("--saturate-seconds", type=float, default=60)
    ap.add_argument("--procs", type=int, default=3)
    ap.add_argument("--queries", type=int, default=60)
    ap.add_argument("--json", required=True)
    ap.add_argument("--markdown", required=True)
    a = ap.parse_args()
    cw = client(a.endpoint)
    rng = random.Random(1)
    start = datetime.now(timezone.utc) - timedelta(minutes=1)
    res = {"tasks": a.tasks, "services": a.services, "interval_s": a.interval}

    # Warm-up (JIT, connections, the store's first pages): two intervals, not timed but checked as stored.
    warm = 0
    for _ in range(2):
        for batch in interval_batches(a.tasks, a.services, rng):
            cw.put_metric_data(Namespace=NS, MetricData=batch)
            warm += len(batch)

    # Paced: the real cadence of 1,000 tasks.
    lat, sent = [], 0
    cpu0, w0 = cpu_seconds(a.server_pid), time.perf_counter()
    nxt = time.perf_counter()
    while time.perf_counter() - w0 < a.paced_seconds:
        for batch in interval_batches(a.tasks, a.services, rng):
            t = time.perf_counter()
            cw.put_metric_data(Namespace=NS, MetricData=batch)
            lat.append(time.perf_counter() - t)
            sent += len(batch)
        nxt += a.interval
        time.sleep(max(0.0, nxt - time.perf_counter()))
    wall = time.perf_counter() - w0
    cpu = cpu_seconds(a.server_pid) - cpu0
    res["paced"] = {"sent": sent, "calls": len(lat), "wall_s": wall, "rate": sent / wall,
                    "lat_p50_ms": statistics.median(lat) * 1e3, "lat_p95_ms": pct(lat, 95) * 1e3, "lat_max_ms": max(lat) * 1e3,
                    "server_cpu_s": cpu, "server_cpu_share": cpu / wall, "server_cpu_ms_per_1000": cpu * 1e6 / sent}
    print(json.dumps(res["paced"]), file=sys.stderr)
    total = warm + sent

    # Saturated: back to back from several client processes.
    q = mp.Queue()
    procs = [mp.Process(target=saturate_worker, args=(a.endpoint, a.tasks, a.services, a.saturate_seconds, 100 + i, q))
             for i in range(a.procs)]
    cpu0, w0 = cpu_seconds(a.server_pid), time.perf_counter()
    for p in procs:
        p.start()
    outs = [q.get(timeout=a.saturate_seconds + 180) for _ in procs]
    for p in procs:
        p.join()
    wall = time.perf_counter() - w0
    cpu = cpu_seconds(a.server_pid) - cpu0
    s_sent = sum(o["sent"] for o in outs)
    s_lat = [x for o in outs for x in o["lat"]]
    res["saturated"] = {"procs": a.procs, "sent": s_sent, "calls": len(s_lat), "wall_s": wall, "rate": s_sent / wall,
                        "lat_p50_ms": statistics.median(s_lat) * 1e3, "lat_p95_ms": pct(s_lat, 95) * 1e3,
                        "server_cpu_s": cpu, "server_cpu_share": cpu / wall, "server_cpu_ms_per_1000": cpu * 1e6 / s_sent,
                        "client_cpu_s": sum(o["client_cpu"] for o in outs)}
    print(json.dumps(res["saturated"]), file=sys.stderr)
    total += s_sent

    # Every acknowledged datapoint stored?
    end = datetime.now(timezone.utc) + timedelta(minutes=2)
    stored = 0
    for s in range(a.services):
        for name in ("CPUUtilization", "MemoryUtilization"):
            pts = cw.get_metric_statistics(Namespace=NS, MetricName=name, StartTime=start, EndTime=end, Period=60,
                                           Statistics=["SampleCount"],
                                           Dimensions=[{"Name": "ClusterName", "Value": CLUSTER},
                                                       {"Name": "ServiceName", "Value": f"svc-{s:03d}"}])["Datapoints"]
            stored += sum(p["SampleCount"] for p in pts)
    res["sent_total"], res["stored_total"] = total, int(stored)

    # Query latency afterwards.
    now = datetime.now(timezone.utc)
    kinds = {
        "period 60, Average/Minimum/Maximum/SampleCount": dict(Period=60, Statistics=["Average", "Minimum", "Maximum", "SampleCount"]),
        "period 10, Average (raw samples)": dict(Period=10, Statistics=["Average"]),
        "period 60, p99 (raw samples)": dict(Period=60, ExtendedStatistics=["p99"]),
    }
    res["queries"] = {}
    for label, kw in kinds.items():
        ql = []
        for _ in range(a.queries):
            dims = [{"Name": "ClusterName", "Value": CLUSTER}, {"Name": "ServiceName", "Value": f"svc-{rng.randrange(a.services):03d}"}]
            t = time.perf_counter()
            cw.get_metric_statistics(Namespace=NS, MetricName=rng.choice(["CPUUtilization", "MemoryUtilization"]),
                                     StartTime=now - timedelta(minutes=15), EndTime=now, Dimensions=dims, **kw)
            ql.append(time.perf_counter() - t)
        res["queries"][label] = {"n": len(ql), "p50_ms": statistics.median(ql) * 1e3, "p95_ms": pct(ql, 95) * 1e3}
    print(json.dumps(res["queries"]), file=sys.stderr)
    with open(a.json, "w") as f:
        json.dump(res, f, indent=1)

    p, s = res["paced"], res["saturated"]
    need = 2 * a.tasks / a.interval
    with open(a.markdown, "w") as f:
        f.write(f"{a.tasks:,} simulated tasks in {a.services} services, CPU + memory every {a.interval:g} s = "
                f"{2 * a.tasks:,} datapoints per interval ({need:,.0f}/s), {2 * a.services} metrics.\n\n")
        f.write("| phase | datapoints acknowledged | wall (s) | datapoints/s | PutMetricData calls | call p50 / p95 (ms) | server CPU (s) | server CPU share (cores) | server CPU ms per 1,000 datapoints |\n")
        f.write("|---|---|---|---|---|---|---|---|---|\n")
        f.write(f"| paced (the real cadence) | {p['sent']:,} | {p['wall_s']:.1f} | {p['rate']:,.0f} | {p['calls']} | {p['lat_p50_ms']:.0f} / {p['lat_p95_ms']:.0f} | {p['server_cpu_s']:.2f} | {p['server_cpu_share']:.2f} | {p['server_cpu_ms_per_1000']:.1f} |\n")
        f.write(f"| saturated ({s['procs']} client processes back to back) | {s['sent']:,} | {s['wall_s']:.1f} | {s['rate']:,.0f} | {s['calls']} | {s['lat_p50_ms']:.0f} / {s['lat_p95_ms']:.0f} | {s['server_cpu_s']:.2f} | {s['server_cpu_share']:.2f} | {s['server_cpu_ms_per_1000']:.1f} |\n")
        f.write(f"\nThe boto3 clients spent {s['client_cpu_s']:.1f} s of CPU in the saturated phase, on the same 2 cores as the server.\n\n")
        f.write(f"Stored: GetMetricStatistics SampleCount over all {2 * a.services} metrics = **{res['stored_total']:,}** of "
                f"{res['sent_total']:,} datapoints sent, {warm:,} of them in an untimed warm-up of two intervals before the paced phase ({'all stored' if res['stored_total'] == res['sent_total'] else 'MISMATCH'}).\n\n")
        f.write("GetMetricStatistics afterwards (one service metric, last 15 minutes):\n\n| query | calls | p50 (ms) | p95 (ms) |\n|---|---|---|---|\n")
        for label, qv in res["queries"].items():
            f.write(f"| {label} | {qv['n']} | {qv['p50_ms']:.1f} | {qv['p95_ms']:.1f} |\n")
        f.write(f"\n**Headline: {s['rate']:,.0f} datapoints/s stored when saturated, {s['rate'] / need:.0f}× what 1,000 tasks need at a "
                f"{a.interval:g}-second interval ({need:,.0f}/s); at that real cadence the server used {p['server_cpu_share']:.2f} of a core.**\n")


if __name__ == "__main__":
    main()
