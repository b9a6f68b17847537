#!/usr/bin/env bash
# What `[server] onion_address` costs: the same requests with and without it (the layer that
# adds Onion-Location is installed only when it is set), wrk on loopback, one server at a time.
#
#   benches/deploy/onion.sh [CASES]       (default 1000 published demo cases)
#
# Needs wrk and curl. NAQSHA_BIN (default target/release/naqsha, built if missing),
# NAQSHA_WRK_SECONDS (default 10). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/../.."

cases="${1:-1000}"
duration="${NAQSHA_WRK_SECONDS:-10}"
bin="${NAQSHA_BIN:-target/release/naqsha}"
[ -x "$bin" ] || cargo build --release --quiet -p naqsha --bin naqsha
onion=pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd.onion
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
work="$(mktemp -d)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

"$bin" demo seed --cases "$cases" --data-dir "$work/data" > /dev/null

declare -a paths=("/api/v1/cases" "/stats" "/")
echo "| request | without onion_address: req/s | p99 | with onion_address: req/s | p99 |"
echo "| --- | --- | --- | --- | --- |"
declare -A rate p99
for mode in off on; do
    env=(NAQSHA_LOG=warn NAQSHA_PUBLIC_URL=https://map.example.test)
    [ "$mode" = on ] && env+=(NAQSHA_ONION_ADDRESS=$onion)
    env "${env[@]}" "$bin" serve --bind "127.0.0.1:$port" --data-dir "$work/data" \
        > "$work/serve.log" 2>&1 &
    server=$!
    for _ in $(seq 1 200); do
        curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break
        sleep 0.1
    done
    if [ "$mode" = on ]; then
        curl -fsS -D - -o /dev/null "http://127.0.0.1:$port/" | grep -qi '^onion-location:' \
            || { echo "no Onion-Location with onion_address set" >&2; exit 1; }
    fi
    for p in "${paths[@]}"; do
        out=$(wrk -t2 -c32 -d"${duration}s" --latency -H 'Accept-Encoding: gzip' \
            "http://127.0.0.1:$port$p")
        rate[$mode$p]=$(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$out")
        p99[$mode$p]=$(awk '$1 == "99%" {print $2}' <<<"$out")
    done
    kill "$server"
    wait "$server" 2>/dev/null || true
done
for p in "${paths[@]}"; do
    echo "| GET $p | ${rate[off$p]} | ${p99[off$p]} | ${rate[on$p]} | ${p99[on$p]} |"
done
