#!/usr/bin/env bash
# Public side under load: 100,000 published demo cases, wrk on loopback against Naqsha and,
# as the ceiling, against nginx serving the very same bytes as static files.
#
#   benches/public/run.sh [CASES]       (default 100000)
#
# Needs: wrk, nginx (Debian packages), curl, node with playwright-core (npm ci) and chromium
# for the page-weight measurement. Prints a Markdown table; copy it to benches/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

cases="${1:-100000}"
duration="${NAQSHA_WRK_SECONDS:-15}"
port=18080
nginx_port=18081

cargo build --release --quiet -p naqsha --bin naqsha
bin=target/release/naqsha
work="$(mktemp -d)"
trap 'kill "${server:-0}" 2>/dev/null || true; nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$work"' EXIT

start=$(date +%s.%N)
"$bin" demo seed --cases "$cases" --data-dir "$work/data" > /dev/null
seeded=$(echo "$(date +%s.%N) - $start" | bc)
echo "seeded $cases cases in ${seeded}s" >&2

NAQSHA_LOG=warn "$bin" serve --bind "127.0.0.1:$port" --data-dir "$work/data" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 200); do
    curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break
    sleep 0.1
done
rss() { awk '/VmRSS/ {print int($2/1024) " MiB"}' "/proc/$server/status"; }

# The URLs measured, as (label, path). The filtered query picks one kind and one province.
declare -a labels=("GET /api/v1/cases (unfiltered)" "GET /api/v1/cases?kind=…&province=pk-pb (filtered)" "GET /stats" "GET / (home, first page)")
declare -a paths=("/api/v1/cases" "/api/v1/cases?kind=online_harassment_cyberstalking&province=pk-pb" "/stats" "/")

# The same bytes for nginx: each response saved as a file (gzip-compressed copies served with
# gzip_static, as Naqsha compresses too).
mkdir -p "$work/www"
for i in "${!paths[@]}"; do
    curl -fsS -H 'Accept-Encoding: identity' "http://127.0.0.1:$port${paths[$i]}" -o "$work/www/f$i"
    gzip -k -6 "$work/www/f$i"
done
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    gzip_static on;
    default_type application/octet-stream;
    server {
        listen 127.0.0.1:$nginx_port;
        root $work/www;
        location / { try_files \$uri =404; }
    }
}
CONF
nginx -c "$work/nginx.conf"

wrk_run() { # url → "req/s p50 p99"
    wrk -t2 -c32 -d"${duration}s" --latency -H 'Accept-Encoding: gzip' "$1" 2>&1 | awk '
        /Requests\/sec/ {rps=$2}
        /^ +50%/ {p50=$2}
        /^ +99%/ {p99=$2}
        END {print rps, p50, p99}'
}

single() { # url → median of 20 single requests, ms
    for _ in $(seq 1 20); do
        curl -s -o /dev/null -w '%{time_total}\n' -H 'Accept-Encoding: gzip' "$1"
    done | sort -n | awk '{a[NR]=$1} END {printf "%.1f ms", a[int((NR+1)/2)]*1000}'
}

echo "| request | Naqsha req/s | p50 | p99 | single request (median of 20) | nginx, same bytes: req/s | p99 |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for i in "${!paths[@]}"; do
    url="http://127.0.0.1:$port${paths[$i]}"
    # Warm the snapshot and the response caches.
    curl -fsS -o /dev/null "$url"
    read -r rps p50 p99 < <(wrk_run "$url")
    one=$(single "$url")
    read -r nrps _ np99 < <(wrk_run "http://127.0.0.1:$nginx_port/f$i")
    echo "| ${labels[$i]} | $rps | $p50 | $p99 | $one | $nrps | $np99 |"
done
echo
echo "Naqsha RSS after the runs: $(rss); $cases cases seeded in ${seeded}s."
