#!/usr/bin/env bash
# Throughput of the cached public API against nginx serving the very same bytes (issue 18).
#
#   benches/throughput/run.sh [SECONDS]          (default 5 s per wrk run)
#
# Starts the release binary with the demo data (`serve --demo`, request log on at `info`,
# written to a file), fetches what a map client asks for — the case list, one case, the
# counts by province, the GeoJSON export — with `Accept-Encoding: gzip` as a browser sends it,
# and writes the exact bytes to files that nginx serves with the same Content-Type (and
# Content-Encoding, through gzip_static). Then wrk (one thread: the machine has two cores,
# shared by client and servers) runs against both, one after the other, for each URL at
# each connection count, and the ratio Naqsha / nginx is printed.
#
# Environment: NAQSHA_BIN (default target/release/naqsha, built if missing),
# CONNECTIONS (default "1 16 64"; Naqsha accepts at most 64 connections from one network by
# default), NGINX_WORKERS (default 2).
#
# Needs: wrk and nginx (Debian packages wrk, nginx-light), curl, sha256sum.
set -euo pipefail
cd "$(dirname "$0")/../.."

duration="${1:-5}"
connections="${CONNECTIONS:-1 16 64}"
workers="${NGINX_WORKERS:-2}"
bin="${NAQSHA_BIN:-target/release/naqsha}"
port=18480
nginx_port=18481

if [[ ! -x "$bin" ]]; then
    cargo build --release --quiet -p naqsha --bin naqsha
fi
work="$(mktemp -d)"
# nginx workers run as another user when started by root: they must read the files.
chmod 755 "$work"
cleanup() {
    kill "${server:-0}" 2>/dev/null || true
    [[ -f "$work/nginx.pid" ]] && nginx -c "$work/nginx.conf" -p "$work" -s stop 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# The request log stays on (`info`, the default): it is part of what is measured.
NAQSHA_LOG=info "$bin" serve --demo --bind "127.0.0.1:$port" --data-dir "$work/data" \
    > "$work/serve.out" 2> "$work/serve.log" &
server=$!
for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break
    sleep 0.1
done
base="http://127.0.0.1:$port"
id=$(curl -fsS "$base/api/v1/cases?limit=1" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
[[ -n "$id" ]] || { echo "no published case found" >&2; exit 1; }

declare -a labels=(
    "GET /api/v1/cases (first page, 100 cases)"
    "GET /api/v1/cases/{id}"
    "GET /api/v1/stats?group_by=province"
    "GET /data/cases.geojson (export)"
)
declare -a paths=(
    "/api/v1/cases"
    "/api/v1/cases/$id"
    "/api/v1/stats?group_by=province"
    "/data/cases.geojson"
)

# The same bytes for nginx: the body Naqsha sends a client that accepts gzip, stored as the
# `.gz` file gzip_static serves, and the plain body beside it (served to clients without gzip).
mkdir -p "$work/www"
locations=""
for i in "${!paths[@]}"; do
    url="$base${paths[$i]}"
    curl -fsS -H 'Accept-Encoding: gzip' -D "$work/h$i" -o "$work/www/f$i.gz" "$url"
    curl -fsS -o "$work/www/f$i" "$url"
    ctype=$(awk -F': ' 'tolower($1) == "content-type" {print $2}' "$work/h$i" | tr -d '\r')
    if ! grep -qi '^content-encoding: gzip' "$work/h$i"; then
        # Small bodies go uncompressed: nginx sends the plain file then too.
        rm "$work/www/f$i.gz"
    fi
    locations+="        location = /f$i { default_type $ctype; }
"
done
cat > "$work/nginx.conf" <<CONF
worker_processes $workers;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    gzip_static on;
    types { }
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/www;
$locations    }
}
CONF
nginx -c "$work/nginx.conf" -p "$work"
sleep 0.3

# The two servers send the same body bytes.
for i in "${!paths[@]}"; do
    a=$(curl -fsS -H 'Accept-Encoding: gzip' "$base${paths[$i]}" | sha256sum)
    b=$(curl -fsS -H 'Accept-Encoding: gzip' "http://127.0.0.1:$nginx_port/f$i" | sha256sum)
    [[ "$a" == "$b" ]] || { echo "bodies differ for ${paths[$i]}" >&2; exit 1; }
done

rps() { # url connections → req/s
    wrk -t1 -c"$2" -d"${duration}s" -H 'Accept-Encoding: gzip' "$1" 2>&1 |
        awk '/Requests\/sec/ {print $2}'
}

logged_before=$(grep -c 'duration_ms' "$work/serve.log" || true)
echo "| request | body (gzip) | connections | Naqsha req/s | nginx req/s | Naqsha / nginx |"
echo "| --- | --- | --- | --- | --- | --- |"
for i in "${!paths[@]}"; do
    size=$(stat -c %s "$work/www/f$i.gz" 2>/dev/null || stat -c %s "$work/www/f$i")
    for c in $connections; do
        n=$(rps "$base${paths[$i]}" "$c")
        x=$(rps "http://127.0.0.1:$nginx_port/f$i" "$c")
        ratio=$(awk -v n="$n" -v x="$x" 'BEGIN {printf "%.2f", n / x}')
        echo "| ${labels[$i]} | $size B | $c | $n | $x | $ratio× |"
    done
done
logged=$(( $(grep -c 'duration_ms' "$work/serve.log" || true) - logged_before ))
echo
echo "Request log lines written during the runs: $logged (Naqsha at log level info)."
