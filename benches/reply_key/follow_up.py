#!/usr/bin/env python3
"""Follow-up steps against a running `naqsha serve` (issue 19: a reply key per visit).

    follow_up.py PORT PID [STEPS]

Stores 8 reports through the partner API (each with its reply key), then runs STEPS
follow-up steps (GET the form for its token, POST the receipt) in four phases, printing the
mean and 95th-percentile time of a step and the server's resident memory (VmRSS, VmHWM)
after each:
  wrong      receipts that find nothing (no derivation: the cost before issue 19)
  found      receipts that find a report (one argon2id derivation each), one at a time
  found x8   the same, 8 at once
  wrong x8   wrong receipts, 8 at once
Every request carries its own X-Real-IP (the server runs with NAQSHA_CLIENT_IP_HEADER), so
the per-network limits on receipts and reports do not throttle the run.
"""
import concurrent.futures
import http.client
import json
import random
import re
import sys
import time
import urllib.parse

PORT = int(sys.argv[1])
PID = int(sys.argv[2])
STEPS = int(sys.argv[3]) if len(sys.argv) > 3 else 300
_ip = 0


def next_ip():
    global _ip
    _ip += 1
    return f"10.{(_ip // 256) % 256}.{_ip % 256}.7"


def request(method, path, body=None, content_type=None):
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    headers = {"X-Real-IP": next_ip()}
    if content_type:
        headers["Content-Type"] = content_type
    conn.request(method, path, body=body, headers=headers)
    res = conn.getresponse()
    data = res.read()
    conn.close()
    return res.status, data


def memory():
    with open(f"/proc/{PID}/status") as f:
        fields = dict(line.split(":", 1) for line in f if ":" in line)
    kib = lambda k: int(fields[k].split()[0]) / 1024
    return kib("VmRSS"), kib("VmHWM")


def report():
    body = json.dumps({"what_happened": "Benchmark report: messages from a stranger."})
    status, data = request("POST", "/api/v1/submissions", body, "application/json")
    assert status == 201, (status, data[:200])
    return json.loads(data)["receipt"]["words"]


TOKEN = re.compile(rb'name="form_token" value="([^"]+)"')


def step(receipt):
    """One follow-up step: the form, then the receipt posted; returns (seconds, status)."""
    start = time.perf_counter()
    status, page = request("GET", "/follow-up")
    assert status == 200, status
    token = TOKEN.search(page).group(1).decode()
    body = urllib.parse.urlencode({"form_token": token, "receipt": receipt, "action": "view"})
    status, _ = request("POST", "/follow-up", body, "application/x-www-form-urlencoded")
    return time.perf_counter() - start, status


def wrong_receipt(words):
    # Same shape, one word swapped for another of the list: well-formed, never issued.
    parts = words.split("-")
    other = random.choice([w for w in WORDS if w not in parts])
    parts[random.randrange(len(parts))] = other
    return "-".join(parts)


def phase(name, receipts, workers, expect):
    times = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        for seconds, status in pool.map(step, receipts):
            assert status == expect, (name, status)
            times.append(seconds)
    times.sort()
    rss, hwm = memory()
    mean = sum(times) / len(times) * 1000
    p95 = times[int(len(times) * 0.95) - 1] * 1000
    print(f"{name:<10} {len(times):>6} {workers:>8} {mean:>9.1f} {p95:>9.1f} {rss:>9.1f} {hwm:>9.1f}")


receipts = [report() for _ in range(8)]
WORDS = sorted({w for r in receipts for w in r.split("-")})
rss, hwm = memory()
print(f"{'phase':<10} {'steps':>6} {'at once':>8} {'mean ms':>9} {'p95 ms':>9} {'RSS MiB':>9} {'peak MiB':>9}")
print(f"{'start':<10} {0:>6} {'-':>8} {'-':>9} {'-':>9} {rss:>9.1f} {hwm:>9.1f}")
found = [receipts[i % 8] for i in range(STEPS)]
wrong = [wrong_receipt(r) for r in found]
phase("wrong", wrong, 1, 404)
phase("found", found, 1, 200)
phase("found x8", found, 8, 200)
phase("wrong x8", wrong, 8, 404)
