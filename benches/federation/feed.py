#!/usr/bin/env python3
"""The federation feed of 100,000 published cases (issue 22): the time and memory to build
the change log, to serve every page of it, and to bring it up to date after one change.

    benches/federation/feed.py [--cases 100000] [--backend sqlite|postgres]

NAQSHA_BIN (default target/release/naqsha) is the binary under test; NAQSHA_BENCH_PG as for
benches/snapshot/run.py, whose seeding this reuses: `naqsha demo seed --cases 1000` (the real
code path), then those rows copied in SQL under fresh ids up to CASES. Demo cases never enter
the feed, so the seeded cases are marked as not demo first (`UPDATE cases SET demo = 0`).

What each figure means:
- "log built": the first `GET /federation/feed?since=0&limit=5000` after start, which first
  compares the whole snapshot with the empty log and writes every case (on a heavy thread,
  one write transaction); RSS before it and after it, and the peak (VmHWM) of the process;
- "all pages": reading the feed from since=0 to the end, following `cursor` while `more`,
  with `limit` 1000 (the default) and 5000 (the most): total time, pages, items and bytes;
- "one change": one case's title changed in SQL with the publication counter moved; once the
  node's snapshot shows it (`generation` of `/api/v1/cases`), the time of the next
  `GET /federation/feed?since=<head>` (the 100,000 digests drawn and compared again, one row
  written), and the items it returned. Changed by another program without an announcement,
  the node reads its whole snapshot again, so every story is drawn again;
- "one announced publication" (PostgreSQL only): `naqsha demo seed --cases 1` from another
  process, announced with NOTIFY and applied to the snapshot in place; the next feed read
  draws only the new story (a demo one, so it is left out: 0 items).
"""

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
spec = importlib.util.spec_from_file_location(
    "snapshot_bench", os.path.join(ROOT, "benches", "snapshot", "run.py"))
snap = importlib.util.module_from_spec(spec)
spec.loader.exec_module(snap)


def peak_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM"):
                return int(line.split()[1]) // 1024
    return -1


def payload(body):
    return json.loads(json.loads(body)["payload"])


def read_all(port, limit):
    since, pages, items, size = 0, 0, 0, 0
    t = time.monotonic()
    while True:
        _, body = snap.get(f"http://127.0.0.1:{port}/federation/feed?since={since}&limit={limit}",
                           timeout=600)
        page = payload(body)
        pages += 1
        items += len(page["items"])
        size += len(body)
        since = page["cursor"]
        if not page["more"]:
            return time.monotonic() - t, pages, items, size, since


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100000)
    ap.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    args = ap.parse_args()
    bin_ = os.environ.get("NAQSHA_BIN", os.path.join(ROOT, "target/release/naqsha"))
    work = tempfile.mkdtemp(prefix="naqsha-federation-")
    db = snap.Db(args.backend, work)
    node = None
    port = 18290
    try:
        base = min(1000, args.cases)
        subprocess.run([bin_, "demo", "seed", "--cases", str(base), "--data-dir",
                        os.path.join(work, "data")], env=db.env(), check=True,
                       stdout=subprocess.DEVNULL)
        db.sql("UPDATE cases SET demo = 0;" + snap.BUMP)
        if args.cases > base:
            snap.grow(db, args.cases // base - 1)
        n = int(db.sql("SELECT COUNT(*) FROM cases WHERE status = 'published'"))
        print(f"{n} published cases ({args.backend})")

        node = snap.start(bin_, db, work, port, "node")
        snap.wait_ready(port)
        snap.get(f"http://127.0.0.1:{port}/federation")
        time.sleep(2)
        before = snap.rss_mib(node.pid)
        t = time.monotonic()
        _, body = snap.get(f"http://127.0.0.1:{port}/federation/feed?since=0&limit=5000",
                           timeout=600)
        built = time.monotonic() - t
        after = snap.rss_mib(node.pid)
        print(f"log built: {built:.2f} s (first page of {len(payload(body)['items'])} items "
              f"included); RSS {before} -> {after} MiB, peak {peak_mib(node.pid)} MiB")

        for limit in (1000, 5000):
            took, pages, items, size, head = read_all(port, limit)
            print(f"all pages, limit {limit}: {took:.2f} s, {pages} pages, {items} items, "
                  f"{size / 1e6:.1f} MB; RSS {snap.rss_mib(node.pid)} MiB, "
                  f"peak {peak_mib(node.pid)} MiB")

        def generation():
            _, body = snap.get(f"http://127.0.0.1:{port}/api/v1/cases?limit=1", timeout=600)
            return json.loads(body)["generation"]

        old = generation()
        db.sql("UPDATE cases SET title_en = 'Changed for the federation bench' WHERE id = "
               "(SELECT id FROM cases WHERE status = 'published' ORDER BY id LIMIT 1);"
               + snap.BUMP)
        # Changed by another program: the node's counter check re-reads the snapshot.
        while generation() == old:
            time.sleep(0.1)
        t = time.monotonic()
        _, body = snap.get(f"http://127.0.0.1:{port}/federation/feed?since={head}",
                           timeout=600)
        print(f"one change: {time.monotonic() - t:.2f} s, {len(payload(body)['items'])} item(s); "
              f"RSS {snap.rss_mib(node.pid)} MiB, peak {peak_mib(node.pid)} MiB")

        if args.backend == "postgres":
            # An announced publication (NOTIFY), applied to the snapshot in place: the other
            # stories keep their records, so only the new one is drawn. A demo case, so it is
            # compared and left out of the feed (0 items): the time is the comparison's.
            head = payload(body)["cursor"]
            old = generation()
            subprocess.run([bin_, "demo", "seed", "--cases", "1", "--data-dir",
                            os.path.join(work, "data")], env=db.env(), check=True,
                           stdout=subprocess.DEVNULL)
            while generation() == old:
                time.sleep(0.05)
            t = time.monotonic()
            _, body = snap.get(f"http://127.0.0.1:{port}/federation/feed?since={head}",
                               timeout=600)
            print(f"one announced publication: {time.monotonic() - t:.2f} s, "
                  f"{len(payload(body)['items'])} item(s); RSS {snap.rss_mib(node.pid)} MiB")
    finally:
        if node:
            node.terminate()
            node.wait()
        db.drop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
