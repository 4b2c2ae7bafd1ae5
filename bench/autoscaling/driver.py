#!/usr/bin/env python3
"""Time from the start of a CPU load to the first scale-out activity of a target-tracking policy.

Each run: a service (desiredCount 1) of a task whose container reserves 16 CPU units and blocks
reading a FIFO (no CPU) until told to start burning CPU; a scalable target (min 1, max 3) and an
ECSServiceAverageCPUUtilization target-tracking policy with target 50. Once the policy's high
alarm is OK (stats are flowing and the service is below target), the driver writes to the FIFO with
`docker exec` (t0: load start) and polls every --poll-ms:
  describe-scaling-activities  until the first "Setting desired count to N." (N > 1): client-seen
                               time, and the activity's own StartTime;
  describe-alarms              when the high alarm went to ALARM;
  describe-services            when runningCount reached 2 (the scale-out carried out).
Then the target is deregistered and the service deleted.
"""
import argparse
import json
import statistics
import subprocess
import sys
import time

import boto3
from botocore.config import Config

BURN = ("mkfifo /tmp/go; read x < /tmp/go; "
        "while :; do i=0; while [ $i -lt 3000 ]; do i=$((i+1)); done; sleep 0.5; done")
DIM = "ecs:service:DesiredCount"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--poll-ms", type=int, default=250)
    ap.add_argument("--timeout", type=float, default=240)
    ap.add_argument("--json", required=True)
    ap.add_argument("--markdown", required=True)
    a = ap.parse_args()
    cfg = Config(retries={"max_attempts": 3})
    ecs = boto3.client("ecs", endpoint_url=a.endpoint, config=cfg)
    aas = boto3.client("application-autoscaling", endpoint_url=a.endpoint, config=cfg)
    cw = boto3.client("cloudwatch", endpoint_url=a.endpoint, config=cfg)
    ecs.register_task_definition(family="bench-burn", containerDefinitions=[{
        "name": "app", "image": "wharf/busybox:latest", "essential": True, "cpu": 16, "memory": 32,
        "command": ["sh", "-c", BURN]}])
    runs = []
    for r in range(1, a.runs + 1):
        svc = f"bench-burn-{r}"
        rid = f"service/default/{svc}"
        ecs.create_service(cluster="default", serviceName=svc, taskDefinition="bench-burn", desiredCount=1)
        try:
            deadline = time.time() + 120
            while True:
                arns = ecs.list_tasks(cluster="default", serviceName=svc, desiredStatus="RUNNING")["taskArns"]
                tasks = ecs.describe_tasks(cluster="default", tasks=arns)["tasks"] if arns else []
                running = [t for t in tasks if t["lastStatus"] == "RUNNING"]
                if running:
                    break
                if time.time() > deadline:
                    raise SystemExit(f"{svc}: no RUNNING task in 120 s")
                time.sleep(0.5)
            cid = running[0]["containers"][0]["runtimeId"]
            aas.register_scalable_target(ServiceNamespace="ecs", ScalableDimension=DIM, ResourceId=rid, MinCapacity=1, MaxCapacity=3)
            pol = aas.put_scaling_policy(
                ServiceNamespace="ecs", ScalableDimension=DIM, ResourceId=rid, PolicyName="cpu50", PolicyType="TargetTrackingScaling",
                TargetTrackingScalingPolicyConfiguration={
                    "TargetValue": 50.0, "ScaleOutCooldown": 15, "ScaleInCooldown": 15,
                    "PredefinedMetricSpecification": {"PredefinedMetricType": "ECSServiceAverageCPUUtilization"}})
            high = next(x["AlarmName"] for x in pol["Alarms"] if "-AlarmHigh-" in x["AlarmName"])
            deadline = time.time() + 120
            while cw.describe_alarms(AlarmNames=[high])["MetricAlarms"][0]["StateValue"] != "OK":
                if time.time() > deadline:
                    raise SystemExit(f"{svc}: the high alarm was not OK within 120 s (idle service above target?)")
                time.sleep(1)

            t0 = time.time()
            subprocess.run(["docker", "exec", cid, "sh", "-c", "echo go > /tmp/go"], check=True, timeout=60)
            t_exec = time.time() - t0
            alarm_s = activity_s = activity_start_s = running2_s = None
            desc = cause = None
            while time.time() - t0 < a.timeout and (activity_s is None or running2_s is None):
                now = time.time()
                if alarm_s is None and cw.describe_alarms(AlarmNames=[high])["MetricAlarms"][0]["StateValue"] == "ALARM":
                    alarm_s = now - t0
                if activity_s is None:
                    acts = aas.describe_scaling_activities(ServiceNamespace="ecs", ResourceId=rid, ScalableDimension=DIM)["ScalingActivities"]
                    outs = [x for x in acts if x["Description"].startswith("Setting desired count to ")
                            and int(x["Description"].rsplit(" ", 1)[1].rstrip(".")) > 1]
                    if outs:
                        first = min(outs, key=lambda x: x["StartTime"])
                        activity_s = now - t0
                        activity_start_s = first["StartTime"].timestamp() - t0
                        desc, cause = first["Description"], first["Cause"]
                if running2_s is None and ecs.describe_services(cluster="default", services=[svc])["services"][0]["runningCount"] >= 2:
                    running2_s = now - t0
                time.sleep(a.poll_ms / 1000)
            run = {"run": r, "service": svc, "exec_s": t_exec, "alarm_s": alarm_s, "activity_seen_s": activity_s,
                   "activity_start_s": activity_start_s, "running2_s": running2_s, "description": desc, "cause": cause}
            print(json.dumps(run), file=sys.stderr)
            runs.append(run)
            if activity_s is None:
                raise SystemExit(f"{svc}: no scale-out activity within {a.timeout} s")
        finally:
            try:
                aas.deregister_scalable_target(ServiceNamespace="ecs", ScalableDimension=DIM, ResourceId=rid)
            except Exception as e:  # noqa: BLE001 - cleanup goes on
                print(f"deregister {rid}: {e}", file=sys.stderr)
            ecs.delete_service(cluster="default", service=svc, force=True)

    med = lambda k: statistics.median(x[k] for x in runs if x[k] is not None)
    summary = {"runs": runs, "median_activity_start_s": med("activity_start_s"), "median_activity_seen_s": med("activity_seen_s")}
    with open(a.json, "w") as f:
        json.dump(summary, f, indent=1, default=str)
    fmt = lambda v: "—" if v is None else f"{v:.1f}"
    with open(a.markdown, "w") as f:
        f.write(f"{len(runs)} run(s), polled every {a.poll_ms} ms; all times in seconds from the load start (t0).\n\n")
        f.write("| run | high alarm ALARM seen | first scale-out activity: StartTime | first scale-out activity seen | runningCount ≥ 2 seen | activity |\n")
        f.write("|---|---|---|---|---|---|\n")
        for x in runs:
            f.write(f"| {x['run']} | {fmt(x['alarm_s'])} | {fmt(x['activity_start_s'])} | {fmt(x['activity_seen_s'])} | {fmt(x['running2_s'])} | "
                    f"{x['description']} cause `{x['cause']}` |\n")
        f.write(f"\n**Median load start → first scale-out activity: {summary['median_activity_start_s']:.1f} s "
                f"(activity StartTime), {summary['median_activity_seen_s']:.1f} s as describe-scaling-activities showed it.**\n")


if __name__ == "__main__":
    main()
