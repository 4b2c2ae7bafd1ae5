#!/usr/bin/env python3
"""Runs wrk against each target in alternating rounds; prints a Markdown section, writes JSON."""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys


def cpu_seconds(pids):
    total = 0.0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                parts = f.read().rsplit(")", 1)[1].split()
            total += (int(parts[11]) + int(parts[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            pass
    return total


def to_ms(text):
    m = re.match(r"([\d.]+)(us|ms|s)", text)
    v, unit = float(m.group(1)), m.group(2)
    return v / 1000 if unit == "us" else v if unit == "ms" else v * 1000


def run_wrk(url, threads, connections, seconds):
    out = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    res = {"raw": out}
    res["rps"] = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    res["requests"] = int(re.search(r"(\d+) requests in", out).group(1))
    for p in ("50", "90", "99"):
        m = re.search(rf"^\s+{p}(?:\.000)?%\s+(\S+)", out, re.M)
        res[f"p{p}Ms"] = to_ms(m.group(1)) if m else None
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    res["non2xx"] = int(non2xx.group(1)) if non2xx else 0
    errs = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    res["socketErrors"] = sum(int(x) for x in errs.groups()) if errs else 0
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--target", action="append", required=True, help="name=url=pid,pid")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--json", required=True)
    args = ap.parse_args()
    targets = []
    for t in args.target:
        name, url, pids = t.split("=", 2)
        targets.append((name, url, [int(p) for p in pids.split(",") if p]))

    # Warm-up (JIT, connection pools), not recorded.
    for name, url, _ in targets:
        run_wrk(url, args.threads, args.connections, 3)

    rounds = []
    for r in range(args.rounds):
        for name, url, pids in targets:
            before = cpu_seconds(pids)
            res = run_wrk(url, args.threads, args.connections, args.seconds)
            res["proxyCpuSeconds"] = round(cpu_seconds(pids) - before, 1)
            res["load1"] = float(open("/proc/loadavg").read().split()[0])
            res["round"], res["target"] = r + 1, name
            rounds.append(res)
            print(f"round {r + 1} {name}: {res['rps']:.0f} req/s p50 {res['p50Ms']} p99 {res['p99Ms']} non2xx {res['non2xx']} "
                  f"errors {res['socketErrors']}", file=sys.stderr, flush=True)

    with open(args.json, "w") as f:
        json.dump({"rounds": [{k: v for k, v in x.items() if k != "raw"} for x in rounds],
                   "wrkOutput": [x["raw"] for x in rounds]}, f, indent=1)

    print(f"| round | through | requests/s | p50 | p90 | p99 | non-2xx | socket errors | proxy CPU s | load1 |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for x in rounds:
        print(f"| {x['round']} | {x['target']} | {x['rps']:,.0f} | {x['p50Ms']:.2f} ms | {x['p90Ms']:.2f} ms | {x['p99Ms']:.2f} ms "
              f"| {x['non2xx']} | {x['socketErrors']} | {x['proxyCpuSeconds']} | {x['load1']:.1f} |")
    print()
    names = [t[0] for t in targets]
    med = {n: {k: statistics.median(x[k] for x in rounds if x["target"] == n) for k in ("rps", "p50Ms", "p99Ms")} for n in names}
    a, b = names[0], names[1]
    print(f"**Median over rounds: {a} {med[a]['rps']:,.0f} requests/s, {b} {med[b]['rps']:,.0f} requests/s: "
          f"{a} / {b} = {med[a]['rps'] / med[b]['rps']:.2f}.** Latency p50 {med[a]['p50Ms']:.2f} vs {med[b]['p50Ms']:.2f} ms, "
          f"p99 {med[a]['p99Ms']:.2f} vs {med[b]['p99Ms']:.2f} ms.")
    ratios = [x["rps"] / y["rps"] for x in rounds if x["target"] == a for y in rounds if y["target"] == b and y["round"] == x["round"]]
    print()
    print(f"Paired by round (back to back, so they share the machine's load): {a} / {b} requests/s = "
          f"{', '.join(f'{r:.2f}' for r in ratios)}; **median of the per-round ratios {statistics.median(ratios):.2f}**.")
    cpu = [(x["proxyCpuSeconds"] / x["requests"] * 1e6, y["proxyCpuSeconds"] / y["requests"] * 1e6)
           for x in rounds if x["target"] == a for y in rounds if y["target"] == b and y["round"] == x["round"]]
    print(f"Proxy CPU per request, {a} vs {b}: " + ", ".join(f"{p:.0f} vs {q:.0f} µs" for p, q in cpu) +
          f" (median ratio {statistics.median(p / q for p, q in cpu):.1f}×).")
    print()
    for n in names[2:]:
        print(f"For reference, {n}: {med[n]['rps']:,.0f} requests/s, p50 {med[n]['p50Ms']:.2f} ms, p99 {med[n]['p99Ms']:.2f} ms.")


if __name__ == "__main__":
    main()
