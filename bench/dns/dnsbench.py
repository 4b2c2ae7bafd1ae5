#!/usr/bin/env python3
"""Runs dnsperf against each target in alternating rounds; prints a Markdown section, writes JSON.

Per round and target: one unpaced throughput run (dnsperf -c CLIENTS -l SECONDS) with the server
process's CPU seconds, and one paced latency run (dnsperf -v -Q PACED_QPS -l SECONDS) whose
per-query latencies give p50/p90/p99/p99.9.
"""
import argparse
import json
import os
import re
import statistics
import subprocess


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        parts = f.read().rsplit(")", 1)[1].split()
    return (int(parts[11]) + int(parts[12])) / os.sysconf("SC_CLK_TCK")


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0


def num(pattern, text):
    m = re.search(pattern, text)
    return float(m.group(1)) if m else None


def pct(values, p):
    s = sorted(values)
    if not s:
        return None
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1))
    return s[k]


def throughput(port, pid, queries, seconds, clients):
    before = cpu_seconds(pid)
    out = subprocess.run(["dnsperf", "-s", "127.0.0.1", "-p", str(port), "-d", queries, "-c", str(clients),
                          "-l", str(seconds)], capture_output=True, text=True, check=True).stdout
    cpu = cpu_seconds(pid) - before
    return {
        "qps": num(r"Queries per second:\s+([\d.]+)", out),
        "completed": num(r"Queries completed:\s+(\d+)", out),
        "lost": num(r"Queries lost:\s+(\d+)", out),
        "avgLatencyMs": (num(r"Average Latency \(s\):\s+([\d.]+)", out) or 0) * 1000,
        "noerror": num(r"NOERROR (\d+)", out),
        "cpuSeconds": round(cpu, 2),
        "rssMiB": round(rss_mib(pid), 1),
        "raw": out,
    }


def latency(port, queries, seconds, qps, clients, workdir, name):
    path = os.path.join(workdir, f"verbose-{name}.txt")
    with open(path, "w") as f:
        subprocess.run(["dnsperf", "-s", "127.0.0.1", "-p", str(port), "-d", queries, "-c", str(clients),
                        "-l", str(seconds), "-Q", str(qps), "-v"], stdout=f, stderr=subprocess.DEVNULL, check=True)
    lat, rcodes = [], {}
    with open(path) as f:
        for line in f:
            # "> NOERROR i00001.svc000.bench.internal A 0.000254"
            if line.startswith("> "):
                parts = line.split()
                rcodes[parts[1]] = rcodes.get(parts[1], 0) + 1
                try:
                    lat.append(float(parts[-1]) * 1000)
                except ValueError:
                    pass
    os.remove(path)
    return {"count": len(lat), "rcodes": rcodes, "p50Ms": pct(lat, 50), "p90Ms": pct(lat, 90),
            "p99Ms": pct(lat, 99), "p999Ms": pct(lat, 99.9), "maxMs": max(lat) if lat else None}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--queries", required=True)
    ap.add_argument("--target", action="append", required=True, help="name=port:pid")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--paced-qps", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--json", required=True)
    args = ap.parse_args()
    targets = []
    for t in args.target:
        name, rest = t.split("=", 1)
        port, pid = rest.split(":")
        targets.append((name, int(port), int(pid)))

    rounds = []
    for r in range(args.rounds):
        for name, port, pid in targets:
            tp = throughput(port, pid, args.queries, args.seconds, args.clients)
            lt = latency(port, args.queries, args.seconds, args.paced_qps, args.clients, args.workdir, name)
            load = open("/proc/loadavg").read().split()[0]
            rounds.append({"round": r + 1, "target": name, "throughput": tp, "latency": lt, "load1": float(load)})
            print(f"round {r + 1} {name}: {tp['qps']:.0f} q/s, lost {tp['lost']:.0f}, p99 {lt['p99Ms']} ms, load {load}",
                  file=__import__("sys").stderr, flush=True)

    with open(args.json, "w") as f:
        json.dump({"rounds": [{**x, "throughput": {k: v for k, v in x["throughput"].items() if k != "raw"}} for x in rounds],
                   "dnsperfOutput": {x["target"]: x["throughput"]["raw"] for x in rounds}}, f, indent=1)

    print("| round | server | queries/s (unpaced) | lost | avg latency (unpaced) | server CPU s | p50 / p90 / p99 / p99.9 at "
          f"{args.paced_qps:,} q/s | answers | load1 |")
    print("|---:|---|---:|---:|---:|---:|---|---|---:|")
    for x in rounds:
        tp, lt = x["throughput"], x["latency"]
        answers = ", ".join(f"{k} {v:,}" for k, v in sorted(lt["rcodes"].items()))
        print(f"| {x['round']} | {x['target']} | {tp['qps']:,.0f} | {tp['lost']:,.0f} | {tp['avgLatencyMs']:.2f} ms | {tp['cpuSeconds']:.1f} "
              f"| {lt['p50Ms']:.3f} / {lt['p90Ms']:.3f} / {lt['p99Ms']:.3f} / {lt['p999Ms']:.3f} ms | {answers} | {x['load1']:.1f} |")
    print()
    names = [t[0] for t in targets]
    med = {n: statistics.median(x["throughput"]["qps"] for x in rounds if x["target"] == n) for n in names}
    p99 = {n: statistics.median(x["latency"]["p99Ms"] for x in rounds if x["target"] == n) for n in names}
    p50 = {n: statistics.median(x["latency"]["p50Ms"] for x in rounds if x["target"] == n) for n in names}
    cpu_per_kq = {n: statistics.median(x["throughput"]["cpuSeconds"] / x["throughput"]["completed"] * 1e6
                                       for x in rounds if x["target"] == n) for n in names}
    a, b = names[0], names[1]
    print(f"**Median over rounds: {a} {med[a]:,.0f} queries/s, {b} {med[b]:,.0f} queries/s: "
          f"{a} / {b} = {med[a] / med[b]:.2f}.** Paced latency p50 {p50[a]:.3f} vs {p50[b]:.3f} ms, "
          f"p99 {p99[a]:.3f} vs {p99[b]:.3f} ms ({a} / {b} p99 = {p99[a] / p99[b]:.1f}). "
          f"Server CPU per query: {cpu_per_kq[a]:.1f} µs vs {cpu_per_kq[b]:.1f} µs.")
    pairs = [(x["throughput"]["qps"], y["throughput"]["qps"]) for x in rounds if x["target"] == a
             for y in rounds if y["target"] == b and y["round"] == x["round"]]
    ratios = [p / q for p, q in pairs]
    cpu_ratios = [(x["throughput"]["cpuSeconds"] / x["throughput"]["completed"]) / (y["throughput"]["cpuSeconds"] / y["throughput"]["completed"])
                  for x in rounds if x["target"] == a for y in rounds if y["target"] == b and y["round"] == x["round"]]
    print()
    print(f"Paired by round (the two runs of a round are back to back, so they share the machine's load): {a} / {b} "
          f"queries/s = {', '.join(f'{r:.2f}' for r in ratios)}; **median of the per-round ratios {statistics.median(ratios):.2f}**. "
          f"Server CPU per query, {a} / {b}: {', '.join(f'{r:.1f}' for r in cpu_ratios)} (median {statistics.median(cpu_ratios):.1f}×); "
          "CPU per query depends less on the other load on the machine than queries/s does.")
    print()
    print(f"Memory (RSS) at the end of the last unpaced run: " +
          ", ".join(f"{x['target']} {x['throughput']['rssMiB']:,.0f} MiB" for x in rounds[-len(targets):]) +
          " (Wharf's is the whole `wharf server` process: API, store, controllers and DNS).")


if __name__ == "__main__":
    main()
