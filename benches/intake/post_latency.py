#!/usr/bin/env python3
"""Intake POST latency: how long the report form's POST takes, one report after another.

Initialises a fresh data dir (SQLite, or a fresh PostgreSQL database with --postgres URL),
starts one `naqsha serve` (or two over the same PostgreSQL database with --nodes 2), then for
each of N reports: GET /report from its own /24 (127.X.Y.1, so the per-network limit never
applies), POST the form back (text only, multipart, as a browser) -- to the other node when
there are two -- and GET the receipt page it redirects to. Prints the POST's and the receipt
GET's median, p90, p99 and max in milliseconds.

Loopback only; the servers, the data dir and the database are removed at the end.
Usage: benches/intake/post_latency.py [--bin target/release/naqsha] [--reports 300]
       [--postgres postgres://postgres@127.0.0.1:5432/test] [--nodes 2]
"""

import argparse
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid


def start(bin_path, data_dir, env):
    proc = subprocess.Popen(
        [bin_path, "serve", "--bind", "127.0.0.1:0", "--data-dir", data_dir],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        m = re.search(r"127\.0\.0\.1:(\d+)", line)
        if m:
            return proc, int(m.group(1))
    proc.kill()
    sys.exit("the server did not print its address")


def multipart(fields):
    boundary = "----naqsha" + uuid.uuid4().hex
    body = b""
    for name, value in fields:
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n"
                 f"{value}\r\n").encode()
    body += f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/naqsha")
    ap.add_argument("--reports", type=int, default=300)
    ap.add_argument("--postgres", help="admin URL of a PostgreSQL server (default: SQLite)")
    ap.add_argument("--nodes", type=int, default=1, choices=[1, 2])
    args = ap.parse_args()
    if args.nodes == 2 and not args.postgres:
        sys.exit("two nodes need --postgres")

    work = tempfile.mkdtemp(prefix="naqsha-post-latency-")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NAQSHA_")}
    env["NAQSHA_LOG"] = "warn"
    db_name = None
    if args.postgres:
        db_name = "naqsha_bench_" + uuid.uuid4().hex[:12]
        subprocess.run(["psql", args.postgres, "-qc", f"CREATE DATABASE {db_name}"], check=True)
        env["NAQSHA_DATABASE_URL"] = args.postgres.rsplit("/", 1)[0] + "/" + db_name
    procs = []
    try:
        data = os.path.join(work, "data")
        subprocess.run([args.bin, "init", "--data-dir", data], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ports = []
        for _ in range(args.nodes):
            proc, port = start(args.bin, data, env)
            procs.append(proc)
            ports.append(port)
        posts, receipts, statuses = [], [], {}
        for n in range(args.reports):
            source = f"127.{10 + n // 250}.{n % 250}.1"
            form_port, post_port = ports[0], ports[-1]
            conn = http.client.HTTPConnection("127.0.0.1", form_port, timeout=60,
                                              source_address=(source, 0))
            conn.request("GET", "/report")
            page = conn.getresponse().read().decode()
            token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)
            if post_port != form_port:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", post_port, timeout=60,
                                                  source_address=(source, 0))
            body, ctype = multipart([("form_token", token),
                                     ("what_happened", f"Report {n}: someone posts my pictures."),
                                     ("consent", "statistics_only")])
            t = time.perf_counter()
            conn.request("POST", "/report", body=body, headers={"Content-Type": ctype})
            r = conn.getresponse()
            r.read()
            posts.append((time.perf_counter() - t) * 1000)
            statuses[r.status] = statuses.get(r.status, 0) + 1
            location = r.getheader("Location")
            if r.status == 303 and location:
                t = time.perf_counter()
                conn.request("GET", location)
                shown = conn.getresponse()
                shown.read()
                receipts.append((time.perf_counter() - t) * 1000)
                statuses[f"receipt {shown.status}"] = statuses.get(f"receipt {shown.status}", 0) + 1
            conn.close()
        backend = "PostgreSQL" if args.postgres else "SQLite"
        print(f"{backend}, {args.nodes} node(s), {args.reports} reports: answers {statuses}")
        for name, values in (("POST /report", posts), ("GET receipt", receipts)):
            if values:
                print(f"{name}: median {statistics.median(values):.2f} ms, "
                      f"p90 {pct(values, 0.9):.2f}, p99 {pct(values, 0.99):.2f}, "
                      f"max {max(values):.2f}")
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait()
        shutil.rmtree(work, ignore_errors=True)
        if db_name:
            subprocess.run(["psql", args.postgres, "-qc",
                            f"DROP DATABASE IF EXISTS {db_name} WITH (FORCE)"], check=False)


if __name__ == "__main__":
    main()
