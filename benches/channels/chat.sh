#!/usr/bin/env bash
# WhatsApp and Telegram intake speed on the release binary, end to end, all on loopback:
#  - a fake Graph API / Bot API (Python, threads) that serves a 640x480 PNG for every media
#    id or file and answers every reply with success;
#  - `naqsha serve` with [whatsapp] and [telegram] pointed at it;
#  - a client that replays webhook deliveries over one keep-alive connection, each signed
#    (X-Hub-Signature-256) or carrying the secret token, as the platforms send them:
#      N WhatsApp text messages, each from its own number (a new sealed report + a receipt),
#      N WhatsApp text messages from one number (joined into one report: re-sealed each time),
#      N Telegram text messages, each from its own user (a new report + a receipt),
#      N/5 WhatsApp image messages with a caption, each from its own number (media looked
#      up, downloaded, decoded, re-encoded without metadata, sealed with the report),
#      N WhatsApp text messages over 8 connections at once, each from its own number.
# Reports messages per second, then counts the stored reports and the replies sent.
# Usage: benches/channels/chat.sh [N]   (needs target/release/naqsha: cargo build --release)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-500}
BIN=${NAQSHA_BIN:-target/release/naqsha}
DIR=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
API_PORT=$(free_port)
export NAQSHA_LOG=warn
export NAQSHA_WHATSAPP_APP_SECRET=$("$BIN" secret)
export NAQSHA_WHATSAPP_VERIFY_TOKEN=$("$BIN" secret)
export NAQSHA_WHATSAPP_ACCESS_TOKEN=bench-access-token
export NAQSHA_WHATSAPP_PHONE_NUMBER_ID=106540352242922
export NAQSHA_WHATSAPP_API_BASE=http://127.0.0.1:$API_PORT
export NAQSHA_TELEGRAM_BOT_TOKEN=123456789:bench_bot_token
export NAQSHA_TELEGRAM_SECRET_TOKEN=$("$BIN" secret)
export NAQSHA_TELEGRAM_API_BASE=http://127.0.0.1:$API_PORT
SERVER=""; API=""
trap 'kill $SERVER $API 2>/dev/null || true; rm -rf "$DIR"' EXIT

python3 - "$API_PORT" "$DIR/replies" <<'PY' &
import http.server, json, struct, sys, threading, zlib
port, replies_file = int(sys.argv[1]), sys.argv[2]
def png(w, h):
    raw = b"".join(b"\0" + bytes(v for x in range(w)
                                  for v in ((x * 7 + y) % 256, (x ^ y) % 256, (y * 5) % 256))
                   for y in range(h))
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))
PICTURE = png(640, 480)
lock, replies = threading.Lock(), [0]
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def send(self, body, kind="application/json"):
        self.send_response(200); self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def do_GET(self):
        base = f"http://127.0.0.1:{port}"
        if self.path.startswith("/media/") or self.path.startswith("/file/"):
            return self.send(PICTURE, "image/png")
        if "/getFile" in self.path:
            return self.send(json.dumps({"ok": True, "result": {"file_id": "f", "file_unique_id": "u",
                "file_size": len(PICTURE), "file_path": "photos/file_1.png"}}).encode())
        media_id = self.path.rsplit("/", 1)[-1]
        self.send(json.dumps({"messaging_product": "whatsapp", "url": f"{base}/media/{media_id}",
            "mime_type": "image/png", "file_size": str(len(PICTURE)), "id": media_id}).encode())
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with lock:
            replies[0] += 1
            open(replies_file, "w").write(str(replies[0]))
        self.send(b'{"ok":true,"messaging_product":"whatsapp","messages":[{"id":"wamid.out"}]}')
http.server.ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
PY
API=$!

"$BIN" --data-dir "$DIR/data" init >/dev/null
"$BIN" --data-dir "$DIR/data" serve --bind "127.0.0.1:$PORT" >/dev/null &
SERVER=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done

python3 - "$PORT" "$N" <<'PY'
import hashlib, hmac, http.client, json, os, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
app_secret = os.environ["NAQSHA_WHATSAPP_APP_SECRET"].encode()
tg_secret = os.environ["NAQSHA_TELEGRAM_SECRET_TOKEN"]
c = http.client.HTTPConnection("127.0.0.1", port)
def post(path, body, headers):
    c.request("POST", path, body, {"Content-Type": "application/json", **headers})
    r = c.getresponse(); data = r.read()
    assert r.status == 200, (r.status, data)
def whatsapp(i, sender, message):
    message.update({"from": sender, "id": f"wamid.bench-{sender}-{i}", "timestamp": "1749416383"})
    body = json.dumps({"object": "whatsapp_business_account", "entry": [{"id": "102290129340398",
        "changes": [{"value": {"messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"},
            "contacts": [{"profile": {"name": "Bench"}, "wa_id": sender}], "messages": [message]},
            "field": "messages"}]}]}).encode()
    sig = "sha256=" + hmac.new(app_secret, body, hashlib.sha256).hexdigest()
    post("/whatsapp/webhook", body, {"X-Hub-Signature-256": sig})
def telegram(i, user):
    body = json.dumps({"update_id": 100000 + i, "message": {"message_id": i,
        "from": {"id": user, "is_bot": False, "first_name": "Bench", "language_code": "ur"},
        "chat": {"id": user, "first_name": "Bench", "type": "private"}, "date": 1441645532,
        "text": f"Report {i}: he threatens me on Telegram and shares my pictures."}}).encode()
    post("/telegram/webhook", body, {"X-Telegram-Bot-Api-Secret-Token": tg_secret})
text = lambda i: {"type": "text", "text": {"body": f"Report {i}: he threatens me on WhatsApp."}}
image = lambda i: {"type": "image", "image": {"caption": f"Screenshot {i} of his messages.",
    "mime_type": "image/png", "sha256": "x", "id": f"{9000000 + i}"}}
runs = [
    ("WhatsApp text, a new report each (one number each)", n, lambda i: whatsapp(i, f"9230{i:08d}", text(i))),
    ("WhatsApp text, parts joined into one report", n, lambda i: whatsapp(i, "923999999999", text(i))),
    ("Telegram text, a new report each (one user each)", n, lambda i: telegram(i, 5000000000 + i)),
    ("WhatsApp image 640x480 + caption, a new report each", max(n // 5, 1),
        lambda i: whatsapp(i, f"9231{i:08d}", image(i))),
]
for label, count, send in runs:
    t = time.perf_counter()
    for i in range(count):
        send(i)
    dt = time.perf_counter() - t
    print(f"{label}: {count} in {dt:.2f} s = {count/dt:.0f} messages/s, {1000*dt/count:.1f} ms each")

# Meta and Telegram deliver over several connections at once: 8 here, each its own senders.
import threading
def sender(k):
    conn = http.client.HTTPConnection("127.0.0.1", port)
    for i in range(k, n, 8):
        message = {**text(i), "from": f"9232{i:08d}", "id": f"wamid.par-{i}", "timestamp": "1"}
        body = json.dumps({"object": "whatsapp_business_account", "entry": [{"id": "1",
            "changes": [{"value": {"messaging_product": "whatsapp",
                "metadata": {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"},
                "messages": [message]}, "field": "messages"}]}]}).encode()
        sig = "sha256=" + hmac.new(app_secret, body, hashlib.sha256).hexdigest()
        conn.request("POST", "/whatsapp/webhook", body,
                     {"Content-Type": "application/json", "X-Hub-Signature-256": sig})
        r = conn.getresponse(); data = r.read()
        assert r.status == 200, (r.status, data)
t = time.perf_counter()
threads = [threading.Thread(target=sender, args=(k,)) for k in range(8)]
for th in threads: th.start()
for th in threads: th.join()
dt = time.perf_counter() - t
print(f"WhatsApp text over 8 connections at once, a new report each: {n} in {dt:.2f} s = {n/dt:.0f} messages/s")
PY
# Replies go out after each answer: wait until every receipt has reached the fake API.
RECEIPTS=$((3 * N + 1 + (N / 5 > 0 ? N / 5 : 1)))
for _ in $(seq 600); do
  SENT=$(cat "$DIR/replies" 2>/dev/null || true)
  [ "${SENT:-0}" -ge "$RECEIPTS" ] && break; sleep 0.1
done
kill $SERVER; wait $SERVER 2>/dev/null || true
python3 - "$DIR/data/naqsha.db" "$DIR/replies" "$N" <<'PY'
import sqlite3, sys
db, replies_file, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
reports = dict(con.execute("SELECT channel, COUNT(*) FROM submissions GROUP BY channel").fetchall())
files = con.execute("SELECT COUNT(*) FROM attachments").fetchone()[0]
replies = int(open(replies_file).read())
print(f"stored: {reports} reports, {files} evidence files; receipts sent: {replies}")
expected = {"whatsapp": 2 * n + 1 + max(n // 5, 1), "telegram": n}
assert reports == expected, (reports, expected)
assert files == max(n // 5, 1), files
assert replies == 3 * n + 1 + max(n // 5, 1), replies
PY
