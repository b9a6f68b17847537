#!/usr/bin/env bash
# Background work across two `serve` nodes over one PostgreSQL database (issue 18, item 1).
#  - SMS: N senders each send three parts, through node 1, node 2, node 1 (SMSSync posts):
#    how many reports were stored (N when windows are shared, 2N when each node keeps its own).
#  - Replies (smssync_instant_reply off): N replies queued by node 1; how many the phone
#    fetches through node 2 (task=send), and how many later fetches hand out again.
#  - Feeds: one RSS feed of 5 matching items served on loopback, made due, both nodes polling
#    (news poll every minute): candidates after the first round (5 when each item is taken
#    once, 10 when both nodes take them).
# Usage: benches/nodes/jobs.sh [N] [PG_ADMIN_URL]   (NAQSHA_BIN: the binary, default
# target/release/naqsha; PG_ADMIN_URL default postgres://postgres@127.0.0.1:5432/test)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-20}
ADMIN=${2:-postgres://postgres@127.0.0.1:5432/test}
BIN=${NAQSHA_BIN:-target/release/naqsha}
DB="nodes_bench_$$"
BASE=${ADMIN%/*}
URL="$BASE/$DB"
DIR=$(mktemp -d)
psql "$ADMIN" -qc "CREATE DATABASE $DB"
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
P1=$(port); P2=$(port); PF=$(port)
NAQSHA_SMSSYNC_SECRET=$("$BIN" secret)
export NAQSHA_SMSSYNC_SECRET NAQSHA_LOG=warn NAQSHA_DATABASE_URL="$URL" NAQSHA_SMSSYNC_INSTANT_REPLY=false
export NAQSHA_NEWS_ALLOW_PRIVATE_HOSTS=true NAQSHA_NEWS_POLL_MINUTES=1
cleanup() {
    kill ${S1:-} ${S2:-} ${FEED:-} 2>/dev/null || true
    wait 2>/dev/null || true
    psql "$ADMIN" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
    rm -rf "$DIR"
}
trap cleanup EXIT
"$BIN" --data-dir "$DIR/one" init >/dev/null
# A feed of five items that match the rule below, served on loopback.
python3 - "$DIR/feed.xml" <<'PY'
import sys
titles = ["FIA arrests student over blackmail of classmate in Multan",
          "Karachi police register blackmail complaint by nurse",
          "Court hears appeal in Peshawar sextortion and blackmail trial",
          "Quetta shopkeeper held for online blackmail of widow",
          "Lahore journalist says trolls use deepfakes for blackmail"]
items = "".join(f"<item><title>{t}</title><link>https://news.example.pk/{i}</link>"
                f"<description>{t}. The blackmail went on for months.</description></item>"
                for i, t in enumerate(titles))
open(sys.argv[1], "w").write(f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>')
PY
(cd "$DIR" && exec python3 -m http.server "$PF" --bind 127.0.0.1 >/dev/null 2>&1) &
FEED=$!
"$BIN" --data-dir "$DIR/one" serve --bind "127.0.0.1:$P1" >/dev/null &
S1=$!
"$BIN" --data-dir "$DIR/two" serve --bind "127.0.0.1:$P2" >/dev/null &
S2=$!
for p in $P1 $P2; do
    for _ in $(seq 300); do curl -sf "http://127.0.0.1:$p/healthz" >/dev/null && break; sleep 0.1; done
done
python3 - "$P1" "$P2" "$N" <<'PY'
import http.client, json, os, sys, urllib.parse
p1, p2, n = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
secret = os.environ["NAQSHA_SMSSYNC_SECRET"]
conns = {p: http.client.HTTPConnection("127.0.0.1", p) for p in (p1, p2)}
def post(port, sender, text, mid):
    body = urllib.parse.urlencode({"secret": secret, "from": sender, "message": text,
        "message_id": mid, "device_id": "bench", "sent_to": "+920000000000",
        "sent_timestamp": "1767225600000"})
    c = conns[port]
    c.request("POST", "/sms/smssync", body, {"Content-Type": "application/x-www-form-urlencoded"})
    r = c.getresponse(); data = r.read()
    assert r.status == 200, (r.status, data)
def fetch(port):
    c = conns[port]
    c.request("GET", "/sms/smssync?" + urllib.parse.urlencode({"task": "send", "secret": secret}))
    r = c.getresponse(); data = json.loads(r.read())
    return data["payload"]["messages"]
for i in range(n):
    for part, port in enumerate((p1, p2, p1)):
        post(port, f"+9230{i:08d}", f"Part {part} of what happened to sender {i}.", f"m-{i}-{part}")
fetch(p1); fetch(p2)  # the receipts of the reports above: not counted
ours = {f"+9231{i:08d}" for i in range(n)}
for number in sorted(ours):
    post(p1, number, "A report through node 1 only.", f"q-{number}")
got = [m for m in fetch(p2) if m["to"] in ours]
again = [m for m in fetch(p1) + fetch(p2) if m["to"] in ours]
print(f"replies queued by node 1 for {n} new senders: {len(got)} fetched through node 2, "
      f"{len(again)} handed out again by the next fetches (through either node)")
PY
# Every SMS report, less the N one-part reports of the reply senders.
REPORTS=$(( $(psql "$URL" -Atc "SELECT COUNT(*) FROM submissions WHERE channel = 'sms'") - N ))
echo "SMS: $N senders x 3 parts through nodes 1, 2, 1: $REPORTS reports (one per sender: $N)"
# The feed: a rule, then the feed made due for both nodes' next poll round.
psql "$URL" -qc "INSERT INTO news_rules (id, name, phrases, lang, match_all, hints, enabled, created_at) VALUES ('$(python3 -c 'import uuid; print(uuid.uuid4())')', 'blackmail', 'blackmail', 'en', 0, '', 1, 0)"
psql "$URL" -qc "INSERT INTO news_feeds (id, url, name, lang, enabled, next_poll_at, created_at) VALUES ('$(python3 -c 'import uuid; print(uuid.uuid4())')', 'http://127.0.0.1:$PF/feed.xml', 'bench', 'en', 1, 0, 0)"
# Both nodes look for due feeds every minute (from their start); wait for one round each.
for _ in $(seq 75); do sleep 1; done
CAND=$(psql "$URL" -Atc "SELECT COUNT(*) FROM submissions WHERE channel = 'news'")
echo "feed of 5 matching items polled by two nodes: $CAND candidates (each item once: 5)"
