#!/usr/bin/env python3
"""Sign-in flood: does /healthz stay fast while made-up names hammer /admin/login?

Runs the release binary on loopback (a fresh, initialised data dir), measures /healthz from
127.0.1.1 (another /24, so another network for the rate limits) while the server is quiet,
then while N loops post sign-ins with made-up names for S seconds: from 127.0.0.1 (one
network, the measured problem of issue 12) or, with --spread, each loop from its own /24
(127.0.10.1, 127.0.11.1, ...: many networks, so the per-network limit does not stop them and
the hashing gate has to). Prints /healthz median, p99 and max before and during the flood,
the sign-in answers by status, and the server's peak memory.

Loopback only; every loop stops at its deadline; the server and its data dir are removed.
Usage: benches/abuse/signin_flood.py [--bin target/release/naqsha] [--seconds 30]
       [--loops 16] [--spread]
"""

import argparse
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

PROBE_SOURCE = "127.0.1.1"
PROBE_EVERY = 0.05


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def connection(port, source):
    return http.client.HTTPConnection("127.0.0.1", port, timeout=120, source_address=(source, 0))


def healthz_probe(port, until, out):
    """GET /healthz every PROBE_EVERY seconds until `until`; latencies in ms into `out`."""
    conn = connection(port, PROBE_SOURCE)
    while time.monotonic() < until:
        t = time.perf_counter()
        try:
            conn.request("GET", "/healthz")
            r = conn.getresponse()
            r.read()
            ok = r.status == 200
        except OSError:
            conn.close()
            conn = connection(port, PROBE_SOURCE)
            ok = False
        dt = (time.perf_counter() - t) * 1000
        out.append(dt if ok else float("inf"))
        time.sleep(max(0.0, PROBE_EVERY - dt / 1000))
    conn.close()


def signin_loop(port, source, loop, until, counts, lock):
    """Posts sign-ins with made-up names from `source` until `until`."""
    conn = connection(port, source)
    conn.request("GET", "/admin/login")
    r = conn.getresponse()
    page = r.read().decode()
    cookie = next(
        v.split(";")[0] for k, v in r.getheaders() if k.lower() == "set-cookie" and "signin=" in v
    )
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    n = 0
    while time.monotonic() < until:
        body = urllib.parse.urlencode(
            {"csrf": csrf, "username": f"made-up-{loop}-{n}", "password": "guess"}
        )
        try:
            conn.request(
                "POST",
                "/admin/login",
                body,
                {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
            )
            r = conn.getresponse()
            r.read()
            status = r.status
        except OSError:
            conn.close()
            conn = connection(port, source)
            status = "error"
        with lock:
            counts[status] = counts.get(status, 0) + 1
        n += 1
    conn.close()


def summary(label, ms):
    done = sorted(x for x in ms if x != float("inf"))
    failed = len(ms) - len(done)
    if not done:
        return f"{label}: no answer ({failed} failed)"
    p99 = done[min(len(done) - 1, int(len(done) * 0.99))]
    return (
        f"{label}: median {statistics.median(done):.1f} ms, p99 {p99:.1f} ms, "
        f"max {done[-1]:.1f} ms ({len(done)} probes{f', {failed} failed' if failed else ''})"
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.environ.get("NAQSHA_BIN", "target/release/naqsha"))
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--loops", type=int, default=16)
    ap.add_argument("--spread", action="store_true", help="each loop from its own /24")
    args = ap.parse_args()

    env = {k: v for k, v in os.environ.items() if not k.startswith("NAQSHA_")}
    env["NAQSHA_LOG"] = "warn"
    data = tempfile.mkdtemp(prefix="naqsha-signin-flood-")
    port = free_port()
    server = None
    try:
        subprocess.run(
            [args.bin, "--data-dir", data, "init"], env=env, check=True, stdout=subprocess.DEVNULL
        )
        server = subprocess.Popen(
            [args.bin, "--data-dir", data, "serve", "--bind", f"127.0.0.1:{port}"],
            env=env,
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                c.request("GET", "/healthz")
                if c.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            sys.exit("the server did not start")

        quiet = []
        healthz_probe(port, time.monotonic() + 5, quiet)

        until = time.monotonic() + args.seconds
        counts, lock = {}, threading.Lock()
        during = []
        sources = [
            f"127.0.{10 + i}.1" if args.spread else "127.0.0.1" for i in range(args.loops)
        ]
        threads = [
            threading.Thread(target=signin_loop, args=(port, src, i, until, counts, lock))
            for i, src in enumerate(sources)
        ]
        started = time.monotonic()
        for t in threads:
            t.start()
        healthz_probe(port, until, during)
        for t in threads:
            t.join()
        took = time.monotonic() - started
        with open(f"/proc/{server.pid}/status") as f:
            peak = next(l.split(":")[1].strip() for l in f if l.startswith("VmHWM"))

        where = f"{args.loops} networks" if args.spread else "one network (127.0.0.1)"
        total = sum(counts.values())
        print(f"binary: {args.bin}")
        print(summary("/healthz quiet", quiet))
        print(summary(f"/healthz during {args.loops} sign-in loops from {where}", during))
        answers = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items(), key=str))
        print(f"sign-ins: {total} in {took:.1f} s ({total / took:.1f}/s); {answers}")
        print(f"server peak RSS: {peak}")
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
