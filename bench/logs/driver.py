#!/usr/bin/env python3
"""Container log lines shipped to Wharf's CloudWatch Logs and queryable, next to Docker's own
json-file log of the same container, same run.

Each run starts a task (awslogs driver, mode blocking) whose container waits for /tmp/go, then
prints --lines numbered lines as fast as busybox awk can. The driver creates /tmp/go with
`docker exec` (t0) and polls every --poll-ms, in parallel:
  docker  the Engine API `logs?tail=1` of the container until its last line is the last numbered
          line (Docker's json-file has every line: the container writes stdout in order);
  wharf   GetLogEvents (startFromHead=false, limit=1) of the task's stream until the newest event is
          the last numbered line (the agent ships a container's lines in order).
Afterwards it reads the whole stream with GetLogEvents (forward tokens, 10,000 a page) and checks
that every number from 1 to --lines is there (and counts duplicates), timing that full read; and
counts `docker logs` lines once. CPU seconds of the `wharf up` process (server and agent in one
process; utime+stime from /proc/<pid>/stat) and of dockerd are sampled at t0 and at the end.
"""
import argparse
import http.client
import json
import os
import socket
import statistics
import sys
import threading
import time

import boto3
from botocore.config import Config

CLK = os.sysconf("SC_CLK_TCK")


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("localhost")
        self._path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self._path)


def docker_raw(method, path):
    conn = UnixHTTPConnection("/var/run/docker.sock")
    try:
        conn.request(method, "/v1.41" + path)
        resp = conn.getresponse()
        data = resp.read()
        if resp.status >= 300:
            raise RuntimeError(f"{method} {path}: {resp.status} {data[:300]!r}")
        return data
    finally:
        conn.close()


def demux(data):
    """Docker's multiplexed log stream (no TTY): 8-byte headers, payload."""
    out, i = [], 0
    while i + 8 <= len(data):
        size = int.from_bytes(data[i + 4:i + 8], "big")
        out.append(data[i + 8:i + 8 + size])
        i += 8 + size
    return b"".join(out).decode("utf-8", "replace")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK  # utime, stime (fields 14, 15)


def dockerd_pid():
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                with open(f"/proc/{p}/comm") as f:
                    if f.read().strip() == "dockerd":
                        return int(p)
            except OSError:
                pass
    return None


def line(i, payload):
    return f"line-{i} {payload}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--wharf-pid", type=int, required=True)
    ap.add_argument("--lines", type=int, default=100000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--poll-ms", type=int, default=50)
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--max-buffer-size", default="", help="awslogs max-buffer-size option (Docker's default 1m when empty)")
    ap.add_argument("--json", required=True)
    ap.add_argument("--markdown", required=True)
    a = ap.parse_args()

    cfg = Config(retries={"max_attempts": 2}, read_timeout=60)
    ecs = boto3.client("ecs", endpoint_url=a.endpoint, config=cfg)
    logs = boto3.client("logs", endpoint_url=a.endpoint, config=cfg)
    group = "/bench/logs"
    payload = "payload-abcdefghijklmnopqrstuvwxyz-0123456789-ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # ~85-byte lines
    script = ("while [ ! -f /tmp/go ]; do sleep 0.05; done; "
              f"awk 'BEGIN {{ for (i = 1; i <= {a.lines}; i++) printf \"line-%d {payload}\\n\", i }}'; "
              "sleep 3600")
    ecs.register_task_definition(family="bench-logs", containerDefinitions=[{
        "name": "printer", "image": "wharf/busybox:latest", "essential": True, "memory": 64,
        "command": ["sh", "-c", script],
        "logConfiguration": {"logDriver": "awslogs", "options": {
            "awslogs-group": group, "awslogs-region": "us-east-1", "awslogs-stream-prefix": "bench",
            "awslogs-create-group": "true", "mode": "blocking",
            **({"max-buffer-size": a.max_buffer_size} if a.max_buffer_size else {})}}}])
    last = line(a.lines, payload)
    dpid = dockerd_pid()
    runs = []
    for r in range(a.runs):
        arn = ecs.run_task(cluster="default", taskDefinition="bench-logs")["tasks"][0]["taskArn"]
        deadline = time.time() + 180
        while True:
            t = ecs.describe_tasks(cluster="default", tasks=[arn])["tasks"][0]
            if t["lastStatus"] == "RUNNING":
                break
            if t["lastStatus"] == "STOPPED" or time.time() > deadline:
                raise SystemExit(f"task {arn} did not run: {t.get('stoppedReason')}")
            time.sleep(0.2)
        cid = t["containers"][0]["runtimeId"]
        stream = f"bench/printer/{arn.rsplit('/', 1)[1]}"
        time.sleep(2)  # let the agent open the stream and start following
        done = {}
        stop = time.time() + a.timeout

        def watch_docker():
            while time.time() < stop:
                text = demux(docker_raw("GET", f"/containers/{cid}/logs?stdout=1&stderr=1&tail=1")).strip()
                if text == last:
                    done["docker"] = time.perf_counter()
                    return
                time.sleep(a.poll_ms / 1000)

        def watch_wharf():
            while time.time() < stop:
                try:
                    ev = logs.get_log_events(logGroupName=group, logStreamName=stream, startFromHead=False, limit=1)["events"]
                except logs.exceptions.ResourceNotFoundException:
                    ev = []
                if ev and ev[-1]["message"] == last:
                    done["wharf"] = time.perf_counter()
                    return
                time.sleep(a.poll_ms / 1000)

        cpu0, dcpu0 = cpu_seconds(a.wharf_pid), (cpu_seconds(dpid) if dpid else None)
        threads = [threading.Thread(target=watch_docker), threading.Thread(target=watch_wharf)]
        t0 = time.perf_counter()
        exe = json.loads(docker_raw_post_exec(cid))
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        cpu1, dcpu1 = cpu_seconds(a.wharf_pid), (cpu_seconds(dpid) if dpid else None)
        if "wharf" not in done or "docker" not in done:
            raise SystemExit(f"run {r + 1}: not all lines within {a.timeout} s: {sorted(done)}")

        # Full read of the stream: every line there, how long reading it all takes.
        r0 = time.perf_counter()
        seen, dup, token, pages = set(), 0, None, 0
        while True:
            kw = dict(logGroupName=group, logStreamName=stream, startFromHead=True, limit=10000)
            if token:
                kw["nextToken"] = token
            page = logs.get_log_events(**kw)
            pages += 1
            for e in page["events"]:
                n = int(e["message"].split(" ", 1)[0][5:])
                dup += n in seen
                seen.add(n)
            if page["nextForwardToken"] == token or not page["events"]:
                break
            token = page["nextForwardToken"]
        read_s = time.perf_counter() - r0
        missing = a.lines - len(seen & set(range(1, a.lines + 1)))
        docker_count = demux(docker_raw("GET", f"/containers/{cid}/logs?stdout=1&stderr=1")).count("\n")
        ecs.stop_task(cluster="default", task=arn, reason="bench run done")
        run = {
            "run": r + 1, "lines": a.lines, "docker_s": done["docker"] - t0, "wharf_s": done["wharf"] - t0,
            "wharf_lines_per_s": a.lines / (done["wharf"] - t0),
            "wharf_cpu_s": cpu1 - cpu0, "wharf_cpu_ms_per_1000_lines": (cpu1 - cpu0) * 1e6 / a.lines,
            "wharf_cpu_share": (cpu1 - cpu0) / (done["wharf"] - t0),
            "dockerd_cpu_s": (dcpu1 - dcpu0) if dpid else None,
            "full_read_s": read_s, "full_read_pages": pages, "stored_distinct": len(seen), "duplicates": dup,
            "missing": missing, "docker_logs_lines": docker_count, "exec_id": exe.get("Id"),
        }
        print(json.dumps(run), file=sys.stderr)
        runs.append(run)

    med = lambda k: statistics.median(x[k] for x in runs)
    ratios = [x["wharf_s"] / x["docker_s"] for x in runs]
    summary = {"runs": runs, "median_wharf_s": med("wharf_s"), "median_docker_s": med("docker_s"),
               "median_wharf_lines_per_s": med("wharf_lines_per_s"),
               "median_ratio_wharf_over_docker": statistics.median(ratios),
               "median_wharf_cpu_ms_per_1000_lines": med("wharf_cpu_ms_per_1000_lines")}
    with open(a.json, "w") as f:
        json.dump(summary, f, indent=1)
    with open(a.markdown, "w") as f:
        f.write(f"{len(runs)} run(s) of {a.lines:,} lines (~{len(last) + 1} bytes each), polled every {a.poll_ms} ms, "
                f"`max-buffer-size` {a.max_buffer_size or '1m (default)'}.\n\n")
        f.write("| run | Docker json-file has all (s) | Wharf has all queryable (s) | Wharf lines/s | Wharf / Docker | wharf process CPU (s) | CPU ms per 1,000 lines | CPU share (cores) | dockerd CPU (s) | stored / missing / duplicates | full read of the stream (s, pages) | `docker logs` lines |\n")
        f.write("|---|---|---|---|---|---|---|---|---|---|---|---|\n")
        for x, ratio in zip(runs, ratios):
            f.write(f"| {x['run']} | {x['docker_s']:.2f} | {x['wharf_s']:.2f} | {x['wharf_lines_per_s']:,.0f} | {ratio:.1f}× | "
                    f"{x['wharf_cpu_s']:.2f} | {x['wharf_cpu_ms_per_1000_lines']:.1f} | {x['wharf_cpu_share']:.2f} | "
                    f"{x['dockerd_cpu_s'] if x['dockerd_cpu_s'] is None else round(x['dockerd_cpu_s'], 2)} | "
                    f"{x['stored_distinct']:,} / {x['missing']} / {x['duplicates']} | {x['full_read_s']:.2f} ({x['full_read_pages']}) | {x['docker_logs_lines']:,} |\n")
        f.write(f"\n**Median: Wharf has all {a.lines:,} lines queryable after {summary['median_wharf_s']:.2f} s "
                f"({summary['median_wharf_lines_per_s']:,.0f} lines/s), Docker's json-file after {summary['median_docker_s']:.2f} s; "
                f"median of the per-run ratios Wharf / Docker {summary['median_ratio_wharf_over_docker']:.1f}×; "
                f"the `wharf up` process spent a median {summary['median_wharf_cpu_ms_per_1000_lines']:.1f} ms of CPU per 1,000 lines.**\n")


def docker_raw_post_exec(cid):
    """`docker exec <cid> touch /tmp/go` through the Engine API: create, then start (detached)."""
    conn = UnixHTTPConnection("/var/run/docker.sock")
    try:
        body = json.dumps({"Cmd": ["touch", "/tmp/go"]})
        conn.request("POST", f"/v1.41/containers/{cid}/exec", body=body, headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        created = json.loads(resp.read())
    finally:
        conn.close()
    conn = UnixHTTPConnection("/var/run/docker.sock")
    try:
        conn.request("POST", f"/v1.41/exec/{created['Id']}/start", body=json.dumps({"Detach": True}),
                     headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        resp.read()
        if resp.status >= 300:
            raise RuntimeError(f"exec start: {resp.status}")
    finally:
        conn.close()
    return json.dumps(created)


if __name__ == "__main__":
    main()
