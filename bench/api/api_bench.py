#!/usr/bin/env python3
"""DescribeTasks (10 tasks) and DescribeClusters calls/s against a running Wharf, with wrk.

Starts 10 tasks, then for each operation: pre-signs one request with botocore's SigV4Auth (exact
body and headers), checks it with one plain HTTP call, runs wrk (warm-up, then the measured run)
replaying it through replay.lua, and reads the server process's VmRSS/VmHWM and CPU time from
/proc around each run. Writes samples as JSON and a Markdown section.
"""
import argparse
import http.client
import json
import os
import subprocess
import sys
import time
import urllib.parse

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials

TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113."
HERE = os.path.dirname(os.path.abspath(__file__))


def proc_status(pid):
    fields = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM", "Threads"):
                fields[key] = int(value.split()[0])
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        stat = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    fields["cpu_s"] = (int(stat[11]) + int(stat[12])) / ticks  # utime + stime
    return fields


def presign(endpoint, region, operation, payload):
    body = json.dumps(payload, separators=(",", ":"))
    req = AWSRequest(method="POST", url=endpoint + "/", data=body, headers={
        "X-Amz-Target": TARGET_PREFIX + operation,
        "Content-Type": "application/x-amz-json-1.1",
    })
    creds = Credentials(os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"])
    SigV4Auth(creds, "ecs", region).add_auth(req)
    headers = {k: v for k, v in req.headers.items()}
    headers["Host"] = urllib.parse.urlsplit(endpoint).netloc  # what the signature covers
    return headers, body


def check_once(endpoint, headers, body):
    u = urllib.parse.urlsplit(endpoint)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    conn.request("POST", "/", body=body, headers=headers)
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    return resp.status, data


def lua_long(s):
    assert "]==]" not in s
    return "[==[" + s + "]==]"


def write_script(path, headers, body):
    with open(os.path.join(HERE, "replay.lua"), encoding="utf-8") as f:
        static = f.read()
    lines = ['bench_method = "POST"', 'bench_path = "/"', f"bench_body = {lua_long(body)}", "bench_headers = {"]
    lines += [f"  [ {lua_long(k)} ] = {lua_long(v)}," for k, v in headers.items()]
    lines += ["}", ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + static)


def run_wrk(endpoint, script, seconds, threads, connections):
    cmd = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--latency",
           "--timeout", "10s", "-s", script, endpoint + "/"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    result = None
    text = []
    for line in out.splitlines():
        if line.startswith("WRKJSON "):
            result = json.loads(line[len("WRKJSON "):])
        else:
            text.append(line)
    if result is None:
        raise RuntimeError("wrk printed no WRKJSON line:\n" + out)
    result["text"] = "\n".join(text)
    result["cmd"] = " ".join(cmd[:-3] + ["<script>", cmd[-1]])
    return result


def start_tasks(ecs, taskdef_path, count):
    with open(taskdef_path, encoding="utf-8") as f:
        taskdef = json.load(f)
    # The walkthrough definition reserves 256 CPU units a task; the host offers 2048 (2 cores), so
    # 10 copies would not fit. Same containers, smaller task-level reservation.
    taskdef["family"] = "bench-api-web"
    taskdef["cpu"] = "128"
    arn = ecs.register_task_definition(**taskdef)["taskDefinition"]["taskDefinitionArn"]
    deadline = time.time() + 60
    while not ecs.list_container_instances(cluster="default")["containerInstanceArns"]:
        if time.time() > deadline:
            sys.exit("no container instance registered in 60 s")
        time.sleep(0.5)
    resp = ecs.run_task(cluster="default", taskDefinition=arn, count=count)
    if resp.get("failures") or len(resp["tasks"]) != count:
        sys.exit(f"RunTask: {resp.get('failures')}")
    arns = [t["taskArn"] for t in resp["tasks"]]
    deadline = time.time() + 180
    while True:
        tasks = ecs.describe_tasks(cluster="default", tasks=arns)["tasks"]
        if all(t["lastStatus"] == "RUNNING" for t in tasks):
            return arns
        if time.time() > deadline:
            sys.exit("tasks not RUNNING after 180 s: " + ", ".join(t["lastStatus"] for t in tasks))
        time.sleep(0.5)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--taskdef", required=True)
    ap.add_argument("--seconds", type=int, default=30)
    ap.add_argument("--warmup-seconds", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--json", required=True)
    ap.add_argument("--markdown", required=True)
    args = ap.parse_args()
    region = os.environ.get("AWS_DEFAULT_REGION", "us-east-1")

    ecs = boto3.client("ecs", endpoint_url=args.endpoint, region_name=region,
                       config=Config(retries={"total_max_attempts": 1}))
    mem = {"after start (idle, agent registered)": proc_status(args.pid)}
    arns = start_tasks(ecs, args.taskdef, 10)
    mem["10 tasks RUNNING, before wrk"] = proc_status(args.pid)

    ops = [
        ("DescribeTasks", {"cluster": "default", "tasks": arns}, "10 tasks"),
        ("DescribeClusters", {"clusters": ["default"]}, "the `default` cluster"),
    ]
    results = []
    for op, payload, what in ops:
        headers, body = presign(args.endpoint, region, op, payload)
        status, data = check_once(args.endpoint, headers, body)
        doc = json.loads(data)
        items = doc.get("tasks", doc.get("clusters", []))
        if status != 200 or len(items) != len(payload.get("tasks", payload.get("clusters"))) or doc.get("failures"):
            sys.exit(f"{op} pre-signed check failed: {status} {data[:300]!r}")
        script = os.path.join(args.workdir, f"{op}.lua")
        write_script(script, headers, body)
        warm = run_wrk(args.endpoint, script, args.warmup_seconds, args.threads, args.connections)
        before = proc_status(args.pid)
        t0 = time.time()
        res = run_wrk(args.endpoint, script, args.seconds, args.threads, args.connections)
        wall = time.time() - t0
        after = proc_status(args.pid)
        mem[f"after {op} run"] = after
        res.update(op=op, what=what, body_bytes=len(body), response_bytes=len(data), warmup=warm,
                   server_cpu_s=after["cpu_s"] - before["cpu_s"], wall_s=wall,
                   load1=float(open("/proc/loadavg").read().split()[0]),
                   signed_headers=sorted(headers))
        results.append(res)
        rps = res["requests"] / (res["duration_us"] / 1e6)
        print(f"{op}: {rps:.0f} calls/s, non-200 {res['non200']}/{res['checked']}", file=sys.stderr, flush=True)

    with open(args.json, "w", encoding="utf-8") as f:
        json.dump({"results": results, "memory": mem}, f, indent=1)

    out = [f"wrk {args.threads} threads, {args.connections} connections, {args.seconds} s per operation after a "
           f"{args.warmup_seconds} s warm-up run (not counted), keep-alive, one pre-signed request replayed. "
           "Every response's status is checked in wrk's `response()` hook. Latencies are wrk's. Server CPU is the "
           "CPU time the server process used during the run divided by its wall time (2 cores = the whole machine); "
           "below that, the server was competing for the cores with wrk and with the other work on the machine.", "",
           "| operation | request | calls/s | latency p50 ms | p90 ms | p99 ms | max ms | responses checked | non-200 | socket errors | server CPU |",
           "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        rps = r["requests"] / (r["duration_us"] / 1e6)
        lat = r["latency_us"]
        errs = sum(r["errors"][k] for k in ("connect", "read", "write", "timeout"))
        cpu = r["server_cpu_s"] / r["wall_s"]
        out.append(f"| {r['op']} | {r['what']} ({r['body_bytes']} B body, {r['response_bytes']} B response) | "
                   f"**{rps:,.0f}** | {lat['p50'] / 1000:.1f} | {lat['p90'] / 1000:.1f} | {lat['p99'] / 1000:.1f} | "
                   f"{lat['max'] / 1000:.0f} | {r['checked']:,} | {r['non200']} | {errs} | "
                   f"{cpu:.2f} cores |")
    bad = [r for r in results if r["non200"]]
    for r in bad:
        out.append(f"\nFirst non-200 response of {r['op']}: `{r['first_bad']}`")
    out += ["", "Warm-up runs (JIT, connection set-up), for reference: " + ", ".join(
        f"{r['op']} {r['warmup']['requests'] / (r['warmup']['duration_us'] / 1e6):,.0f} calls/s" for r in results) + ".",
        "", "### Memory of the server process (`/proc/<pid>/status`)", "",
        "`wharf up` runs the control plane and the local agent in one .NET process (pid of `dotnet wharf.dll up`).", "",
        "| when | VmRSS MiB | VmHWM (peak) MiB | threads |", "|---|---:|---:|---:|"]
    for when, m in mem.items():
        out.append(f"| {when} | {m['VmRSS'] / 1024:.0f} | {m['VmHWM'] / 1024:.0f} | {m['Threads']} |")
    out += ["", f"Signed headers sent by wrk: {', '.join('`' + h + '`' for h in results[0]['signed_headers'])} "
            "(plus `Content-Length`, added by wrk).", "",
            "wrk's own output:", ""]
    for r in results:
        out += [f"{r['op']}:", "", "```", r["cmd"], r["text"].strip(), "```", ""]
    with open(args.markdown, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print("\n".join(out))


if __name__ == "__main__":
    main()
