#!/usr/bin/env bash
# SMS and email intake speed on the release binary, end to end:
#  - SMS: N incoming SMSSync posts over one keep-alive connection, each from its own number
#    (so each is a new sealed report with a receipt reply), then N parts from one number
#    (joined into one report: re-sealed in place each time); reports SMS per second.
#  - email: `naqsha ingest-email` of the fixture with a photo, a PDF and a zip, timed with
#    peak memory (GNU time).
# Usage: benches/channels/sms_email.sh [N]   (needs target/release/naqsha: cargo build --release)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-500}
BIN=${NAQSHA_BIN:-target/release/naqsha}
DIR=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
NAQSHA_SMSSYNC_SECRET=$("$BIN" secret)
export NAQSHA_SMSSYNC_SECRET NAQSHA_LOG=warn
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DIR"' EXIT
"$BIN" --data-dir "$DIR/data" init >/dev/null
"$BIN" --data-dir "$DIR/data" serve --bind "127.0.0.1:$PORT" >/dev/null &
SERVER=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
python3 - "$PORT" "$N" <<'PY'
import http.client, os, sys, time, urllib.parse, json
port, n = int(sys.argv[1]), int(sys.argv[2])
secret = os.environ["NAQSHA_SMSSYNC_SECRET"]
c = http.client.HTTPConnection("127.0.0.1", port)
def post(i, sender, text):
    body = urllib.parse.urlencode({"secret": secret, "from": sender, "message": text,
        "message_id": f"m-{sender}-{i}", "device_id": "bench", "sent_to": "+920000000000",
        "sent_timestamp": "1767225600000"})
    c.request("POST", "/sms/smssync", body, {"Content-Type": "application/x-www-form-urlencoded"})
    r = c.getresponse(); data = r.read()
    assert r.status == 200 and json.loads(data)["payload"]["success"] is True, data
for label, sender in (("new reports (one per number)", None), ("parts joined into one report", "+923000000001")):
    t = time.perf_counter()
    for i in range(n):
        post(i, sender or f"+9230{i:08d}", f"Report text number {i}: he threatens me on WhatsApp.")
    dt = time.perf_counter() - t
    print(f"SMS, {label}: {n} in {dt:.2f} s = {n/dt:.0f} SMS/s, {1000*dt/n:.1f} ms each")
PY
kill $SERVER; wait $SERVER 2>/dev/null || true
/usr/bin/time -f "ingest-email (photo + PDF + zip): %e s wall, peak RSS %M KiB" \
    "$BIN" --data-dir "$DIR/data" ingest-email crates/naqsha/tests/fixtures/email/attachments.eml >/dev/null
