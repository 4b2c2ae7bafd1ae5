#!/usr/bin/env python3
"""ECS task RUNNING -> its Cloud Map A record answered by Wharf's DNS, through serviceRegistries.

A service (bridge mode, wharf/web, no container health check: ECS counts such a task healthy once
it runs) registered in a Cloud Map service (A + SRV) is scaled up one task at a time. For each new
task two threads poll from the moment its ARN appears: DescribeTasks every 20 ms until
lastStatus is RUNNING, and Wharf's DNS every 5 ms (raw UDP) for `{task id}.{service}.{namespace}`
until it has an A answer. Prints JSON.
"""
import argparse
import json
import statistics
import sys
import threading
import time

import boto3
from botocore.config import Config

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from probe_register import query  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--dns-port", type=int, required=True)
    ap.add_argument("--count", type=int, default=5)
    args = ap.parse_args()
    cfg = Config(inject_host_prefix=False, retries={"max_attempts": 5, "mode": "standard"})
    sd = boto3.client("servicediscovery", endpoint_url=args.endpoint, config=cfg)
    ecs = boto3.client("ecs", endpoint_url=args.endpoint, config=cfg)
    ec2 = boto3.client("ec2", endpoint_url=args.endpoint, config=cfg)
    ns = "bench-healthy.internal"
    op = sd.create_private_dns_namespace(Name=ns, Vpc=ec2.describe_vpcs()["Vpcs"][0]["VpcId"])["OperationId"]
    ns_id = sd.get_operation(OperationId=op)["Operation"]["Targets"]["NAMESPACE"]
    reg = sd.create_service(Name="web", NamespaceId=ns_id, HealthCheckCustomConfig={"FailureThreshold": 1},
                            DnsConfig={"RoutingPolicy": "MULTIVALUE", "DnsRecords": [{"Type": "A", "TTL": 10}, {"Type": "SRV", "TTL": 10}]})["Service"]
    ecs.register_task_definition(family="bench-healthy", containerDefinitions=[{
        "name": "web", "image": "wharf/web:latest", "essential": True, "memory": 32,
        "portMappings": [{"containerPort": 80, "hostPort": 0}]}])
    ecs.create_service(serviceName="bench-healthy", taskDefinition="bench-healthy", desiredCount=0,
                       serviceRegistries=[{"registryArn": reg["Arn"], "containerName": "web", "containerPort": 80}])
    seen, samples = set(), []
    for n in range(1, args.count + 1):
        ecs.update_service(service="bench-healthy", desiredCount=n)
        arn = None
        while arn is None:
            new = [a for a in ecs.list_tasks(serviceName="bench-healthy")["taskArns"] if a not in seen]
            arn = new[0] if new else None
            time.sleep(0.02)
        seen.add(arn)
        name = f"{arn.rsplit('/', 1)[1]}.web.{ns}"
        marks = {}

        def running():
            while True:
                t = ecs.describe_tasks(tasks=[arn])["tasks"][0]
                if t["lastStatus"] == "RUNNING":
                    marks["running"] = time.time()
                    return
                time.sleep(0.02)

        def answered():
            while not query(args.dns_port, name):
                time.sleep(0.005)
            marks["answered"] = time.time()

        threads = [threading.Thread(target=running), threading.Thread(target=answered)]
        for th in threads:
            th.start()
        for th in threads:
            th.join(180)
        samples.append(marks["answered"] - marks["running"])
        print(f"task {n}: RUNNING -> answered {samples[-1] * 1000:.0f} ms", file=sys.stderr, flush=True)
    ecs.update_service(service="bench-healthy", desiredCount=0)
    print(json.dumps({"count": len(samples), "medianMs": statistics.median(samples) * 1000,
                      "minMs": min(samples) * 1000, "maxMs": max(samples) * 1000,
                      "samplesMs": [round(s * 1000) for s in samples]}))


if __name__ == "__main__":
    main()
