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
# default), NGINX_WORKERS (default 2), BASELINE_BIN (another build, e.g. main's, started
# beside the first on its own demo data and measured in the same row, right after nginx:
# on a shared machine whose load changes from minute to minute, the two builds are only
# comparable run against run in the same row).
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
baseline_port=18479
baseline="${BASELINE_BIN:-}"

if [[ ! -x "$bin" ]]; then
    cargo build --release --quiet -p naqsha --bin naqsha
fi
work="$(mktemp -d)"
# nginx workers run as another user when started by root: they must read the files.
chmod 755 "$work"
cleanup() {
    kill "${server:-0}" 2>/dev/null || true
    kill "${baseline_server:-0}" 2>/dev/null || true
    [[ -f "$work/nginx.pid" ]] && nginx -c "$work/nginx.conf" -p "$work" -s stop 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# The request log stays on (`info`, the default): it is part of what is measured.
NAQSHA_LOG=info "$bin" serve --demo --bind "127.0.0.1:$port" --data-dir "$work/data" \
    > "$work/serve.out" 2> "$work/serve.log" &
server=$!
if [[ -n "$baseline" ]]; then
    NAQSHA_LOG=info "$baseline" serve --demo --bind "127.0.0.1:$baseline_port" \
        --data-dir "$work/baseline-data" > "$work/baseline.out" 2> "$work/baseline.log" &
    baseline_server=$!
fi
wait_for() { # base URL
    for _ in $(seq 1 300); do
        curl -fsS "$1/healthz" > /dev/null 2>&1 && return
        sleep 0.1
    done
}
first_case() { # base URL → the id of a published case
    curl -fsS "$1/api/v1/cases?limit=1" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4
}
base="http://127.0.0.1:$port"
wait_for "$base"
id=$(first_case "$base")
[[ -n "$id" ]] || { echo "no published case found" >&2; exit 1; }
if [[ -n "$baseline" ]]; then
    baseline_base="http://127.0.0.1:$baseline_port"
    wait_for "$baseline_base"
    baseline_id=$(first_case "$baseline_base")
    [[ -n "$baseline_id" ]] || { echo "no published case found (baseline)" >&2; exit 1; }
fi

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
if [[ -n "$baseline" ]]; then
    echo "| request | body (gzip) | connections | Naqsha req/s | nginx req/s | baseline req/s | Naqsha / nginx | baseline / nginx |"
    echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
else
    echo "| request | body (gzip) | connections | Naqsha req/s | nginx req/s | Naqsha / nginx |"
    echo "| --- | --- | --- | --- | --- | --- |"
fi
for i in "${!paths[@]}"; do
    size=$(stat -c %s "$work/www/f$i.gz" 2>/dev/null || stat -c %s "$work/www/f$i")
    for c in $connections; do
        n=$(rps "$base${paths[$i]}" "$c")
        x=$(rps "http://127.0.0.1:$nginx_port/f$i" "$c")
        ratio=$(awk -v n="$n" -v x="$x" 'BEGIN {printf "%.2f", n / x}')
        if [[ -n "$baseline" ]]; then
            # The baseline's own demo data: its case id, its (nearly equal) bodies.
            b=$(rps "$baseline_base${paths[$i]/$id/$baseline_id}" "$c")
            bratio=$(awk -v n="$b" -v x="$x" 'BEGIN {printf "%.2f", n / x}')
            echo "| ${labels[$i]} | $size B | $c | $n | $x | $b | $ratio× | $bratio× |"
        else
            echo "| ${labels[$i]} | $size B | $c | $n | $x | $ratio× |"
        fi
    done
done
logged=$(( $(grep -c 'duration_ms' "$work/serve.log" || true) - logged_before ))
echo
echo "Request log lines written during the runs: $logged (Naqsha at log level info)."
if [[ -n "$baseline" ]]; then
    sizes=""
    for i in "${!paths[@]}"; do
        sizes+=" $(curl -fsS -H 'Accept-Encoding: gzip' "$baseline_base${paths[$i]/$id/$baseline_id}" | wc -c) B"
    done
    echo "Baseline's bodies (gzip where it compresses):$sizes; its request log lines: $(grep -c 'duration_ms' "$work/baseline.log" || true)."
fi
