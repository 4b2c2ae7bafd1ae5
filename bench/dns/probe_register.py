#!/usr/bin/env python3
"""RegisterInstance -> name answered: registers --count more instances one at a time in an
existing service and, from the moment the call returns, asks the DNS server for the instance's
name every --poll-ms (raw UDP queries from this process) until it answers. Prints JSON."""
import argparse
import json
import random
import socket
import statistics
import struct
import time

import boto3
from botocore.config import Config


def query(port, name, timeout=0.2):
    qid = random.randrange(65536)
    packet = struct.pack(">HHHHHH", qid, 0x0100, 1, 0, 0, 0)
    packet += b"".join(bytes([len(p)]) + p.encode() for p in name.rstrip(".").split(".")) + b"\0"
    packet += struct.pack(">HH", 1, 1)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(timeout)
        s.sendto(packet, ("127.0.0.1", port))
        try:
            data, _ = s.recvfrom(4096)
        except socket.timeout:
            return False
    rid, flags, _, ancount = struct.unpack(">HHHH", data[:8])
    return rid == qid and flags & 0xF == 0 and ancount > 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--dns-port", type=int, required=True)
    ap.add_argument("--namespace", default="bench.internal")
    ap.add_argument("--service", default="svc000")
    ap.add_argument("--count", type=int, default=10)
    ap.add_argument("--poll-ms", type=float, default=5)
    args = ap.parse_args()
    sd = boto3.client("servicediscovery", endpoint_url=args.endpoint, config=Config(inject_host_prefix=False))
    service_id = next(s["Id"] for s in sd.list_services()["Services"] if s["Name"] == args.service)
    samples = []
    for i in range(args.count):
        instance = f"probe{i:03d}"
        name = f"{instance}.{args.service}.{args.namespace}"
        sd.register_instance(ServiceId=service_id, InstanceId=instance,
                             Attributes={"AWS_INSTANCE_IPV4": f"10.250.0.{i + 1}", "AWS_INSTANCE_PORT": "80"})
        t0 = time.time()
        while not query(args.dns_port, name):
            if time.time() - t0 > 60:
                raise TimeoutError(name)
            time.sleep(args.poll_ms / 1000)
        samples.append(time.time() - t0)
        time.sleep(0.5)
    print(json.dumps({"count": len(samples), "medianMs": statistics.median(samples) * 1000,
                      "minMs": min(samples) * 1000, "maxMs": max(samples) * 1000,
                      "samplesMs": [round(s * 1000, 1) for s in samples]}))


if __name__ == "__main__":
    main()
