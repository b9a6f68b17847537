#!/usr/bin/env bash
# The deployment kit, checked for real (CI calls this from .ci/run, as root, on a Debian
# machine where systemd need not be PID 1):
#   1. builds the .deb with cargo-deb from the release binary (built here only if missing),
#   2. installs it with dpkg -i and checks the user, directories, files and permissions it
#      made, and that it enabled and started nothing,
#   3. configures it, runs `naqsha init` and then the unit's own ExecStart as the naqsha user
#      (setpriv: no new privileges, no capabilities, umask 077), waits for /healthz,
#   4. puts the shipped nginx configuration in front (self-signed certificate, loopback
#      ports) and checks what a visitor gets through it: headers once, body limits, the onion,
#   5. runs `naqsha doctor` (all ok; then a readable configuration file must be a "fix"),
#   6. runs the backup unit's ExecStart (an age file, decrypted with the key kept outside,
#      copied "off-site" to another directory),
#   7. stops everything and purges the package.
# Environment: NAQSHA_TARGET_DIR (default target) holds the binary; NAQSHA_DEB_PROFILE (default
# release; CI gives dev, the binary its tests built) is the cargo profile packaged;
# NAQSHA_DEB names a .deb already built (then nothing is built).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

step() { printf '\n--- deploy: %s (%ss)\n' "$*" "$SECONDS"; }
fail() { echo "deploy/ci-check.sh: FAILED: $*" >&2; exit 1; }
expect_stat() { # path owner:group mode
    local got
    got=$(stat -c '%U:%G %a' "$1") || fail "$1 missing"
    [ "$got" = "$2 $3" ] || fail "$1 is $got, expected $2 $3"
    echo "ok $1 $got"
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

[ "$(id -u)" = 0 ] || fail "run as root (it installs a package)"
if dpkg -s naqsha >/dev/null 2>&1 || getent passwd naqsha >/dev/null || [ -e /var/lib/naqsha ]; then
    fail "this machine already has a naqsha package, user or /var/lib/naqsha; the check needs a clean one"
fi

work=$(mktemp -d /tmp/naqsha-deploy-check.XXXXXX)
chmod 755 "$work"
server_pid=
nginx_pid=
cleanup() {
    set +e
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
    if dpkg -s naqsha >/dev/null 2>&1; then dpkg --purge naqsha >/dev/null; fi
    if getent passwd naqsha >/dev/null; then userdel naqsha; fi
    if getent group naqsha >/dev/null; then groupdel naqsha; fi
    rm -rf /var/lib/naqsha "$work"
}
trap cleanup EXIT

step "the .deb"
export CARGO_TARGET_DIR="${NAQSHA_TARGET_DIR:-$root/target}"
if [ -n "${NAQSHA_DEB:-}" ]; then
    cp "$NAQSHA_DEB" "$work/naqsha.deb"
else
    profile="${NAQSHA_DEB_PROFILE:-release}"
    profile_dir=$profile
    [ "$profile" = dev ] && profile_dir=debug
    if [ ! -x "$CARGO_TARGET_DIR/$profile_dir/naqsha" ]; then
        nice -n 10 cargo build --profile "$profile" --quiet -p naqsha --bin naqsha
    fi
    if ! cargo deb --version >/dev/null 2>&1; then
        cargo install cargo-deb --version 3.8.0 --locked --quiet
    fi
    cargo deb -p naqsha --no-build --profile "$profile" --fast --quiet --output "$work/naqsha.deb"
fi
dpkg-deb --info "$work/naqsha.deb" | sed -n '/Package:/,$p'
dpkg-deb --contents "$work/naqsha.deb" | awk '{print $1, $2, $6}'

step "dpkg -i"
dpkg -i "$work/naqsha.deb"
getent passwd naqsha | grep -q ':/var/lib/naqsha:/usr/sbin/nologin$' \
    || fail "user naqsha: $(getent passwd naqsha)"
echo "ok user $(getent passwd naqsha)"
expect_stat /usr/bin/naqsha root:root 755
expect_stat /usr/lib/naqsha/naqsha-backup root:root 755
expect_stat /var/lib/naqsha naqsha:naqsha 700
expect_stat /var/lib/naqsha/backups naqsha:naqsha 700
expect_stat /etc/naqsha root:naqsha 750
expect_stat /etc/naqsha/naqsha.toml root:naqsha 640
expect_stat /etc/naqsha/backup.env root:naqsha 640
for unit in naqsha.service naqsha-backup.service naqsha-backup.timer; do
    expect_stat "/lib/systemd/system/$unit" root:root 644
    if [ -e "/etc/systemd/system/multi-user.target.wants/$unit" ] \
        || [ -e "/etc/systemd/system/timers.target.wants/$unit" ]; then
        fail "$unit was enabled at install; it must wait until configured"
    fi
done
for f in nginx/naqsha.conf nginx/locations.conf caddy/Caddyfile tor/torrc; do
    cmp "/usr/share/naqsha/$f" "deploy/$f" || fail "/usr/share/naqsha/$f differs from deploy/$f"
done
if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify /lib/systemd/system/naqsha.service \
        /lib/systemd/system/naqsha-backup.service /lib/systemd/system/naqsha-backup.timer
    echo "ok systemd-analyze verify"
fi

step "configure and init"
port=$(free_port)
onion=pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion
# The backup key is made "on another computer": here, a directory the naqsha user cannot read.
install -d -m 700 "$work/offline"
if command -v age-keygen >/dev/null; then
    age-keygen -o "$work/offline/backup-key.txt" 2>/dev/null
    recipient=$(age-keygen -y "$work/offline/backup-key.txt")
else
    fail "age-keygen missing (Debian package age)"
fi
sed -i \
    -e "s|^bind = .*|bind = \"127.0.0.1:$port\"|" \
    -e "s|^# public_url = .*|public_url = \"https://map.example.test\"|" \
    -e "s|^# onion_address = .*|onion_address = \"$onion\"|" \
    -e "s|^recipients = .*|recipients = [\"$recipient\"]|" \
    /etc/naqsha/naqsha.toml
# The naqsha user as the unit runs it: no new privileges, no capabilities, umask 077, its
# state directory as the working directory, only the unit's environment.
sandbox=(setpriv --reuid naqsha --regid naqsha --init-groups --no-new-privs --inh-caps=-all
    --bounding-set=-all -- env -i PATH=/usr/bin:/bin NAQSHA_CONFIG=/etc/naqsha/naqsha.toml
    NAQSHA_LOG=warn)
as_naqsha() {
    (cd /var/lib/naqsha && umask 077 && exec "${sandbox[@]}" "$@")
}
as_naqsha /usr/bin/naqsha --config /etc/naqsha/naqsha.toml init >"$work/offline/init.txt"
grep -q "RECOVERY KEY" "$work/offline/init.txt" || fail "init printed no recovery key"
expect_stat /var/lib/naqsha/naqsha.db naqsha:naqsha 600

step "the unit's ExecStart as naqsha"
exec_start=$(sed -n 's/^ExecStart=//p' /lib/systemd/system/naqsha.service)
[ -n "$exec_start" ] || fail "no ExecStart in naqsha.service"
# Started here without a function around it, so that $! is the server itself (each exec
# keeps the process: subshell, setpriv, env, naqsha).
# shellcheck disable=SC2086 # the unit's command line, split as systemd splits it
(cd /var/lib/naqsha && umask 077 && exec "${sandbox[@]}" $exec_start) \
    >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/healthz" >"$work/health" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err" >&2; fail "serve exited"; }
    sleep 0.1
done
grep -q '"status":"ok"' "$work/health" || fail "healthz: $(cat "$work/health")"
echo "ok /healthz $(cat "$work/health") after ${SECONDS}s"
owner=$(ps -o user= -p "$server_pid" | tr -d ' ')
[ "$owner" = naqsha ] || fail "serve runs as '$owner', not naqsha"
echo "ok serve runs as naqsha (pid $server_pid)"

step "nginx in front (the shipped configuration)"
if command -v nginx >/dev/null; then
    https_port=$(free_port)
    http_port=$(free_port)
    onion_port=$(free_port)
    openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=map.example.test \
        -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
    sed -e "s|map.example.org|map.example.test|g" \
        -e "s|/etc/letsencrypt/live/map.example.test/fullchain.pem|$work/cert.pem|" \
        -e "s|/etc/letsencrypt/live/map.example.test/privkey.pem|$work/key.pem|" \
        -e "s|127.0.0.1:8080|127.0.0.1:$port|g" \
        -e "s|listen 80 default_server;|listen 127.0.0.1:$http_port default_server;|" \
        -e "s|listen 443 ssl http2 default_server;|listen 127.0.0.1:$https_port ssl http2 default_server;|" \
        -e "/listen \[::\]/d" \
        -e "s|listen 127.0.0.1:8081;|listen 127.0.0.1:$onion_port;|" \
        /usr/share/naqsha/nginx/naqsha.conf >"$work/site.conf"
    cat >"$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events {}
http {
    include /etc/nginx/mime.types;
    # Debian's nginx.conf has these on: the site must turn both off for itself.
    access_log $work/would-log-ips.log;
    gzip on;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    include $work/site.conf;
}
CONF
    nginx -t -c "$work/nginx.conf" -p "$work" 2>&1 | tail -1
    nginx -c "$work/nginx.conf" -p "$work" -g 'daemon off;' &
    nginx_pid=$!
    for _ in $(seq 1 50); do
        curl -s -o /dev/null "http://127.0.0.1:$onion_port/healthz" && break
        sleep 0.1
    done
    site=(--resolve "map.example.test:$https_port:127.0.0.1" -k)
    base="https://map.example.test:$https_port"
    curl -fsS "${site[@]}" -D "$work/h" -o /dev/null "$base/?year=2024"
    [ "$(grep -ci '^strict-transport-security:' "$work/h")" = 1 ] || fail "HSTS not exactly once: $(cat "$work/h")"
    [ "$(grep -ci '^content-security-policy:' "$work/h")" = 1 ] || fail "CSP not exactly once"
    grep -qi "^onion-location: http://$onion/?year=2024" "$work/h" || fail "no Onion-Location: $(cat "$work/h")"
    echo "ok https page: HSTS and CSP once, Onion-Location http://$onion/?year=2024"
    curl -fsS "${site[@]}" -H 'Accept-Encoding: gzip' -D "$work/h" -o /dev/null "$base/report"
    ! grep -qi '^content-encoding' "$work/h" || fail "nginx compressed the report form (BREACH)"
    echo "ok the report form is not compressed"
    code=$(curl -s "${site[@]}" -o /dev/null -w '%{http_code}' -X POST \
        --data-binary @<(head -c 3000000 /dev/zero) "$base/stats")
    [ "$code" = 413 ] || fail "a 3 MB body to /stats: $code, expected 413 from nginx"
    echo "ok a 3 MB body outside the upload routes: 413"
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http_port/report" -H 'Host: map.example.test')
    [ "$code" = 301 ] || fail "http is not redirected: $code"
    echo "ok http redirects to https"
    curl -fsS -D "$work/h" -o /dev/null -H "Host: $onion" "http://127.0.0.1:$onion_port/"
    ! grep -qi '^strict-transport-security' "$work/h" || fail "HSTS on the onion"
    ! grep -qi '^onion-location' "$work/h" || fail "Onion-Location on the onion"
    grep -q '^HTTP/1.1 200' "$work/h" || fail "onion: $(head -1 "$work/h")"
    echo "ok onion: 200 over http, no HSTS, no Onion-Location"
    [ ! -s "$work/would-log-ips.log" ] || fail "nginx logged requests: $(head -2 "$work/would-log-ips.log")"
    echo "ok nginx wrote no access log"
    kill "$nginx_pid"; wait "$nginx_pid" 2>/dev/null || true; nginx_pid=
else
    echo "nginx not installed: skipped"
fi

step "naqsha doctor"
if ! as_naqsha /usr/bin/naqsha --config /etc/naqsha/naqsha.toml doctor >"$work/doctor" 2>&1; then
    cat "$work/doctor"; fail "doctor found something to fix on the package's own setup"
fi
cat "$work/doctor"
chmod 644 /etc/naqsha/naqsha.toml
if as_naqsha /usr/bin/naqsha --config /etc/naqsha/naqsha.toml doctor >"$work/doctor" 2>&1; then
    fail "doctor passed a configuration file every user can read"
fi
grep -q '^fix configuration file: .*every user of this machine (644)' "$work/doctor" \
    || { cat "$work/doctor"; fail "doctor did not name the readable configuration file"; }
chmod 640 /etc/naqsha/naqsha.toml
echo "ok doctor: exit 1 and a fix line for a world-readable configuration file"

step "the backup unit's ExecStart as naqsha, copied off-site"
install -d -o naqsha -g naqsha -m 700 "$work/offsite"
backup_exec=$(sed -n 's/^ExecStart=//p' /lib/systemd/system/naqsha-backup.service)
# shellcheck disable=SC2086
as_naqsha NAQSHA_BACKUP_KEEP=2 NAQSHA_BACKUP_REMOTE="$work/offsite/" NAQSHA_BACKUP_SSH_KEY= \
    $backup_exec
sleep 1
# shellcheck disable=SC2086
as_naqsha NAQSHA_BACKUP_KEEP=2 $backup_exec >/dev/null
sleep 1
# shellcheck disable=SC2086
as_naqsha NAQSHA_BACKUP_KEEP=2 $backup_exec >/dev/null
kept=$(ls /var/lib/naqsha/backups | grep -c '\.age$')
[ "$kept" = 2 ] || fail "$kept backups kept, expected 2"
newest=$(ls /var/lib/naqsha/backups/*.age | sort | tail -1)
expect_stat "$newest" naqsha:naqsha 600
copied=$(ls "$work/offsite"/*.age)
# Decrypted to a file first: `grep -q` leaving early would make gunzip die of
# SIGPIPE, and pipefail would call a good backup bad.
age -d -i "$work/offline/backup-key.txt" -o "$work/offsite.json.gz" "$copied" \
    || fail "the off-site copy does not decrypt with the offline key"
gunzip -c "$work/offsite.json.gz" >"$work/offsite.json" \
    || fail "the off-site copy is not gzip"
head -c 200 "$work/offsite.json" | grep -q '"naqsha' \
    || fail "the off-site copy does not decrypt to a Naqsha backup"
echo "ok 2 backups kept, the off-site copy decrypts with the key kept off the server"

step "stop and purge"
kill "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=
dpkg --purge naqsha
[ ! -e /usr/bin/naqsha ] && [ ! -e /etc/naqsha ] && [ ! -e /lib/systemd/system/naqsha.service ] \
    || fail "purge left files behind"
[ -e /var/lib/naqsha/naqsha.db ] || fail "purge deleted the data; it must be kept"
echo "ok purged; /var/lib/naqsha kept as documented"

step "done"
