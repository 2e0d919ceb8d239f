#!/usr/bin/env python3
"""Load on `thaidoc serve` over loopback (scripts/benchmark.sh, scenario serve-200-concurrent).

Starts `THAIDOC serve --port 0` (it prints the port), sends one warm-up render (a running
service has its fonts loaded), then REQUESTS renders of DOCUMENT at once from REQUESTS threads
(one connection each, all released together), and prints the errors (any answer but 200 with a
PDF, or no answer), the throughput and the p50/p95/p99/max latency. Stops the server with
SIGTERM and checks that it exits 0. Exit status: 0 when every request succeeded.

  scripts/serve_load.py build/thaidoc data/memo/taneun-ita-results.yaml --requests 200
"""
import argparse
import http.client
import re
import signal
import subprocess
import sys
import threading
import time


def percentile(values, p):
    """The p-th percentile (nearest rank) of the sorted list `values`."""
    if not values:
        return float("nan")
    k = max(0, min(len(values) - 1, int(round(p / 100.0 * len(values) + 0.5)) - 1))
    return values[k]


def render(port, body, timeout):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", "/render", body=body, headers={"Content-Type": "application/yaml"})
        res = conn.getresponse()
        data = res.read()
        return res.status, data
    finally:
        conn.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("thaidoc")
    ap.add_argument("document")
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--workers", type=int, default=0, help="the server's --workers (0: its default)")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds a client waits for its answer")
    ap.add_argument("--counts", help="write 'PAGES DOCUMENTS' of the successful renders here")
    args = ap.parse_args()

    body = open(args.document, "rb").read()
    cmd = [args.thaidoc, "serve", "--port", "0", "--time-limit", str(args.timeout)]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    server = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    first = server.stderr.readline().decode()
    m = re.search(r"serving on http://127\.0\.0\.1:(\d+)/", first)
    if not m:
        print("serve_load: the server did not start: " + first, file=sys.stderr)
        server.kill()
        return 1
    port = int(m.group(1))
    # The access log goes on standard error: read it away so the server never blocks on it.
    log_lines = []
    drain = threading.Thread(target=lambda: log_lines.extend(server.stderr), daemon=True)
    drain.start()

    status, pdf = render(port, body, args.timeout)
    if status != 200:
        print(f"serve_load: the warm-up render failed: {status} {pdf[:300]!r}", file=sys.stderr)
        server.kill()
        return 1
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))

    n = args.requests
    results = [None] * n
    start_gate = threading.Barrier(n + 1)

    def client(i):
        start_gate.wait()
        t0 = time.perf_counter()
        try:
            st, data = render(port, body, args.timeout)
            ok = st == 200 and data.startswith(b"%PDF-") and data == pdf
            results[i] = (ok, time.perf_counter() - t0, f"{st}" if not ok else "")
        except Exception as e:  # no answer: counted as an error
            results[i] = (False, time.perf_counter() - t0, type(e).__name__ + ": " + str(e))

    threads = [threading.Thread(target=client, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    start_gate.wait()
    t_start = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t_start

    peak_kb = "?"
    try:
        with open(f"/proc/{server.pid}/status") as f:
            peak_kb = next((line.split()[1] for line in f if line.startswith("VmHWM:")), "?")
    except OSError:
        pass
    server.send_signal(signal.SIGTERM)
    try:
        code = server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()
        code = "killed after 60 s"
    drain.join(timeout=5)

    errors = [r for r in results if not r[0]]
    latencies = sorted(r[1] * 1000 for r in results if r[0])
    ok = n - len(errors)
    print(f"serve-200-concurrent: {n} concurrent renders of {args.document} ({len(pdf)} bytes, {pages} pages each), "
          f"{ok} ok, {len(errors)} errors, {wall:.2f} s, {ok / wall:.1f} renders/s; latency ms "
          f"p50 {percentile(latencies, 50):.0f}, p95 {percentile(latencies, 95):.0f}, "
          f"p99 {percentile(latencies, 99):.0f}, max {latencies[-1] if latencies else float('nan'):.0f}; "
          f"server peak RSS {int(peak_kb) // 1024 if peak_kb.isdigit() else '?'} MB, exit {code}")
    for kind in sorted({e[2] for e in errors})[:5]:
        print(f"  error: {kind} ({sum(1 for e in errors if e[2] == kind)}x)")
    if args.counts:
        with open(args.counts, "w") as f:
            f.write(f"{pages * ok} {ok}\n")
    return 0 if not errors and code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
