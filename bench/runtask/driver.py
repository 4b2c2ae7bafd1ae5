#!/usr/bin/env python3
"""RunTask -> RUNNING latency against a running Wharf, next to raw Docker create+start.

Each iteration measures, in a shuffled order so that load changes on the shared machine hit all
methods alike:
  wharf     RunTask of the walkthrough task definition (wharf/web:latest, containerPort 80 on a
            dynamic host port), then DescribeTasks every --poll-ms until lastStatus is RUNNING.
            Two numbers: t(first poll seeing RUNNING) - t(RunTask call start), and the task's
            startedAt - t(RunTask call start) (server-side timestamp, ms resolution, same clock).
  cli       `docker create` + `docker start` with the same image, env, labels, memory, cpu shares
            and port publishing (container port 80 on a dynamic host port).
  curl      the same through the Engine API: curl --unix-socket POST /containers/create + /start.
  api       the same Engine API calls from this process over the unix socket (no process spawn):
            the floor the agent itself can reach.
Between measurements (untimed) the task is stopped and waited for STOPPED, baseline containers
are removed. Writes samples as JSON and a Markdown section.
"""
import argparse
import http.client
import json
import math
import os
import random
import socket
import statistics
import subprocess
import sys
import time

import boto3
from botocore.config import Config

DOCKER_SOCK = "/var/run/docker.sock"
DOCKER_API = "/v1.41"


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("localhost")
        self._path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self._path)


def docker_api(conn, method, path, body=None):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    conn.request(method, DOCKER_API + path, body=body, headers=headers)
    resp = conn.getresponse()
    data = resp.read()
    if resp.status >= 300:
        raise RuntimeError(f"{method} {path}: {resp.status} {data[:300]!r}")
    return json.loads(data) if data else None


def baseline_spec(taskdef, run_label):
    """Docker create parameters equivalent to what the agent creates for the task definition."""
    c = taskdef["containerDefinitions"][0]
    env = [f"{e['name']}={e['value']}" for e in c.get("environment", [])]
    labels = dict(c.get("dockerLabels", {}))
    labels["wharf.bench"] = run_label
    mem = c["memory"] * 1024 * 1024
    port = c["portMappings"][0]["containerPort"]
    cli = ["docker", "create", "--memory", f"{c['memory']}m", "--memory-swap", f"{2 * c['memory']}m",
           "--cpu-shares", str(c["cpu"]), "-p", f"{port}/tcp"]
    for e in env:
        cli += ["-e", e]
    for k, v in labels.items():
        cli += ["--label", f"{k}={v}"]
    cli.append(c["image"])
    body = json.dumps({
        "Image": c["image"], "Env": env, "Labels": labels,
        "ExposedPorts": {f"{port}/tcp": {}},
        "HostConfig": {"Memory": mem, "MemorySwap": 2 * mem, "CpuShares": c["cpu"],
                       "NetworkMode": "bridge",
                       "PortBindings": {f"{port}/tcp": [{"HostIp": "", "HostPort": ""}]}},
    })
    return cli, body


def run(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip()


def measure_cli(cli):
    t0 = time.perf_counter()
    cid = run(cli)
    run(["docker", "start", cid])
    dt = time.perf_counter() - t0
    return dt, cid


def measure_curl(body):
    base = ["curl", "-sS", "--fail", "--unix-socket", DOCKER_SOCK]
    t0 = time.perf_counter()
    out = run(base + ["-X", "POST", "-H", "Content-Type: application/json", "--data-binary", body,
                      f"http://localhost{DOCKER_API}/containers/create"])
    cid = json.loads(out)["Id"]
    run(base + ["-X", "POST", f"http://localhost{DOCKER_API}/containers/{cid}/start"])
    dt = time.perf_counter() - t0
    return dt, cid


def measure_api(body):
    conn = UnixHTTPConnection(DOCKER_SOCK)
    t0 = time.perf_counter()
    cid = docker_api(conn, "POST", "/containers/create", body)["Id"]
    docker_api(conn, "POST", f"/containers/{cid}/start")
    dt = time.perf_counter() - t0
    conn.close()
    return dt, cid


def remove_container(cid):
    subprocess.run(["docker", "rm", "-f", cid], check=True, capture_output=True)


def ts(value):
    """botocore parses timestamps to aware datetimes."""
    return value.timestamp() if value is not None else None


def measure_wharf(ecs, cluster, taskdef_arn, poll):
    t0_wall = time.time()
    t0 = time.perf_counter()
    resp = ecs.run_task(cluster=cluster, taskDefinition=taskdef_arn, count=1)
    t_runtask = time.perf_counter() - t0
    if resp.get("failures") or not resp.get("tasks"):
        raise RuntimeError(f"RunTask failed: {resp.get('failures')}")
    arn = resp["tasks"][0]["taskArn"]
    polls = 0
    while True:
        task = ecs.describe_tasks(cluster=cluster, tasks=[arn])["tasks"][0]
        polls += 1
        status = task["lastStatus"]
        if status == "RUNNING":
            t_seen = time.perf_counter() - t0
            break
        if status in ("STOPPED", "DEPROVISIONING"):
            raise RuntimeError(f"task {arn} went {status}: {task.get('stoppedReason')}")
        if time.perf_counter() - t0 > 120:
            raise RuntimeError(f"task {arn} not RUNNING after 120 s (last {status})")
        time.sleep(poll)
    phases = {k: ts(task.get(k)) for k in ("createdAt", "pullStartedAt", "pullStoppedAt", "startedAt")}
    return {
        "taskArn": arn, "runTaskCall": t_runtask, "seenRunning": t_seen, "polls": polls,
        "startedAfter": phases["startedAt"] - t0_wall if phases["startedAt"] else None,
        "t0": t0_wall, **phases,
    }


def stop_wharf(ecs, cluster, arn):
    t0 = time.perf_counter()
    ecs.stop_task(cluster=cluster, task=arn, reason="bench")
    while True:
        task = ecs.describe_tasks(cluster=cluster, tasks=[arn])["tasks"][0]
        if task["lastStatus"] == "STOPPED":
            return time.perf_counter() - t0
        if time.perf_counter() - t0 > 90:
            raise RuntimeError(f"task {arn} not STOPPED after 90 s")
        time.sleep(0.1)


def p95(values):
    s = sorted(values)
    return s[max(0, math.ceil(0.95 * len(s)) - 1)]


def ms(v):
    return f"{v * 1000:.0f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--taskdef", required=True)
    ap.add_argument("--cluster", default="default")
    ap.add_argument("--tasks", type=int, default=30)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--poll-ms", type=float, default=20)
    ap.add_argument("--pause-ms", type=float, default=300, help="idle time after each cleanup")
    ap.add_argument("--run-label", default=f"runtask-{os.getpid()}", help="wharf.bench label on baseline containers")
    ap.add_argument("--json", required=True)
    ap.add_argument("--markdown", required=True)
    args = ap.parse_args()

    ecs = boto3.client(
        "ecs", endpoint_url=args.endpoint, region_name=os.environ.get("AWS_DEFAULT_REGION", "us-east-1"),
        config=Config(retries={"total_max_attempts": 1}, connect_timeout=10, read_timeout=60))
    with open(args.taskdef, encoding="utf-8") as f:
        taskdef = json.load(f)
    taskdef_arn = ecs.register_task_definition(**taskdef)["taskDefinition"]["taskDefinitionArn"]

    deadline = time.time() + 60
    while not ecs.list_container_instances(cluster=args.cluster)["containerInstanceArns"]:
        if time.time() > deadline:
            sys.exit("no container instance registered in 60 s")
        time.sleep(0.5)

    cli, body = baseline_spec(taskdef, args.run_label)
    rng = random.Random(42)
    methods = ["wharf", "cli", "curl", "api"]
    samples = {m: [] for m in methods}
    wharf_detail, stops, loads = [], [], []
    total = args.warmup + args.tasks
    for i in range(total):
        order = methods[:]
        rng.shuffle(order)
        warm = i < args.warmup
        loads.append(float(open("/proc/loadavg").read().split()[0]))
        for m in order:
            if m == "wharf":
                d = measure_wharf(ecs, args.cluster, taskdef_arn, args.poll_ms / 1000)
                d["warmup"] = warm
                stops.append(stop_wharf(ecs, args.cluster, d["taskArn"]))
                wharf_detail.append(d)
                value = d["seenRunning"]
            else:
                dt, cid = {"cli": lambda: measure_cli(cli), "curl": lambda: measure_curl(body),
                           "api": lambda: measure_api(body)}[m]()
                remove_container(cid)
                value = dt
            if not warm:
                samples[m].append(value)
            time.sleep(args.pause_ms / 1000)
        print(f"[{i + 1}/{total}]{' warmup' if warm else ''} "
              + " ".join(f"{m}={ms(samples[m][-1]) if samples[m] and not warm else '-'}ms" for m in methods),
              file=sys.stderr, flush=True)

    measured = [d for d in wharf_detail if not d["warmup"]]
    started = [d["startedAfter"] for d in measured]
    seen = samples["wharf"]
    with open(args.json, "w", encoding="utf-8") as f:
        json.dump({"samples_s": samples, "wharf": wharf_detail, "stop_s": stops, "load1": loads,
                   "poll_ms": args.poll_ms}, f, indent=1)

    rows = [
        ("Wharf: RunTask call start → first DescribeTasks seeing RUNNING", seen),
        ("Wharf: RunTask call start → task `startedAt`", started),
        ("Wharf: the RunTask call itself (returns PROVISIONING)", [d["runTaskCall"] for d in measured]),
        ("Docker CLI: `docker create` + `docker start`", samples["cli"]),
        ("Engine API via `curl --unix-socket`: create + start", samples["curl"]),
        ("Engine API in-process (Python, unix socket): create + start", samples["api"]),
    ]
    out = [f"{len(measured)} measured tasks, one at a time, after {args.warmup} warm-up iteration(s) (discarded); "
           f"DescribeTasks polled every {args.poll_ms:.0f} ms. p95 is nearest-rank.", "",
           "| measurement | median ms | p95 ms | min ms | max ms |", "|---|---:|---:|---:|---:|"]
    for name, v in rows:
        out.append(f"| {name} | {ms(statistics.median(v))} | {ms(p95(v))} | {ms(min(v))} | {ms(max(v))} |")
    out += ["", "### Overhead of Wharf over raw Docker", "",
            "Difference of the medians (and of the p95s); \"paired\" is the median of the per-iteration "
            "differences (each iteration runs every method back to back).", "",
            "| Wharf measure | baseline | median overhead ms | p95 overhead ms | paired median ms |",
            "|---|---|---:|---:|---:|"]
    for wname, wv in (("first poll RUNNING", seen), ("startedAt", started)):
        for bname, key in (("docker CLI", "cli"), ("curl Engine API", "curl"), ("in-process Engine API", "api")):
            bv = samples[key]
            paired = statistics.median([a - b for a, b in zip(wv, bv)])
            out.append(f"| {wname} | {bname} | {ms(statistics.median(wv) - statistics.median(bv))} | "
                       f"{ms(p95(wv) - p95(bv))} | {ms(paired)} |")

    def phase(a, b):
        vals = [d[b] - d[a] for d in measured if d.get(a) is not None and d.get(b) is not None]
        return (ms(statistics.median(vals)), ms(p95(vals))) if vals else ("n/a", "n/a")

    out += ["", "### Where Wharf's time goes (task timestamps, medians / p95, ms)", "",
            "| phase | median | p95 |", "|---|---:|---:|"]
    for name, a, b in (("RunTask call start → `createdAt` (client → server, scheduling)", "t0", "createdAt"),
                       ("`createdAt` → `pullStartedAt` (dispatch to the agent)", "createdAt", "pullStartedAt"),
                       ("`pullStartedAt` → `pullStoppedAt` (image check, no pull: image is local)",
                        "pullStartedAt", "pullStoppedAt"),
                       ("`pullStoppedAt` → `startedAt` (docker create + start, up to the process start)",
                        "pullStoppedAt", "startedAt")):
        med, hi = phase(a, b)
        out.append(f"| {name} | {med} | {hi} |")
    med_seen_minus_started = statistics.median([s - d["startedAfter"] for s, d in zip(seen, measured)])
    out += ["", "`startedAt` is the essential container's `State.StartedAt` as Docker stamps it when the "
            "process starts, before the start call returns; so RunTask → `startedAt` leaves out the end of the "
            "start call and the report to the server, and can come out slightly below the raw baselines, which "
            "time until the start call returns. RunTask → first poll seeing RUNNING is what a client observes "
            "and the fair comparison (it includes up to one poll interval and one DescribeTasks round trip).",
            "", f"First poll seeing RUNNING came a median {ms(med_seen_minus_started)} ms after `startedAt` "
            f"(rest of the start call, the agent's state report over its channel, the store write, the poll "
            f"interval and one DescribeTasks round trip); "
            f"median {statistics.median([d['polls'] for d in measured]):.0f} polls per task.",
            f"StopTask → STOPPED (untimed cleanup, for reference): median {ms(statistics.median(stops))} ms, "
            f"p95 {ms(p95(stops))} ms.",
            f"1-minute load average during the iterations: min {min(loads):.1f}, "
            f"median {statistics.median(loads):.1f}, max {max(loads):.1f}."]
    with open(args.markdown, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print("\n".join(out))


if __name__ == "__main__":
    main()
