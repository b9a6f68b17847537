#!/usr/bin/env python3
"""The multi-node day: two Naqsha nodes over one PostgreSQL database behind nginx.

Run by tests/multinode/run.sh, which makes the work directory, names the database and cleans
up after this driver whatever happens. Python 3 standard library only.

The day, each step checked as a person would see it (the page, the status, the JSON):

 1. reports through the proxy: the real form (GET, then POST back with its token), each from
    a visitor network of its own, round-robin over both nodes; a form loaded from node A and
    posted to node B, and the reverse; every receipt shown, also when the receipt link is
    followed on the other node; every receipt shows its report at /follow-up of the node
    that did not store it;
 2. one network over the limit across both nodes: five reports taken, the sixth refused (429)
    with the translated message;
 2b. 22 reports from 22 networks, A and B in turn, within the minute: flood mode (the form
    asks for a proof of work) on both nodes within 5 s;
 3. the admin and a moderator (made with `naqsha init` and `naqsha user add`) sign in through
    the proxy (one-time password, new password, TOTP computed here); the inbox lists every
    acknowledged report;
 3. five wrong passwords for one name on A and B in turn: the sixth (on B) is told to wait;
 4. the admin adds a news feed (served by this driver, 5 matching items) and a keyword rule;
 5. SMS through both nodes (SMSSync): three parts of one message to A, B, A -> one report with
    the three parts; one reply (its receipt) waits, whichever node the phone asks (task=send
    on B, then on A: the same one or none), is confirmed by task=sent on A, and is not
    fetched again;
 6. the moderator publishes two cases and withdraws one: each visible (or gone) in the
    public API of both nodes within 1 s (latency printed);
 7. the moderator's cookie sent to node B directly: still signed in on both nodes;
 8. the feed, polled by both nodes: exactly 5 inbox candidates;
 9. the end of the day: per channel, the inbox of both nodes counts what was acknowledged
    (nothing lost, nothing twice); nobody signed out; both nodes' public API answer the
    same bytes.
"""

import argparse
import base64
import hashlib
import hmac
import html
import html.parser
import http.client
import http.server
import json
import os
import random
import re
import secrets
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import traceback
import urllib.parse
import uuid

WORK = os.environ.get("NAQSHA_MULTINODE_WORK") or sys.exit("run tests/multinode/run.sh")
DATABASE = os.environ["NAQSHA_MULTINODE_DB"]
ADMIN_URL = os.environ["NAQSHA_CI_POSTGRES_URL"]
BIN = os.environ["NAQSHA_BIN"]

HTTP_TIMEOUT = 20
# When the reports' events happened (the form refuses a month to come).
THIS_MONTH = time.gmtime()
LOG_LINES = 120
START_TIMEOUT = 60
VISIBLE_WITHIN = 1.0
FEED_ITEMS = 5
# The news site answers slowly, as many do: two nodes that both take the same due feed are
# then certainly fetching it at the same time.
FEED_DELAY = 2.0
FOLLOW_UP_NEW = "Your report is saved and waiting for a moderator."
SIGNIN_WRONG = "Wrong username or password."
SIGNIN_WAIT = "Too many failed attempts for this account."
THROTTLED_TEXT = "Too many reports have come from your network in a short time."
# The flood detector: 20 accepted reports within a minute. The day's earlier reports are in
# the same minute, and a node that counts only its own gets at most half of these.
FLOOD_REPORTS = 22
FLOOD_SEEN_WITHIN = 5
VOCABULARY = """
account afraid after again angry asked aunt began blocked brother called camera changed chat
cousin daily deleted didn't evening every family father files followed friend gave group
hacked heard home husband lawyer left letter life link made market message money month
morning mother neighbour never night number office others page paid people phone photos
picture police posted profile received relatives replied road school screen sent shop sister
someone started stopped street student teacher told town university used video village wanted
week window work wrote years young
""".split()
PHONE = "+923001112233"
SMS_PARTS = [
    "Mera ex mujhe blackmail kar raha hai",
    "woh kehta hai tasveerein facebook par daal dega",
    "please madad karein, Lahore",
]


# --- results ---------------------------------------------------------------------------


class Day:
    """The day's checks: a PASS or FAIL line each, the failures kept for the exit status."""

    def __init__(self):
        self.failed = []
        self.passed = 0

    def check(self, name, ok, detail=""):
        line = f"{'PASS' if ok else 'FAIL'} {name}"
        if detail:
            line += f" — {detail}"
        print(line, flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed.append(name)
        return ok

    def note(self, text):
        print(f"     {text}", flush=True)


class StepFailed(Exception):
    """A step cannot go on (what it needed did not happen); its checks so far stand."""


# --- HTTP --------------------------------------------------------------------------------


class Reply:
    """An answer: status, headers (a list of pairs) and body bytes."""

    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def all(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]

    @property
    def upstream(self):
        """Which node answered through the proxy (nginx's X-Naqsha-Upstream)."""
        return NODE_NAMES.get(self.header("X-Naqsha-Upstream") or "", "?")


NODE_NAMES = {}


def request(port, method, path, body=None, headers=None, source="127.0.0.1"):
    """One request to 127.0.0.1:`port` from the local address `source` (its /24 is the
    visitor's network)."""
    conn = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=HTTP_TIMEOUT, source_address=(source, 0)
    )
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        return Reply(r.status, r.getheaders(), r.read())
    finally:
        conn.close()


class Browser:
    """One person's cookies, sent to whichever port a request goes to (all are 127.0.0.1)."""

    def __init__(self, source="127.0.0.1"):
        self.source = source
        self.cookies = {}
        # A staff member's password once she has set it (to unlock her key on another node),
        # and how many times a node asked for it.
        self.password = None
        self.unlocks = 0

    def _take(self, reply):
        for line in reply.all("Set-Cookie"):
            pair, *attrs = line.split(";")
            name, _, value = pair.strip().partition("=")
            gone = any(a.strip().lower() == "max-age=0" for a in attrs)
            if gone or not value:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value

    def _send(self, port, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        reply = request(port, method, path, body, headers, self.source)
        self._take(reply)
        return reply

    def go(self, port, method, path, body=None, headers=None):
        """Sends a request as this person. A node that does not hold a staff member's key
        yet sends her to `/admin/unlock` (the per-node unlock) without doing what she asked:
        she gives her password there and asks again, as a person would. Behind a round-robin
        proxy the next node may ask too, at most once per node."""
        reply = self._send(port, method, path, body, headers)
        for _ in range(4):
            to = reply.header("Location") or ""
            asked = reply.status in (302, 303) and to.startswith("/admin/unlock")
            if not asked or self.password is None or path.startswith("/admin/unlock"):
                break
            page = self._send(port, "GET", to)
            if page.status == 200:
                form = Forms(page.text).find("/admin/unlock")
                fields = form_fields(form, {"password": self.password})
                self._send(
                    port,
                    "POST",
                    "/admin/unlock",
                    urllib.parse.urlencode(fields),
                    {"Content-Type": "application/x-www-form-urlencoded"},
                )
                self.unlocks += 1
            reply = self._send(port, method, path, body, headers)
        return reply

    def get(self, port, path):
        return self.go(port, "GET", path)

    def post_form(self, port, path, fields):
        body = urllib.parse.urlencode(fields)
        return self.go(
            port, "POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"}
        )

    def follow(self, port, reply, limit=5):
        """Follows redirects on `port`; returns the last reply and the path it came from."""
        path = None
        while reply.status in (301, 302, 303, 307, 308) and limit > 0:
            path = reply.header("Location")
            reply = self.get(port, path)
            limit -= 1
        return reply, path


# --- HTML forms --------------------------------------------------------------------------


class Forms(html.parser.HTMLParser):
    """The forms of a page with their controls, as a browser would submit them: each control
    is (name, value), the value None for a box or radio button not ticked."""

    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = None
        self._select = None
        self._textarea = None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self._form = {"action": a.get("action", ""), "controls": []}
            self.forms.append(self._form)
            return
        form = self._form
        # Outside a form, or tied to another one by its id (the inbox's row boxes): not needed.
        if form is None or "form" in a:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio"):
                value = a.get("value", "on") if "checked" in a else None
            else:
                value = a.get("value", "")
            form["controls"].append((a["name"], value))
        elif tag == "select" and a.get("name"):
            self._select = {"name": a["name"], "first": None, "chosen": None}
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in a:
                self._select["chosen"] = value
        elif tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None:
            s = self._select
            value = s["chosen"] if s["chosen"] is not None else s["first"]
            if self._form is not None and value is not None:
                self._form["controls"].append((s["name"], value))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            if self._form is not None:
                # A browser drops the one line break after <textarea>.
                self._form["controls"].append((name, text.removeprefix("\n")))
            self._textarea = None

    def find(self, action_prefix):
        for f in self.forms:
            if f["action"].split("#")[0].split("?")[0] == action_prefix:
                return f
        raise StepFailed(f"no form posting to {action_prefix} on the page")


def form_fields(form, changes):
    """The pairs a browser sends for `form`, after `changes`: name -> value (a str, or a list
    of values for checkboxes; None unticks a checkbox or radio group)."""
    out = []
    changed = set(changes)
    for name, value in form["controls"]:
        if name in changed or value is None:
            continue
        out.append((name, value))
    for name, value in changes.items():
        if value is None:
            continue
        for v in value if isinstance(value, list) else [value]:
            out.append((name, v))
    return out


def multipart(fields):
    """`fields` as multipart/form-data (the report form's encoding): (body, content type)."""
    boundary = "----naqsha-multinode-" + secrets.token_hex(8)
    parts = []
    for name, value in fields:
        parts.append(
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        )
    parts.append(f"--{boundary}--\r\n")
    return "".join(parts).encode(), f"multipart/form-data; boundary={boundary}"


# --- TOTP (RFC 6238, as an authenticator app computes it) --------------------------------


def totp(secret):
    """The six digits an authenticator app shows now for `secret` (base32, SHA-1, 30 s)."""
    secret = secret.replace(" ", "").upper()
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    counter = struct.pack(">Q", int(time.time() // 30))
    mac = hmac.new(key, counter, hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    number = (struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{number:06d}"


# --- processes ---------------------------------------------------------------------------


def free_port():
    """A port free on 127.0.0.1 now (the kernel's choice)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Processes:
    """What the day starts (nodes, nginx), each with its log; run.sh kills any left over."""

    def __init__(self):
        self.running = []  # (name, Popen, log path)

    def start(self, name, argv, env, log):
        out = open(log, "wb")
        p = subprocess.Popen(argv, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=WORK)
        out.close()
        self.running.append((name, p, log))
        with open(os.path.join(WORK, "pids"), "a") as f:
            f.write(f"{p.pid}\n")
        return p

    def stop_all(self):
        for _, p, _ in self.running:
            if p.poll() is None:
                p.terminate()
        deadline = time.monotonic() + 10
        for _, p, _ in self.running:
            try:
                p.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()

    def print_logs(self):
        for name, _, log in self.running:
            print(f"\n----- log of {name} ({log}) -----")
            try:
                with open(log, "rb") as f:
                    data = f.read()
                lines = data.decode("utf-8", "replace").splitlines()
                if len(lines) > LOG_LINES:
                    print(f"(the last {LOG_LINES} of {len(lines)} lines)")
                print("\n".join(lines[-LOG_LINES:]))
            except OSError as e:
                print(f"(cannot read: {e})")


def psql(sql):
    """Runs one statement on the admin database (creating and dropping the day's own)."""
    subprocess.run(
        ["psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "-d", ADMIN_URL, "-c", sql],
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=30,
    )


def database_url():
    """The admin URL with the day's database in place of its own."""
    u = urllib.parse.urlsplit(ADMIN_URL)
    return urllib.parse.urlunsplit((u.scheme, u.netloc, "/" + DATABASE, u.query, ""))


def naqsha(env, *args):
    """Runs a `naqsha` command; its standard output."""
    return subprocess.run(
        [BIN, *args],
        env=env,
        cwd=WORK,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout


def wait_healthy(port, name, proc):
    """Waits for /healthz on `port` to answer 200 (through nginx: a node behind it)."""
    deadline = time.monotonic() + START_TIMEOUT
    last = ""
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise StepFailed(f"{name} exited with {proc.returncode} before it was ready")
        try:
            r = request(port, "GET", "/healthz")
            if r.status == 200:
                return
            last = f"status {r.status}"
        except OSError as e:
            last = str(e)
        time.sleep(0.1)
    raise StepFailed(f"{name} did not answer /healthz within {START_TIMEOUT} s ({last})")


NGINX_CONF = """\
{user}
worker_processes 1;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 512; }}
http {{
    # No client address in the proxy's own log either.
    log_format noip '[$time_local] "$request_method $uri" $status upstream=$upstream_addr $request_time';
    access_log {dir}/access.log noip;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    # Naqsha's own limits: a report with its evidence is at most 27 MiB; uploads may take
    # ten minutes.
    client_max_body_size 27m;
    proxy_read_timeout 600s;
    proxy_send_timeout 600s;
    proxy_set_header Host $host;
    # The address Naqsha keys its limits by (server.client_ip_header = X-Forwarded-For
    # reads the last entry, the one this proxy appended).
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    # Which node answered, for the test's messages only.
    add_header X-Naqsha-Upstream $upstream_addr always;

    upstream naqsha_all {{ server 127.0.0.1:{a}; server 127.0.0.1:{b}; }}
    upstream naqsha_a {{ server 127.0.0.1:{a}; }}
    upstream naqsha_b {{ server 127.0.0.1:{b}; }}

    # The public side: round-robin over both nodes; the staff workspace (and its sign-in)
    # pinned to node A, where the organisation key is unlocked in memory.
    server {{
        listen 127.0.0.1:{proxy};
        location / {{ proxy_pass http://naqsha_all; }}
        location = /admin {{ proxy_pass http://{admin_upstream}; }}
        location /admin/ {{ proxy_pass http://{admin_upstream}; }}
    }}
    # The same proxy rules, each to one node only: "a form from A posted to B" through nginx.
    server {{ listen 127.0.0.1:{only_a}; location / {{ proxy_pass http://naqsha_a; }} }}
    server {{ listen 127.0.0.1:{only_b}; location / {{ proxy_pass http://naqsha_b; }} }}
}}
"""


# --- the news site -----------------------------------------------------------------------


class NewsSite:
    """An RSS feed of FEED_ITEMS stories about online blackmail, answered after FEED_DELAY."""

    def __init__(self):
        self.fetches = []
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                site.fetches.append(time.time())
                time.sleep(FEED_DELAY)
                body = site.rss().encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def rss(self):
        places = ["Lahore", "Karachi", "Peshawar", "Quetta", "Multan"]
        acts = [
            "threatened to leak her photos unless she paid",
            "made a fake profile in her name to blackmail her family",
            "hacked her account and used her chats for blackmail",
            "recorded her without consent and sent blackmail messages",
            "sent her blackmail messages from twenty numbers",
        ]
        items = "".join(
            f"<item><title>{place} student reports {['sextortion', 'impersonation', 'hacking', 'recording', 'threats'][i]} case {i + 1}</title>"
            f"<link>http://news.example.org/stories/{i + 1}</link>"
            f"<guid>http://news.example.org/stories/{i + 1}</guid>"
            f"<description>A man in {place} {acts[i]}, police said (story {i + 1}).</description>"
            f"<pubDate>Sat, 05 Dec 2026 0{i}:00:00 GMT</pubDate></item>"
            for i, place in enumerate(places)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            "<title>Example Daily</title><link>http://news.example.org/</link>"
            f"<description>News</description>{items}</channel></rss>"
        )

    def stop(self):
        self.server.shutdown()


# --- the day -----------------------------------------------------------------------------


class Setting:
    """What the steps share: ports, secrets, the staff's browsers, what was acknowledged."""


def sign_in(day, s, who, username, one_time_password):
    """The first sign-in through the proxy: password, new password, TOTP enrolment."""
    b = Browser()
    r = b.get(s.proxy, "/admin/login")
    if r.status != 200:
        raise StepFailed(f"{who}: GET /admin/login: {said(r)}")
    form = Forms(r.text).find("/admin/login")
    r = b.post_form(
        s.proxy,
        "/admin/login",
        form_fields(form, {"username": username, "password": one_time_password}),
    )
    steps = [f"login {r.status} on {r.upstream}"]
    if r.status != 303 or r.header("Location") != "/admin/login/password":
        raise StepFailed(f"{who}: the one-time password was not taken ({said(r)})")
    r = b.get(s.proxy, "/admin/login/password")
    steps.append(f"password page {r.status} on {r.upstream}")
    new_password = secrets.token_urlsafe(18)
    fields = form_fields(
        Forms(r.text).find("/admin/login/password"),
        {"new_password": new_password, "repeat": new_password},
    ) if r.status == 200 else []
    r = b.post_form(s.proxy, "/admin/login/password", fields)
    steps.append(f"new password {r.status} on {r.upstream}")
    r, _ = b.follow(s.proxy, r)
    m = re.search(r'id="totp-secret"[^>]*>([^<]+)<', r.text)
    if r.status != 200 or not m:
        raise StepFailed(f"{who}: no TOTP enrolment page ({'; '.join(steps)}; then {said(r)})")
    secret = html.unescape(m.group(1)).replace(" ", "").strip()
    form = Forms(r.text).find("/admin/login/enrol")
    r = b.post_form(s.proxy, "/admin/login/enrol", form_fields(form, {"code": totp(secret)}))
    steps.append(f"TOTP {r.status} on {r.upstream}")
    r, _ = b.follow(s.proxy, r)
    ok = r.status == 200 and 'class="inbox-count"' in r.text
    day.check(
        f"3. {who} signed in through the proxy (password, new password, TOTP)",
        ok,
        "; ".join(steps) + ("; inbox 200 on " + r.upstream if ok else f"; then {said(r)}"),
    )
    if not ok:
        raise StepFailed(f"{who} is not signed in")
    b.password = new_password
    return b


def inbox_ids(b, port, channel=None, status="any"):
    """The report ids the inbox lists (of `status`, everyone's, of `channel` or any), or None
    when the page is not the inbox (signed out)."""
    q = {"status": status, "assigned": "anyone"}
    if channel:
        q["channel"] = channel
    r = b.get(port, "/admin/inbox?" + urllib.parse.urlencode(q))
    if r.status != 200 or 'class="inbox-count"' not in r.text:
        return None, r
    return re.findall(r'<tr class="inbox-row[^"]*" data-id="([^"]+)"', r.text), r


def load_report(source, get_port, text):
    """A visitor from `source` loads the report form on `get_port` and fills it in: returns
    her browser, the page and the fields to send (its token included)."""
    b = Browser(source)
    page = b.get(get_port, "/report")
    if page.status != 200:
        raise StepFailed(f"GET /report answered {page.status}")
    form = Forms(page.text).find("/report")
    fields = form_fields(
        form,
        {
            "what_happened": text,
            "consent": "publish",
            "place": "pk-pb-lahore",
            "month": str(THIS_MONTH.tm_mon),
            "year": str(THIS_MONTH.tm_year),
        },
    )
    return b, page, fields


def post_report(b, post_port, fields, receipt_port=None):
    """Sends the form on `post_port` and opens the receipt it leads to on `receipt_port`
    (the same port unless given): (reply, receipt words or None, receipt page or None)."""
    body, ctype = multipart(fields)
    r = b.go(post_port, "POST", "/report", body, {"Content-Type": ctype})
    receipt, receipt_reply = None, None
    if r.status == 303:
        where = r.header("Location")
        receipt_reply = b.get(receipt_port or post_port, where)
        m = re.search(r'class="receipt__words"[^>]*><code>([^<]+)</code>', receipt_reply.text)
        if receipt_reply.status == 200 and m:
            receipt = html.unescape(m.group(1)).strip()
    return r, receipt, receipt_reply


def text_of(fragment):
    """An HTML fragment as the words a person reads."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def notices(page):
    """The messages at the top of a form shown again (its problem box)."""
    box = re.search(r'id="problems".*?</ul>', page, re.S)
    return [text_of(li) for li in re.findall(r"<li>(.*?)</li>", box.group(0), re.S)] if box else []


def said(r):
    """What a reply told the person: its status, the page's title and its error boxes."""
    title = re.search(r"<title>(.*?)</title>", r.text, re.S)
    title = html.unescape(title.group(1)).strip() if title else r.text[:80]
    return f"{r.status} on {r.upstream}: {title!r} {alerts(r.text)}"


def need(browser, who):
    """The staff member's browser, or the step stops: she never signed in."""
    if browser is None:
        raise StepFailed(f"{who} is not signed in")
    return browser


def alerts(page):
    """The messages of a page's error boxes, as a person reads them."""
    return [text_of(f) for f in re.findall(r'role="alert"[^>]*>(.*?)</(?:div|p)>', page, re.S)]


def step_reports(day, s):
    """1. Reports through both nodes via the proxy, receipts shown."""
    sent = []
    receipts = []
    # Four visitors, each from a network of her own, through the round-robin proxy: the
    # form from whichever node nginx picks, the answer from whichever it picks next.
    visits = []
    for i in range(4):
        source = f"127.0.{10 + i}.1"
        text = f"Multinode day, report {i + 1}: a man I know sent me threats on WhatsApp and says he will share my photos. Marker {s.marker}-{i + 1}."
        b, page, fields = load_report(source, s.proxy, text)
        visits.append((f"report {i + 1} through the round-robin proxy", b, s.proxy, fields, s.proxy, page.upstream))
    # A form loaded from node A and posted to node B (and the reverse), through nginx, with
    # the receipt link followed on the other node.
    for n, (get_port, post_port, receipt_port, label) in enumerate(
        [
            (s.only_a, s.only_b, s.only_a, "form from A posted to B, receipt opened on A"),
            (s.only_b, s.only_a, s.only_b, "form from B posted to A, receipt opened on B"),
        ]
    ):
        source = f"127.0.{20 + n}.1"
        text = f"Multinode day, {label}: my cousin made a fake account with my pictures. Marker {s.marker}-x{n + 1}."
        b, page, fields = load_report(source, get_port, text)
        visits.append((label, b, post_port, fields, receipt_port, page.upstream))
    # The fastest a person fills the form is 2 s; sooner is flagged as a bot.
    time.sleep(2.2)
    for label, b, post_port, fields, receipt_port, loaded_on in visits:
        r, receipt, receipt_reply = post_report(b, post_port, fields, receipt_port)
        stored = r.status == 303
        if stored:
            sent.append(label)
        detail = f"form from {loaded_on}, posted to {r.upstream}: {r.status}"
        if not stored:
            detail += f" {notices(r.text)}"
        else:
            detail += f"; receipt page {receipt_reply.status} on {receipt_reply.upstream}"
        day.check(f"1. {label}: stored and its receipt shown", stored and receipt is not None, detail)
        if receipt:
            receipts.append((label, b, receipt, r.upstream))
    s.web_acknowledged += len(sent)
    day.note(f"{len(sent)} of {len(visits)} web reports acknowledged")
    # Each receipt works at /follow-up on the node that did not store its report.
    lookups = []
    for label, b, receipt, stored_on in receipts:
        port = s.only_b if stored_on == "A" else s.only_a
        page = b.get(port, "/follow-up")
        if page.status != 200:
            day.check(f"1. {label}: the receipt at /follow-up of the other node", False, f"GET {page.status}")
            continue
        form = Forms(page.text).find("/follow-up")
        lookups.append((label, b, port, form_fields(form, {"receipt": receipt})))
    time.sleep(2.2)
    for label, b, port, fields in lookups:
        r = b.post_form(port, "/follow-up", fields)
        shown = r.status == 200 and FOLLOW_UP_NEW in html.unescape(r.text)
        day.check(
            f"1. {label}: the receipt at /follow-up of the other node shows the report",
            shown,
            f"{r.upstream} answered {r.status}" + ("" if shown else f" {alerts(r.text)}"),
        )


def step_rate_limit(day, s):
    """2. One network over the limit across both nodes."""
    source = "127.0.30.1"
    ports = [s.only_a, s.only_b] * 3
    loaded = []
    for i, port in enumerate(ports):
        text = f"Multinode day, network report {i + 1}: someone keeps messaging me from new numbers. Marker {s.marker}-n{i + 1}."
        b, page, fields = load_report(source, port, text)
        loaded.append((b, port, fields))
    time.sleep(2.2)
    answers = []
    for i, (b, port, fields) in enumerate(loaded):
        r, receipt, _ = post_report(b, port, fields)
        answers.append((r, port, receipt))
        if r.status == 303:
            s.web_acknowledged += 1
    first = answers[:5]
    sixth, _, _ = answers[5]
    day.check(
        "2. one network: five reports taken across both nodes (A, B, A, B, A)",
        all(r.status == 303 and receipt for r, _, receipt in first),
        ", ".join(f"{r.upstream} {r.status}" for r, _, _ in first),
    )
    refused = sixth.status == 429 and THROTTLED_TEXT in html.unescape(sixth.text)
    day.check(
        "2. one network: the sixth (on B) refused with the translated message",
        refused,
        f"{sixth.upstream} answered {sixth.status}"
        + (f", Retry-After {sixth.header('Retry-After')}" if sixth.status == 429 else "; the limit was per node"),
    )


def varied_text(n):
    """A report of ordinary words in an order of its own: never near-identical to another
    (ten near-identical reports of one hour would be one "wave" line in the inbox)."""
    rng = random.Random(n)
    words = rng.sample(VOCABULARY, 24)
    return f"Multinode day, busy report {n}: " + " ".join(words) + "."


def step_flood(day, s):
    """2. Over 20 reports a minute across both nodes: flood mode on both."""
    loaded = []
    for i in range(FLOOD_REPORTS):
        port = (s.only_a, s.only_b)[i % 2]
        b, _, fields = load_report(f"127.0.{100 + i}.1", port, varied_text(i))
        loaded.append((b, port, fields))
    time.sleep(2.2)
    stored = 0
    for b, port, fields in loaded:
        r, _, _ = post_report(b, port, fields)
        if r.status == 303:
            stored += 1
    s.web_acknowledged += stored
    day.check(
        f"2. {FLOOD_REPORTS} reports from {FLOOD_REPORTS} networks, A and B in turn: all taken",
        stored == FLOOD_REPORTS,
        f"{stored} taken",
    )
    # What a visitor sees of flood mode: the form asks browsers for a proof of work. A node
    # may learn of the others' reports a little later: each has FLOOD_SEEN_WITHIN seconds.
    at = time.time()
    on = {}
    while len(on) < 2 and time.time() - at < FLOOD_SEEN_WITHIN:
        for name, port in (("A", s.port_a), ("B", s.port_b)):
            if name not in on and "data-pow-challenge" in request(port, "GET", "/report").text:
                on[name] = time.time() - at
        time.sleep(0.2)
    day.check(
        "2. flood mode on both nodes (their forms ask for a proof of work)",
        len(on) == 2,
        ", ".join(
            f"{name} " + (f"on after {on[name]:.1f} s" if name in on else f"off for {FLOOD_SEEN_WITHIN} s")
            for name in ("A", "B")
        ),
    )


def step_staff(day, s):
    """3. The admin and a moderator sign in through the proxy; the inbox lists the reports."""
    for attr, who, username, password in (
        ("admin", "the admin", "admin", s.admin_otp),
        ("moderator", "the moderator", "moderator", s.moderator_otp),
    ):
        try:
            setattr(s, attr, sign_in(day, s, who, username, password))
        except StepFailed as e:
            day.check(f"3. {who} signed in through the proxy (password, new password, TOTP)", False, str(e))
    ids, r = inbox_ids(need(s.moderator, "the moderator"), s.proxy, "web")
    day.check(
        "3. the moderator's inbox (through the proxy) lists every acknowledged web report",
        ids is not None and len(ids) == s.web_acknowledged,
        f"{len(ids) if ids is not None else 'no inbox: ' + str(r.status)} listed, {s.web_acknowledged} acknowledged",
    )


def step_signin_throttle(day, s):
    """3. Wrong passwords for one name on A and B in turn slow that name down on both."""
    # Through the per-node ports: pinning keeps sign-in on A, but B answers anyone who
    # reaches it (another proxy rule, a node's own address).
    name = "former-volunteer"
    browsers = {}
    answers = []
    # Five wrong passwords, A, B, A, B, A (each with a sign-in form of that node), then a
    # sixth on B: after five failures an account waits 2 s before it is tried again.
    for i, port in enumerate([s.only_a, s.only_b] * 3):
        b = browsers.setdefault(port, Browser("127.0.50.1"))
        page = b.get(port, "/admin/login")
        if page.status != 200:
            raise StepFailed(f"GET /admin/login: {said(page)}")
        form = Forms(page.text).find("/admin/login")
        r = b.post_form(
            port,
            "/admin/login",
            form_fields(form, {"username": name, "password": f"guess number {i + 1}"}),
        )
        answers.append(r)
    wrong = [r for r in answers[:5] if SIGNIN_WRONG in html.unescape(r.text)]
    last = answers[5]
    day.check(
        "3. five wrong passwords for one name, A and B in turn: each told it is wrong",
        len(wrong) == 5,
        ", ".join(f"{r.upstream} {'wrong' if SIGNIN_WRONG in html.unescape(r.text) else alerts(r.text)}" for r in answers[:5]),
    )
    day.check(
        "3. the sixth (on B) is told to wait: the slowdown counts both nodes' failures",
        SIGNIN_WAIT in html.unescape(last.text),
        f"{last.upstream} answered {last.status} {alerts(last.text)}",
    )


def step_feed_setup(day, s):
    """4. The admin adds the news feed and a keyword rule."""
    b = need(s.admin, "the admin")
    r = b.get(s.proxy, "/admin/feeds")
    if r.status != 200:
        raise StepFailed(f"GET /admin/feeds answered {r.status}")
    page = Forms(r.text)
    rule = b.post_form(
        s.proxy,
        "/admin/feeds/rules",
        form_fields(
            page.find("/admin/feeds/rules"),
            {"name": "Blackmail", "phrases": "blackmail\nsextortion", "match": "any"},
        ),
    )
    feed = b.post_form(
        s.proxy,
        "/admin/feeds",
        form_fields(
            page.find("/admin/feeds"),
            {"url": f"http://127.0.0.1:{s.news.port}/feed.xml", "name": "Example Daily", "enabled": "1"},
        ),
    )
    ok = rule.status == 303 and feed.status == 303 and "done=feed_added" in (feed.header("Location") or "")
    day.check(
        "4. the admin added a news feed and a keyword rule through the proxy",
        ok,
        f"rule {rule.status} {rule.header('Location')}, feed {feed.status} {feed.header('Location')}",
    )
    s.feed_added_at = time.time()


def sms_post(s, port, text):
    """The SMSSync app posts one received SMS from PHONE (its own message id each time)."""
    fields = {
        "from": PHONE,
        "message": text,
        "message_id": str(uuid.uuid4()),
        "sent_to": "+923000000000",
        "secret": s.sms_secret,
        "device_id": "1",
        "sent_timestamp": str(int(time.time() * 1000)),
    }
    r = request(
        port,
        "POST",
        "/sms/smssync",
        urllib.parse.urlencode(fields),
        {"Content-Type": "application/x-www-form-urlencoded"},
        "127.0.40.1",
    )
    return r


def sms_task_send(s, port):
    """The app's task check: (reply, the messages waiting, or None when not answered)."""
    q = urllib.parse.urlencode({"task": "send", "secret": s.sms_secret})
    r = request(port, "GET", f"/sms/smssync?{q}", source="127.0.40.1")
    try:
        return r, json.loads(r.body)["payload"].get("messages", [])
    except (ValueError, KeyError, TypeError):
        return r, None


def step_sms(day, s):
    """5. Parts of one SMS through A, B, A: one report, its reply fetched once."""
    answers = []
    for text, port in zip(SMS_PARTS, [s.only_a, s.only_b, s.only_a]):
        r = sms_post(s, port, text)
        ok = r.status == 200 and b'"success":true' in r.body.replace(b" ", b"")
        answers.append((r, ok))
    day.check(
        "5. three parts of one SMS taken by A, B, A",
        all(ok for _, ok in answers),
        ", ".join(f"{r.upstream} {r.status}" for r, _ in answers),
    )
    if s.moderator is None:
        ids = None
        day.check("5. the three parts are one report in the inbox", False, "no moderator is signed in to look")
    else:
        ids, r = inbox_ids(s.moderator, s.proxy, "sms")
        day.check(
            "5. the three parts are one report in the inbox",
            ids is not None and len(ids) == 1,
            f"{len(ids) if ids is not None else 'no inbox: ' + str(r.status)} SMS report(s)",
        )
    if ids:
        review = s.moderator.get(s.proxy, f"/admin/submissions/{ids[0]}")
        text = html.unescape(review.text)
        day.check(
            "5. the report (review page, on A) holds all three parts",
            review.status == 200 and all(p in text for p in SMS_PARTS),
            f"review {review.status}; parts found: {[p in text for p in SMS_PARTS]}",
        )
    # The phone checks for replies (task=send) through the proxy, landing on B, then on A:
    # one reply (the receipt) waits in one queue. A single node gives it again until the
    # phone confirms it, so A may give the same one again, but no other. The phone confirms
    # (task=sent) on A.
    r_b, on_b = sms_task_send(s, s.only_b)
    r_a, on_a = sms_task_send(s, s.only_a)
    uuids = {m.get("uuid") for m in (on_b or []) + (on_a or [])}
    to_us = [m for m in (on_b or []) if m.get("to") == PHONE]
    day.check(
        "5. one reply (the receipt) waits for the phone, whichever node it asks",
        len(on_b or []) == 1 and len(on_a or []) <= 1 and len(uuids) == 1 and len(to_us) == 1,
        f"task=send on B: {len(on_b) if on_b is not None else r_b.status}, "
        f"on A: {len(on_a) if on_a is not None else r_a.status}, {len(uuids)} different",
    )
    if to_us:
        uuid_list = [to_us[0]["uuid"]]
        r = request(
            s.only_a,
            "POST",
            "/sms/smssync?task=sent",
            json.dumps({"queued_messages": uuid_list}),
            {"Content-Type": "application/json"},
            "127.0.40.1",
        )
        try:
            confirmed = json.loads(r.body).get("message_uuids", [])
        except ValueError:
            confirmed = []
        day.check(
            "5. the reply fetched from B is confirmed by task=sent on A",
            r.status == 200 and confirmed == uuid_list,
            f"{r.upstream}: {r.status}, confirmed {len(confirmed)} of 1",
        )
    _, again_b = sms_task_send(s, s.only_b)
    _, again_a = sms_task_send(s, s.only_a)
    again = (again_a or []) + (again_b or [])
    day.check(
        "5. the reply is not fetched a second time (task=send on A and on B)",
        again_a is not None and again_b is not None and not again,
        f"{len(again)} more reply(ies)",
    )


def review_form(b, port, sid):
    """The review page's decision form of report `sid`."""
    r = b.get(port, f"/admin/submissions/{sid}")
    if r.status != 200:
        raise StepFailed(f"review page of {sid} answered {r.status}")
    return Forms(r.text).find(f"/admin/submissions/{sid}")


def api_has(port, case_id):
    """Whether a node's public API has case `case_id`."""
    r = request(port, "GET", f"/api/v1/cases/{case_id}")
    return r.status == 200


def watch(ports, case_id, want, since):
    """Polls /api/v1/cases/{id} on every node until each shows the case (`want`) or not;
    returns {port: seconds since `since`, or None after a few seconds}."""
    seen = {}
    deadline = since + 5
    while len(seen) < len(ports) and time.time() < deadline:
        for port in ports:
            if port not in seen and api_has(port, case_id) == want:
                seen[port] = time.time() - since
        time.sleep(0.01)
    return {p: seen.get(p) for p in ports}


def latency_text(s, seen):
    """How long each node took, for a PASS or FAIL line."""
    return ", ".join(
        f"{'A' if p == s.port_a else 'B'} {'never within 5 s' if t is None else f'{t * 1000:.0f} ms'}"
        for p, t in seen.items()
    )


def step_publish(day, s):
    """6. Two cases published, one withdrawn: seen on both nodes within 1 s."""
    b = need(s.moderator, "the moderator")
    ids, r = inbox_ids(b, s.proxy, "web", "new")
    if not ids or len(ids) < 2:
        raise StepFailed(f"the inbox lists {ids} new web reports")
    published = []
    for n, sid in enumerate(ids[:2]):
        form = review_form(b, s.proxy, sid)
        fields = form_fields(
            form,
            {
                "title_en": f"Threats and a fake account, case {n + 1}",
                "label.kind": "online_harassment_cyberstalking",
                "label.act": "threats",
                "place_level": "province",
                "period": f"{THIS_MONTH.tm_year}-{THIS_MONTH.tm_mon:02d}",
                "action": "publish",
            },
        )
        r = b.post_form(s.proxy, f"/admin/submissions/{sid}", fields)
        at = time.time()
        done = (r.header("Location") or "").endswith("done=published")
        page, _ = b.follow(s.proxy, r)
        m = re.search(r'href="/stories/([^"/?#]+)"', page.text)
        if not (r.status == 303 and done and m):
            problems = re.findall(r'class="[^"]*(?:problem|error)[^"]*"[^>]*>(.*?)<', page.text)
            day.check(f"6. case {n + 1} published", False, f"{r.status} {r.header('Location')} {problems[:3]}")
            continue
        case_id = m.group(1)
        seen = watch([s.port_a, s.port_b], case_id, True, at)
        day.check(
            f"6. case {n + 1} published, in the public API of both nodes within {VISIBLE_WITHIN:.0f} s",
            all(t is not None and t <= VISIBLE_WITHIN for t in seen.values()),
            latency_text(s, seen),
        )
        published.append((sid, case_id))
    s.published = len(published)
    if not published:
        raise StepFailed("nothing was published")
    sid, case_id = published[0]
    form = review_form(b, s.proxy, sid)
    r = b.post_form(s.proxy, f"/admin/submissions/{sid}", form_fields(form, {"action": "archive"}))
    at = time.time()
    ok = r.status == 303 and (r.header("Location") or "").endswith("done=archived")
    seen = watch([s.port_a, s.port_b], case_id, False, at)
    day.check(
        f"6. case 1 withdrawn, gone from the public API of both nodes within {VISIBLE_WITHIN:.0f} s",
        ok and all(t is not None and t <= VISIBLE_WITHIN for t in seen.values()),
        f"archive {r.status}; " + latency_text(s, seen),
    )
    stories = [request(p, "GET", f"/stories/{case_id}").status for p in (s.port_a, s.port_b)]
    day.check("6. the withdrawn story is 404 on both nodes", stories == [404, 404], f"A {stories[0]}, B {stories[1]}")
    if ok:
        s.published -= 1


def signed_out(reply):
    """Whether a workspace page sent its caller to sign in."""
    to = reply.header("Location") or ""
    return reply.status in (302, 303, 307) and to.startswith("/admin/login")


def step_cookie_on_b(day, s):
    """7. The moderator's cookie sent to node B directly. A node that does not hold her key
    may ask for her password once (`/admin/unlock`, its per-node unlock); it may not sign
    her out, here or on node A."""
    b = need(s.moderator, "the moderator")
    before = b.unlocks
    on_b = b.get(s.port_b, "/admin/inbox")
    unlocked = "; asked for her password once" if b.unlocks > before else ""
    day.check(
        "7. the moderator's cookie on node B: still signed in there",
        on_b.status == 200 and not signed_out(on_b),
        f"B answered {on_b.status} {on_b.header('Location') or ''}{unlocked}",
    )
    on_a = b.get(s.proxy, "/admin/inbox")
    day.check(
        "7. ... and still signed in on node A (through the proxy)",
        on_a.status == 200 and not signed_out(on_a),
        f"{on_a.upstream} answered {on_a.status} {on_a.header('Location') or ''}",
    )


def step_feed(day, s):
    """8. The feed, polled by both nodes: exactly FEED_ITEMS candidates."""
    # Each node looks for due feeds once a minute from its start; give both a round and a
    # slow answer each.
    admin = need(s.admin, "the admin")
    if s.feed_added_at is None:
        raise StepFailed("no feed was added")
    until = s.started_at + 60 + 2 * FEED_DELAY + 4
    while time.time() < until:
        time.sleep(0.5)
    ids, r = inbox_ids(admin, s.proxy, "news")
    day.check(
        f"8. the feed's {FEED_ITEMS} items are exactly {FEED_ITEMS} inbox candidates",
        ids is not None and len(ids) == FEED_ITEMS,
        f"{len(ids) if ids is not None else 'no inbox: ' + str(r.status)} candidates; the news site was fetched {len(s.news.fetches)} time(s)",
    )


def step_end(day, s):
    """9. Nothing duplicated or lost, nobody signed out, both nodes agree."""
    expected = {"web": s.web_acknowledged, "sms": 1, "news": FEED_ITEMS}
    for who, b in (("admin", s.admin), ("moderator", s.moderator)):
        if b is None:
            day.check(f"9. the {who} is signed in", False, "never signed in")
            continue
        for name, port in (("A (through the proxy)", s.proxy), ("B (directly)", s.port_b), ("A again", s.proxy)):
            counts = {}
            out = False
            for channel in expected:
                ids, r = inbox_ids(b, port, channel)
                if ids is None:
                    out = True
                    break
                counts[channel] = len(ids)
            if out:
                day.check(f"9. the {who}'s inbox on {name}", False, f"signed out ({r.status} {r.header('Location') or ''})")
                continue
            day.check(
                f"9. the {who}'s inbox on {name} counts what was acknowledged",
                counts == expected,
                f"listed {counts}, acknowledged {expected}",
            )
    bodies = [request(p, "GET", "/api/v1/cases") for p in (s.port_a, s.port_b)]
    same = bodies[0].status == 200 and bodies[0].body == bodies[1].body
    try:
        cases = len(json.loads(bodies[0].body).get("features", []))
    except ValueError:
        cases = None
    day.check(
        "9. both nodes' public API (/api/v1/cases) answer the same bytes",
        same,
        f"A {bodies[0].status} {len(bodies[0].body)} B, B {bodies[1].status} {len(bodies[1].body)} B",
    )
    day.check(
        "9. the public API lists the published cases less the withdrawn one",
        cases == s.published,
        f"{cases} listed, {s.published} expected",
    )


# --- main --------------------------------------------------------------------------------


def main():
    """Sets up the nodes and nginx, runs the day; 1 if any check failed."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-pin", action="store_true", help="/admin round-robin too (no pinning to node A)")
    ap.add_argument(
        "--one-node",
        action="store_true",
        help="a check of this script: node B is node A (one process, nothing to share); every check must pass",
    )
    args = ap.parse_args()

    day = Day()
    procs = Processes()
    news = None
    t0 = time.time()

    def on_signal(signum, _frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)

    s = Setting()
    s.marker = secrets.token_hex(4)
    s.web_acknowledged = 0
    s.published = 0
    s.admin = s.moderator = None
    s.feed_added_at = None
    ok_setup = False
    try:
        psql(f'CREATE DATABASE "{DATABASE}"')
        s.database_url = database_url()
        s.port_a = free_port()
        # --one-node: "node B" is node A (a check of this script: every step must pass).
        s.port_b = s.port_a if args.one_node else free_port()
        s.proxy, s.only_a, s.only_b = free_port(), free_port(), free_port()
        NODE_NAMES.update({f"127.0.0.1:{s.port_b}": "B", f"127.0.0.1:{s.port_a}": "A"})
        s.sms_secret = secrets.token_urlsafe(32)

        base_env = {k: v for k, v in os.environ.items() if not k.startswith("NAQSHA_")}
        base_env.update(
            {
                "NAQSHA_DATABASE_URL": s.database_url,
                "NAQSHA_LOG": "info",
                "NO_COLOR": "1",
            }
        )
        # `naqsha init` and `naqsha user add`, as the README says.
        env = dict(base_env, NAQSHA_DATA_DIR=os.path.join(WORK, "cli"))
        out = naqsha(env, "init")
        s.admin_otp = re.search(r"One-time password: (\S+)", out).group(1)
        out = naqsha(
            dict(env, NAQSHA_ADMIN_PASSWORD=s.admin_otp), "user", "add", "moderator", "--role", "moderator"
        )
        s.moderator_otp = re.search(r"One-time password: (\S+)", out).group(1)

        news = NewsSite()
        s.news = news
        nodes = {}
        for name, port in (("a", s.port_a), ("b", s.port_b))[: 1 if args.one_node else 2]:
            env = dict(
                base_env,
                NAQSHA_DATA_DIR=os.path.join(WORK, f"node-{name}"),
                NAQSHA_BIND=f"127.0.0.1:{port}",
                NAQSHA_CLIENT_IP_HEADER="X-Forwarded-For",
                NAQSHA_SMSSYNC_SECRET=s.sms_secret,
                # Replies wait for the phone's task=send (the reply queue is what is tested).
                NAQSHA_SMSSYNC_INSTANT_REPLY="false",
                NAQSHA_NEWS_ALLOW_PRIVATE_HOSTS="true",
                # Read by nodes that know it (issue 18 adds a node name); ignored otherwise.
                NAQSHA_NODE=name,
            )
            nodes[name] = (port, env)
        # Both nodes start together, as after a deploy: their jobs tick at the same moments.
        s.started_at = time.time()
        node_procs = {
            name: procs.start(f"node {name.upper()}", [BIN, "serve"], env, os.path.join(WORK, f"node-{name}.log"))
            for name, (port, env) in nodes.items()
        }
        for name, (port, _) in nodes.items():
            wait_healthy(port, f"node {name.upper()}", node_procs[name])

        ngx = os.path.join(WORK, "nginx")
        os.makedirs(ngx)
        user = ""
        if os.geteuid() == 0:
            # nginx started by root runs its worker as another user: let it reach its files.
            user = "user nobody nogroup;"
            os.chmod(WORK, 0o711)
            os.chmod(ngx, 0o777)
        conf = os.path.join(ngx, "nginx.conf")
        with open(conf, "w") as f:
            f.write(
                NGINX_CONF.format(
                    user=user,
                    dir=ngx,
                    a=s.port_a,
                    b=s.port_b,
                    proxy=s.proxy,
                    only_a=s.only_a,
                    only_b=s.only_b,
                    admin_upstream="naqsha_all" if args.no_pin else "naqsha_a",
                )
            )
        nginx = procs.start("nginx", ["nginx", "-c", conf, "-p", ngx], base_env, os.path.join(ngx, "stderr.log"))
        for port in (s.proxy, s.only_a, s.only_b):
            wait_healthy(port, "nginx", nginx)
        procs.running.append(("nginx error log", nginx, os.path.join(ngx, "error.log")))
        procs.running.append(("nginx access log", nginx, os.path.join(ngx, "access.log")))
        print(
            f"{'ONE node (--one-node) as A and B' if args.one_node else 'two nodes'} (A :{s.port_a}, B :{s.port_b}) over PostgreSQL database {DATABASE}, "
            f"nginx :{s.proxy} ({'no pinning' if args.no_pin else '/admin pinned to A'}), "
            f"ready in {time.time() - t0:.1f} s",
            flush=True,
        )
        ok_setup = True
    except (StepFailed, subprocess.CalledProcessError, subprocess.TimeoutExpired, AttributeError, OSError) as e:
        day.check("setup: database, init, user add, two nodes, nginx", False, str(e))
        if isinstance(e, subprocess.CalledProcessError):
            print(e.stderr)

    try:
        if ok_setup:
            steps = [
                step_reports,
                step_rate_limit,
                step_flood,
                step_staff,
                step_signin_throttle,
                step_feed_setup,
                step_sms,
                step_publish,
                step_cookie_on_b,
                step_feed,
                step_end,
            ]
            for step in steps:
                try:
                    step(day, s)
                except StepFailed as e:
                    day.check(f"{step.__doc__.split(' ', 1)[0]} {step.__name__}: could not go on", False, str(e))
                except (OSError, http.client.HTTPException) as e:
                    day.check(f"{step.__name__}: a request failed", False, f"{type(e).__name__}: {e}")
                    traceback.print_exc()
                except Exception as e:  # a page not as expected: the day goes on
                    day.check(f"{step.__name__}: stopped", False, f"{type(e).__name__}: {e}")
                    traceback.print_exc()
        print(
            f"\n{day.passed} passed, {len(day.failed)} failed in {time.time() - t0:.0f} s",
            flush=True,
        )
        if day.failed:
            print("FAILED: " + "; ".join(day.failed))
            procs.stop_all()
            procs.print_logs()
            return 1
        return 0
    finally:
        procs.stop_all()
        if news:
            news.stop()
        try:
            psql(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as e:
            print(f"could not drop database {DATABASE}: {e}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
