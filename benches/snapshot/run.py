#!/usr/bin/env python3
"""Published snapshot under change (issue 18, item 2): two `naqsha serve` nodes over one
database holding CASES published cases; memory, request latency and cross-node visibility
while cases are published and withdrawn.

    benches/snapshot/run.py [--cases 100000] [--backend sqlite|postgres] [--changes 3]

NAQSHA_BIN (default target/release/naqsha) is the binary under test; NAQSHA_BENCH_PG (default
postgres://postgres@127.0.0.1:5432/test) is a server whose user may create databases (a fresh
one is made and dropped). Needs curl-free Python 3 only, plus the sqlite3 or psql client.

What it does, and what each figure means:
- seeds: `naqsha demo seed --cases 1000` (the real code path, realistic anonymised text,
  categories and places), then copies those rows in SQL under fresh ids until CASES
  published cases (with their label rows): 100,000 in seconds instead of minutes;
- starts node A and node B (`serve`) on the same database; "ready" is the time until the
  first `/api/v1/cases` answers on both;
- warms `/`, `/stats`, `/api/v1/cases` on both; "steady RSS" after 3 s;
- each publication: a third process (`naqsha demo seed --cases 1`) publishes one case while a
  client asks node A for `/api/v1/cases?limit=1` in a loop; "visible on B" is the time from
  that process's exit (its commit is the last thing it does) until node B's
  `/api/v1/cases?limit=1` `total` shows it; "slowest request on A" is the longest of the
  looping client's requests from the publication until both nodes showed it;
- then each withdrawal: the case is deleted with the publication counter moved in plain SQL, as
  another program would (no notification), so only the periodic check can see it;
- RSS is read 3 s after the last publication and 3 s after the last withdrawal.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024
    return -1


def get(url, timeout=30):
    t = time.monotonic()
    with urllib.request.urlopen(url, timeout=timeout) as r:
        body = r.read()
    return time.monotonic() - t, body


def total(port):
    _, body = get(f"http://127.0.0.1:{port}/api/v1/cases?limit=1")
    return json.loads(body)["total"]


class Db:
    def __init__(self, backend, work):
        self.backend = backend
        if backend == "sqlite":
            self.path = os.path.join(work, "data", "naqsha.db")
            self.url = None
        else:
            admin = os.environ.get("NAQSHA_BENCH_PG", "postgres://postgres@127.0.0.1:5432/test")
            self.admin = admin
            self.name = f"nodes_snapshot_bench_{os.getpid()}"
            subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {self.name}"], check=True)
            self.url = admin.rsplit("/", 1)[0] + "/" + self.name

    def env(self):
        env = dict(os.environ, NAQSHA_LOG="warn")
        if self.url:
            env["NAQSHA_DATABASE_URL"] = self.url
        return env

    def sql(self, script):
        if self.backend == "sqlite":
            out = subprocess.run(["sqlite3", self.path], input=script, capture_output=True,
                                 text=True, check=True)
        else:
            out = subprocess.run(["psql", self.url, "-qAtX", "-v", "ON_ERROR_STOP=1"],
                                 input=script, capture_output=True, text=True, check=True)
        return out.stdout.strip()

    def drop(self):
        if self.backend == "postgres":
            subprocess.run(["psql", self.admin, "-qc",
                            f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)"], check=False)


BUMP = ("INSERT INTO meta (key, value) VALUES ('publication_generation', '1') "
        "ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(meta.value AS BIGINT) + 1 AS TEXT);")


def grow(db, copies):
    """Copies every case `copies` times under fresh random ids, with its label rows."""
    if db.backend == "sqlite":
        new_id = ("lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
                  "substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' "
                  "|| hex(randomblob(6)))")
        series = (f"WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k "
                  f"WHERE n < {copies})")
        temp = "CREATE TEMP TABLE m AS " + series + f" SELECT c.id AS orig, {new_id} AS id FROM cases c, k;"
    else:
        temp = (f"CREATE TEMP TABLE m AS SELECT c.id AS orig, gen_random_uuid()::text AS id "
                f"FROM cases c, generate_series(1, {copies}) k;")
    db.sql(
        "BEGIN;" + temp +
        "INSERT INTO cases (id, submission_id, status, taxonomy_version, labels, place, province, "
        "period, title_en, text_en, title_ur, text_ur, consent, verification, demo, created_at, "
        "updated_at, published_at) SELECT m.id, NULL, status, taxonomy_version, labels, place, "
        "province, period, title_en, text_en, title_ur, text_ur, consent, verification, demo, "
        "created_at, updated_at, published_at FROM m JOIN cases c ON c.id = m.orig;"
        "INSERT INTO case_labels (case_id, dimension, term) SELECT m.id, l.dimension, l.term "
        "FROM m JOIN case_labels l ON l.case_id = m.orig;" + BUMP + "COMMIT;")


def start(bin_, db, work, port, name):
    log = open(os.path.join(work, f"{name}.log"), "w")
    p = subprocess.Popen([bin_, "serve", "--bind", f"127.0.0.1:{port}", "--data-dir",
                          os.path.join(work, "data")], env=db.env(), stdout=log, stderr=log)
    return p


def wait_ready(port, deadline=600):
    t0 = time.monotonic()
    while time.monotonic() - t0 < deadline:
        try:
            get(f"http://127.0.0.1:{port}/api/v1/cases?limit=1", timeout=60)
            return
        except Exception:
            time.sleep(0.05)
    raise RuntimeError(f"node on {port} never answered")


class Hammer(threading.Thread):
    """Asks one URL in a loop and keeps (start time, latency) of every request."""

    def __init__(self, url):
        super().__init__(daemon=True)
        self.url, self.samples, self.stop = url, [], False

    def run(self):
        while not self.stop:
            t = time.monotonic()
            try:
                dt, _ = get(self.url)
            except Exception:
                dt = float("inf")
            self.samples.append((t, dt))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100000)
    ap.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--changes", type=int, default=3)
    args = ap.parse_args()
    bin_ = os.environ.get("NAQSHA_BIN", os.path.join(ROOT, "target/release/naqsha"))
    work = tempfile.mkdtemp(prefix="naqsha-snapshot-")
    db = Db(args.backend, work)
    nodes = []
    try:
        base = min(1000, args.cases)
        t = time.monotonic()
        subprocess.run([bin_, "demo", "seed", "--cases", str(base), "--data-dir",
                        os.path.join(work, "data")], env=db.env(), check=True,
                       stdout=subprocess.DEVNULL)
        if args.cases > base:
            grow(db, args.cases // base - 1)
        n = int(db.sql("SELECT COUNT(*) FROM cases WHERE status = 'published'"))
        print(f"seeded {n} published cases in {time.monotonic() - t:.1f} s", file=sys.stderr)

        t = time.monotonic()
        a = start(bin_, db, work, 18280, "a")
        b = start(bin_, db, work, 18281, "b")
        nodes = [a, b]
        wait_ready(18280)
        wait_ready(18281)
        ready = time.monotonic() - t
        for port in (18280, 18281):
            for path in ("/", "/stats", "/api/v1/cases"):
                get(f"http://127.0.0.1:{port}{path}")
        time.sleep(3)
        steady = (rss_mib(a.pid), rss_mib(b.pid))

        rows = []
        after_publications = None
        for i in range(args.changes * 2):
            publish = i < args.changes
            if i == args.changes:
                time.sleep(3)
                after_publications = (rss_mib(a.pid), rss_mib(b.pid))
            before = total(18281)
            hammer = Hammer("http://127.0.0.1:18280/api/v1/cases?limit=1")
            hammer.start()
            time.sleep(0.3)
            if publish:
                subprocess.run([bin_, "demo", "seed", "--cases", "1", "--seed", str(100 + i),
                                "--data-dir", os.path.join(work, "data")], env=db.env(),
                               check=True, stdout=subprocess.DEVNULL)
            else:
                victim = db.sql("SELECT id FROM cases WHERE status = 'published' ORDER BY id LIMIT 1")
                db.sql(f"BEGIN; DELETE FROM case_labels WHERE case_id = '{victim}'; "
                       f"DELETE FROM cases WHERE id = '{victim}'; {BUMP} COMMIT;")
            t0 = time.monotonic()
            want = before + (1 if publish else -1)
            seen = {}
            while len(seen) < 2 and time.monotonic() - t0 < 60:
                for port in (18280, 18281):
                    if port not in seen and total(port) == want:
                        seen[port] = time.monotonic() - t0
                time.sleep(0.01)
            time.sleep(0.2)
            hammer.stop = True
            hammer.join()
            during = [dt for (s, dt) in hammer.samples if s >= t0 - 0.05]
            rows.append(("publication (other process)" if publish else
                         "withdrawal (plain SQL, no notification)",
                         seen.get(18280), seen.get(18281), max(during) if during else None,
                         len(during)))
        time.sleep(3)
        after = (rss_mib(a.pid), rss_mib(b.pid))

        ms = lambda s: "never" if s is None else f"{s * 1000:.0f} ms"
        print(f"### {args.backend}, {n} published cases, binary {bin_}")
        print()
        print(f"ready (both nodes answer /api/v1/cases): {ready:.1f} s; "
              f"steady RSS A {steady[0]} MiB, B {steady[1]} MiB; "
              f"after {args.changes} publications: A {after_publications[0]} MiB, "
              f"B {after_publications[1]} MiB; after {args.changes} withdrawals too: "
              f"A {after[0]} MiB, B {after[1]} MiB")
        print()
        print("| change | visible on A | visible on B | slowest request on A meanwhile | requests |")
        print("| --- | --- | --- | --- | --- |")
        for label, sa, sb, slow, count in rows:
            print(f"| {label} | {ms(sa)} | {ms(sb)} | {ms(slow)} | {count} |")
    finally:
        for p in nodes:
            p.terminate()
            p.wait()
        db.drop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
