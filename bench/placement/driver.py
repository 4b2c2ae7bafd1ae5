#!/usr/bin/env python3
"""Placement and commit throughput of the service scheduler on a simulated fleet.

Against a running `wharf server` (SQLite store) with a simulated fleet connected over the real agent
channel (Wharf.Placement.SimulatedFleet: agents that run no containers and report a task RUNNING as
soon as it is dispatched to them):
  1. registers one task definition per service (cpu 64-256 units, memory 128-1024 MiB, like
     bench/Wharf.Scheduling.Benchmarks),
  2. creates the services one after another, each with its share of the tasks,
     spread(attribute:ecs.availability-zone) then binpack(memory) and a memberOf constraint,
  3. polls DescribeServices, the fleet's counters and the server's memory every --poll seconds
     until every task is RUNNING (or --timeout),
  4. reads every task back (ListTasks + DescribeTasks) for its createdAt and startedAt.
Placement latency of a task = its createdAt (stamped by the service controller when it plans the
task, just before the commit) minus the start of the CreateService call that asked for it.
"""
import argparse
import concurrent.futures
import datetime
import sqlite3
import json
import random
import statistics
import sys
import time

import boto3
from botocore.config import Config

EXPRESSIONS = [
    "attribute:tier != batch",
    "attribute:ecs.instance-type =~ m5.* or attribute:ecs.instance-type =~ r5.*",
    "attribute:tier in [web, general] and attribute:ecs.os-type == linux",
    "attribute:rack exists and not attribute:ecs.instance-type =~ c5.*",
]


def rss_kib(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        parts = f.read().rsplit(")", 1)[1].split()
    import os
    return (int(parts[11]) + int(parts[12])) / os.sysconf("SC_CLK_TCK")


def iso(text):
    return datetime.datetime.fromisoformat(text).timestamp()


def fleet_status(path):
    try:
        with open(path) as f:
            return json.loads(f.read())
    except (OSError, ValueError):
        return {}


def pct(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1))
    return s[k]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--cluster", default="bench")
    ap.add_argument("--services", type=int, default=50)
    ap.add_argument("--tasks", type=int, default=100000)
    ap.add_argument("--server-pid", type=int, required=True)
    ap.add_argument("--fleet-pid", type=int, required=True)
    ap.add_argument("--fleet-status", required=True)
    ap.add_argument("--poll", type=float, default=2.0)
    ap.add_argument("--timeout", type=float, default=3600)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--count-grace", type=float, default=300)
    ap.add_argument("--json", required=True)
    ap.add_argument("--db", required=True, help="the server's wharf.db, read-only after the run")
    args = ap.parse_args()

    cfg = Config(retries={"max_attempts": 10, "mode": "standard"}, read_timeout=600, connect_timeout=30,
                 max_pool_connections=8)
    ecs = boto3.client("ecs", endpoint_url=args.endpoint, config=cfg)
    rnd = random.Random(args.seed)
    per_service = args.tasks // args.services
    services = []
    for s in range(args.services):
        family = f"bench-place-{s:03d}"
        cpu, memory = 64 * rnd.randint(1, 4), 128 * rnd.randint(1, 8)
        ecs.register_task_definition(
            family=family, networkMode="bridge",
            containerDefinitions=[{"name": "app", "image": "wharf/busybox:latest", "essential": True,
                                   "cpu": cpu, "memory": memory, "command": ["sleep", "3600"]}])
        services.append({"name": f"svc-{s:03d}", "family": family, "cpu": cpu, "memory": memory,
                         "expression": EXPRESSIONS[s % len(EXPRESSIONS)], "desired": per_service})

    timeline = []
    rss_start = rss_kib(args.server_pid, "VmRSS")
    cpu_start = cpu_seconds(args.server_pid)
    t0 = time.time()
    last_poll = 0.0

    def poll(phase):
        described = []
        for i in range(0, len(services), 10):
            names = [s["name"] for s in services[i:i + 10] if "created" in s]
            if names:
                described += ecs.describe_services(cluster=args.cluster, services=names)["services"]
        fleet = fleet_status(args.fleet_status)
        sample = {
            "t": round(time.time() - t0, 2), "phase": phase,
            "running": sum(d["runningCount"] for d in described),
            "pending": sum(d["pendingCount"] for d in described),
            "serverRssMiB": round(rss_kib(args.server_pid, "VmRSS") / 1024, 1),
            "serverCpuS": round(cpu_seconds(args.server_pid) - cpu_start, 1),
            "fleetReceived": fleet.get("tasksReceived"), "fleetRunning": fleet.get("runningReported"),
            "fleetConnected": fleet.get("connected"), "fleetSessionsLost": fleet.get("sessionsLost"),
            "load1": float(open("/proc/loadavg").read().split()[0]),
        }
        for d in described:
            svc = next(s for s in services if s["name"] == d["serviceName"])
            if "visible" not in svc and d["runningCount"] + d["pendingCount"] >= svc["desired"]:
                svc["visible"] = time.time()
        timeline.append(sample)
        print(json.dumps(sample), file=sys.stderr, flush=True)
        return sample

    for svc in services:
        svc["createStart"] = time.time()
        ecs.create_service(
            cluster=args.cluster, serviceName=svc["name"], taskDefinition=svc["family"],
            desiredCount=svc["desired"], launchType="EC2",
            placementStrategy=[{"type": "spread", "field": "attribute:ecs.availability-zone"},
                               {"type": "binpack", "field": "memory"}],
            placementConstraints=[{"type": "memberOf", "expression": svc["expression"]}])
        svc["created"] = time.time()
        if time.time() - last_poll >= args.poll:
            poll("creating")
            last_poll = time.time()
    creates_done = time.time()

    deadline = t0 + args.timeout
    complete = False
    fleet_done = None
    wanted = per_service * args.services
    while time.time() < deadline:
        sample = poll("converging")
        if fleet_done is None and (sample["fleetRunning"] or 0) >= wanted:
            fleet_done = time.time()
        if sample["running"] >= wanted and all("visible" in s for s in services):
            complete = True
            break
        # The service records' counts are refreshed one service at a time by the controller's
        # passes; once every task is RUNNING at the agents, wait for them at most --count-grace.
        if fleet_done is not None and time.time() - fleet_done > args.count_grace:
            break
        time.sleep(args.poll)
    converged = time.time()
    counts_ok = complete
    rss_end = rss_kib(args.server_pid, "VmRSS")
    hwm = rss_kib(args.server_pid, "VmHWM")
    server_cpu = cpu_seconds(args.server_pid) - cpu_start
    fleet_rss = rss_kib(args.fleet_pid, "VmRSS")

    # Every task back from the store file (read-only). Through the API this takes minutes at this
    # size: ListTasks reads the whole cluster for every page of 100 (see the README), so one page
    # and one DescribeTasks of 100 are timed instead.
    read_start = time.time()
    arn_of = {}
    page_t0 = time.time()
    page = ecs.list_tasks(cluster=args.cluster, serviceName=services[0]["name"], maxResults=100)
    list_page_s = time.time() - page_t0
    desc_t0 = time.time()
    ecs.describe_tasks(cluster=args.cluster, tasks=page["taskArns"][:100])
    describe_100_s = time.time() - desc_t0
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    per_svc = {s["name"]: [] for s in services}
    for (body,) in db.execute("SELECT body FROM documents WHERE kind = 'task'"):
        t = json.loads(body)
        name = (t.get("serviceArn") or "").rsplit("/", 1)[-1]
        if name in per_svc:
            per_svc[name].append({"createdAt": iso(t["createdAt"]),
                                  "startedAt": iso(t["startedAt"]) if t.get("startedAt") else None,
                                  "instance": t.get("containerInstanceArn")})
    db.close()
    read_seconds = time.time() - read_start

    latencies, to_running, created_all, started_all, instances = [], [], [], [], set()
    for svc in services:
        for t in per_svc[svc["name"]]:
            latencies.append(t["createdAt"] - svc["createStart"])
            created_all.append(t["createdAt"])
            instances.add(t["instance"])
            if t["startedAt"]:
                to_running.append(t["startedAt"] - svc["createStart"])
                started_all.append(t["startedAt"])
    placed = len(created_all)
    complete = complete or (placed == wanted and len(to_running) == wanted)
    span = (max(created_all) - services[0]["createStart"]) if created_all else float("nan")
    visible = [s["visible"] - s["createStart"] for s in services if "visible" in s]
    result = {
        "hosts": fleet_status(args.fleet_status).get("hosts"),
        "services": args.services, "tasksWanted": per_service * args.services, "tasksPlaced": placed,
        "complete": complete,
        "instancesUsed": len(instances),
        "placementSpanS": round(span, 2),
        "placementsPerS": round(placed / span, 1) if placed else 0,
        "latencyS": {"p50": pct(latencies, 50), "p90": pct(latencies, 90), "p99": pct(latencies, 99), "max": max(latencies, default=None)},
        "serviceVisibleS": {"p50": pct(visible, 50), "p99": pct(visible, 99), "max": max(visible, default=None)},
        "toRunningS": {"count": len(to_running), "p50": pct(to_running, 50), "p99": pct(to_running, 99), "max": max(to_running, default=None)},
        "createServicesS": round(creates_done - t0, 2),
        "allRunningAfterS": round(max(started_all) - t0, 2) if complete and started_all else None,
        "serviceCountsCaughtUpAfterS": round(converged - t0, 2) if counts_ok else None,
        "fleetAllRunningAfterS": round(fleet_done - t0, 2) if fleet_done else None,
        "runningInStore": len(to_running),
        "serverRssMiB": {"beforeServices": round(rss_start / 1024, 1), "end": round(rss_end / 1024, 1), "peakVmHWM": round(hwm / 1024, 1)},
        "serverCpuSeconds": round(server_cpu, 1),
        "fleetRssMiB": round(fleet_rss / 1024, 1),
        "readBackSeconds": round(read_seconds, 1),
        "listTasksPageS": round(list_page_s, 3), "describeTasks100S": round(describe_100_s, 3),
        "timeline": timeline,
    }
    with open(args.json, "w") as f:
        json.dump(result, f, indent=1)
    summary = {k: v for k, v in result.items() if k != "timeline"}
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
