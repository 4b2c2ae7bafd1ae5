#!/usr/bin/env python3
"""Creates the DNS benchmark's records through the Cloud Map API and writes the same names as a
hosts file (for dnsmasq) and a dnsperf query file.

One private DNS namespace, --services services (DnsRecords A + SRV, MULTIVALUE, TTL 60), each
with --per-service instances (AWS_INSTANCE_IPV4 10.x.y.z, AWS_INSTANCE_PORT 80). Cloud Map, and
Wharf, publish an A record at each instance's SRV target name `{instance}.{service}.{namespace}`:
those names (services x per-service of them) are the query set, each answered with one A record.
"""
import argparse
import concurrent.futures
import time

import boto3
from botocore.config import Config


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--namespace", default="bench.internal")
    ap.add_argument("--services", type=int, default=100)
    ap.add_argument("--per-service", type=int, default=100)
    ap.add_argument("--hosts-file", required=True)
    ap.add_argument("--query-file", required=True)
    ap.add_argument("--threads", type=int, default=8)
    args = ap.parse_args()

    cfg = Config(retries={"max_attempts": 10, "mode": "standard"}, max_pool_connections=args.threads + 2,
                 inject_host_prefix=False)
    sd = boto3.client("servicediscovery", endpoint_url=args.endpoint, config=cfg)
    ec2 = boto3.client("ec2", endpoint_url=args.endpoint, config=cfg)
    vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
    op = sd.create_private_dns_namespace(Name=args.namespace, Vpc=vpc)["OperationId"]
    ns_id = sd.get_operation(OperationId=op)["Operation"]["Targets"]["NAMESPACE"]

    started = time.time()
    service_ids = []
    for s in range(args.services):
        svc = sd.create_service(
            Name=f"svc{s:03d}", NamespaceId=ns_id,
            DnsConfig={"RoutingPolicy": "MULTIVALUE",
                       "DnsRecords": [{"Type": "A", "TTL": 60}, {"Type": "SRV", "TTL": 60}]})
        service_ids.append((f"svc{s:03d}", svc["Service"]["Id"]))

    records = []
    for s, (name, _) in enumerate(service_ids):
        for i in range(args.per_service):
            n = s * args.per_service + i
            records.append((s, f"i{n:05d}", f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{(n & 255) or 1}"))

    def register(rec):
        s, instance, ip = rec
        sd.register_instance(ServiceId=service_ids[s][1], InstanceId=instance,
                             Attributes={"AWS_INSTANCE_IPV4": ip, "AWS_INSTANCE_PORT": "80"})

    with concurrent.futures.ThreadPoolExecutor(args.threads) as pool:
        list(pool.map(register, records))
    elapsed = time.time() - started

    with open(args.hosts_file, "w") as hosts, open(args.query_file, "w") as queries:
        for s, instance, ip in records:
            fqdn = f"{instance}.{service_ids[s][0]}.{args.namespace}"
            hosts.write(f"{ip} {fqdn}\n")
            queries.write(f"{fqdn} A\n")
    print(f"{len(records)} instances in {args.services} services registered through Cloud Map in {elapsed:.1f} s "
          f"({len(records) / elapsed:.0f} RegisterInstance/s, {args.threads} threads)")


if __name__ == "__main__":
    main()
