#!/usr/bin/env python3
"""Replacement of a killed service task by Wharf, next to Docker's own `--restart always`.

Each iteration, in a shuffled order:
  wharf   a service (desiredCount 1) of the walkthrough web task definition; the main process of
          its container is killed with SIGKILL from the host (`kill -9 <pid>`); DescribeTasks is
          polled every --poll-ms until another task of the service is RUNNING.
  docker  `docker run -d --restart always` of the same image (same env, memory, cpu shares, port
          80 on a dynamic host port); its main process is killed the same way; the Engine API is
          polled every --poll-ms (in-process over the unix socket) until the container runs again
          with a new pid.
`docker kill` is not used: Docker treats it as a manual stop and a restart=always container
stays exited (checked by the run script). Between iterations both have been running at least
--settle seconds (Docker resets its restart back-off after 10 s of running).
"""
import argparse
import http.client
import json
import os
import random
import signal
import socket
import statistics
import sys
import time
import urllib.parse

import boto3
from botocore.config import Config


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path):
        super().__init__("localhost")
        self._path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self._path)


def docker(method, path, body=None):
    conn = UnixHTTPConnection("/var/run/docker.sock")
    try:
        conn.request(method, "/v1.41" + path, body=json.dumps(body) if body is not None else None,
                     headers={"Content-Type": "application/json"} if body is not None else {})
        resp = conn.getresponse()
        data = resp.read()
        if resp.status >= 300:
            raise RuntimeError(f"{method} {path}: {resp.status} {data[:300]!r}")
        return json.loads(data) if data else None
    finally:
        conn.close()


def pct(values, p):
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1))
    return s[k]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--taskdef", required=True)
    ap.add_argument("--iterations", type=int, default=10)
    ap.add_argument("--poll-ms", type=int, default=20)
    ap.add_argument("--settle", type=float, default=11)
    ap.add_argument("--run-label", required=True)
    ap.add_argument("--json", required=True)
    ap.add_argument("--markdown", required=True)
    args = ap.parse_args()
    poll = args.poll_ms / 1000.0

    ecs = boto3.client("ecs", endpoint_url=args.endpoint, config=Config(retries={"max_attempts": 5, "mode": "standard"}))
    td = json.load(open(args.taskdef))
    td["family"] = "bench-replacement-web"
    arn = ecs.register_task_definition(**td)["taskDefinition"]["taskDefinitionArn"]
    ecs.create_service(cluster="default", serviceName="bench-replacement", taskDefinition=arn, desiredCount=1)

    def running_tasks():
        arns = ecs.list_tasks(cluster="default", serviceName="bench-replacement", desiredStatus="RUNNING")["taskArns"]
        if not arns:
            return []
        return [t for t in ecs.describe_tasks(cluster="default", tasks=arns)["tasks"] if t["lastStatus"] == "RUNNING"]

    def wait_wharf_running(exclude, deadline_s=300):
        start = time.time()
        while time.time() - start < deadline_s:
            tasks = [t for t in running_tasks() if t["taskArn"] not in exclude]
            if tasks:
                return tasks[0], time.time()
            time.sleep(poll)
        raise TimeoutError("no RUNNING task")

    # The baseline container, shaped like the agent's.
    c = td["containerDefinitions"][0]
    created = docker("POST", "/containers/create", {
        "Image": c["image"],
        "Env": [f"{e['name']}={e['value']}" for e in c.get("environment", [])],
        "Labels": {**c.get("dockerLabels", {}), "wharf.bench": args.run_label},
        "ExposedPorts": {"80/tcp": {}},
        "HostConfig": {"Memory": c["memory"] * 1024 * 1024, "CpuShares": c["cpu"],
                       "PortBindings": {"80/tcp": [{"HostIp": "", "HostPort": ""}]},
                       "RestartPolicy": {"Name": "always"}},
    })
    baseline = created["Id"]
    docker("POST", f"/containers/{baseline}/start")

    task, _ = wait_wharf_running(set())
    samples = []
    killed = set()
    order = ["wharf", "docker"]
    for i in range(args.iterations):
        time.sleep(args.settle)
        random.shuffle(order)
        for method in order:
            if method == "wharf":
                container = docker("GET", "/containers/json?filters=" + urllib.parse.quote(json.dumps(
                    {"label": [f"com.amazonaws.ecs.task-arn={task['taskArn']}"]})))[0]
                pid = docker("GET", f"/containers/{container['Id']}/json")["State"]["Pid"]
                t0 = time.time()
                os.kill(pid, signal.SIGKILL)
                killed.add(task["taskArn"])
                new, t1 = wait_wharf_running(killed)
                old = ecs.describe_tasks(cluster="default", tasks=[task["taskArn"]])["tasks"][0]
                sample = {"iteration": i + 1, "method": "wharf", "seconds": t1 - t0,
                          "oldStoppedAt": old.get("executionStoppedAt", old.get("stoppedAt")).timestamp() - t0 if old.get("executionStoppedAt") or old.get("stoppedAt") else None,
                          "newCreatedAt": new["createdAt"].timestamp() - t0,
                          "newStartedAt": new["startedAt"].timestamp() - t0 if new.get("startedAt") else None}
                task = new
            else:
                pid = docker("GET", f"/containers/{baseline}/json")["State"]["Pid"]
                t0 = time.time()
                os.kill(pid, signal.SIGKILL)
                while True:
                    st = docker("GET", f"/containers/{baseline}/json")["State"]
                    if st["Running"] and st["Pid"] not in (0, pid):
                        break
                    time.sleep(poll)
                t1 = time.time()
                sample = {"iteration": i + 1, "method": "docker", "seconds": t1 - t0}
            samples.append(sample)
            print(json.dumps(sample), file=sys.stderr, flush=True)

    docker("DELETE", f"/containers/{baseline}?force=true")
    ecs.update_service(cluster="default", service="bench-replacement", desiredCount=0)

    w = [s["seconds"] for s in samples if s["method"] == "wharf"]
    d = [s["seconds"] for s in samples if s["method"] == "docker"]
    json.dump({"samples": samples}, open(args.json, "w"), indent=1)

    def col(key):
        vals = [s[key] for s in samples if s["method"] == "wharf" and s.get(key) is not None]
        return f"{statistics.median(vals) * 1000:,.0f} ms" if vals else "n/a"

    with open(args.markdown, "w") as f:
        f.write(f"| | median | min | max | n |\n|---|---:|---:|---:|---:|\n")
        f.write(f"| **Wharf**: kill -9 → replacement task RUNNING (DescribeTasks) | **{statistics.median(w) * 1000:,.0f} ms** | {min(w) * 1000:,.0f} ms | {max(w) * 1000:,.0f} ms | {len(w)} |\n")
        f.write(f"| **Docker `--restart always`**: kill -9 → container running again | **{statistics.median(d) * 1000:,.0f} ms** | {min(d) * 1000:,.0f} ms | {max(d) * 1000:,.0f} ms | {len(d)} |\n\n")
        f.write(f"**Ratio of medians, Wharf / Docker: {statistics.median(w) / statistics.median(d):.1f}×.** ")
        f.write(f"Where Wharf's time goes (medians of server-side timestamps, ms resolution, relative to the kill): "
                f"killed task's executionStoppedAt {col('oldStoppedAt')}, replacement createdAt {col('newCreatedAt')}, "
                f"replacement startedAt {col('newStartedAt')} (the container start as the agent reports it); the rest is the agent's report reaching the store and the client's polling (each poll is a ListTasks and a DescribeTasks call).\n\n")
        f.write("| iteration | method | seconds |\n|---:|---|---:|\n")
        for s in samples:
            f.write(f"| {s['iteration']} | {s['method']} | {s['seconds']:.3f} |\n")


if __name__ == "__main__":
    main()
