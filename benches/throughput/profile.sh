#!/usr/bin/env bash
# Where the server's time goes while wrk loads one cached API URL (issue 18): a flat `perf`
# profile of the release binary, by shared object and symbol.
#
#   benches/throughput/profile.sh [SECONDS] [CONNECTIONS] [PATH]
#       (defaults: 8 s, 16 connections, /api/v1/cases/{id} of the first published case)
#
# Starts `serve --demo` as run.sh does (request log on at `info`, into a file), runs wrk
# (`-t1`, `Accept-Encoding: gzip`) and `perf record -F 1999 -p PID` over the same seconds,
# then prints wrk's figure and the top of `perf report --no-children --sort dso,symbol`.
#
# Environment: NAQSHA_BIN (default target/release/naqsha), TOP (lines of the report, 60).
# Needs: wrk, perf (Debian linux-perf), curl.
set -euo pipefail
cd "$(dirname "$0")/../.."

duration="${1:-8}"
connections="${2:-16}"
path="${3:-}"
bin="${NAQSHA_BIN:-target/release/naqsha}"
top="${TOP:-60}"
port=18482

work="$(mktemp -d)"
cleanup() {
    kill "${server:-0}" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

NAQSHA_LOG=info "$bin" serve --demo --bind "127.0.0.1:$port" --data-dir "$work/data" \
    > "$work/serve.out" 2> "$work/serve.log" &
server=$!
for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break
    sleep 0.1
done
base="http://127.0.0.1:$port"
if [[ -z "$path" ]]; then
    id=$(curl -fsS "$base/api/v1/cases?limit=1" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
    path="/api/v1/cases/$id"
fi
# Warm the cache (and the gzip body) first.
curl -fsS -H 'Accept-Encoding: gzip' -o /dev/null "$base$path"

# The server's CPU time (user + system, in clock ticks) from /proc.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
perf record -F 1999 -p "$server" -o "$work/perf.data" -- sleep "$duration" \
    > /dev/null 2> "$work/perf.err" &
recorder=$!
ticks_before=$(cpu_ticks)
wrk -t1 -c"$connections" -d"${duration}s" -H 'Accept-Encoding: gzip' "$base$path" \
    > "$work/wrk.txt"
ticks=$(( $(cpu_ticks) - ticks_before ))
wait "$recorder"
requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
awk '/Requests\/sec/ {print "wrk: " $2 " req/s"}' "$work/wrk.txt"
# Less sensitive to the machine's load than req/s: what one request costs the server.
awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN {printf "server CPU: %.1f µs per request (%d requests, perf running)\n", t / hz * 1e6 / n, n}'
echo "request log lines: $(grep -c 'duration_ms' "$work/serve.log" || true)"
perf report -i "$work/perf.data" --no-children --sort dso,symbol --stdio 2> /dev/null |
    grep -v '^#' | grep -v '^$' > "$work/flat.txt"
echo
echo "By shared object, and the binary's own symbols by crate (first path segment):"
awk -v bin="$(basename "$bin")" '
    {
        share = $1; sub(/%/, "", share); dso = $2; sym = $4
        for (i = 5; i <= NF; i++) sym = sym " " $i
        if (dso != bin) { group = dso } else {
            s = sym; gsub(/^[<&*( ]+/, "", s); sub(/[:<>( ].*/, "", s)
            group = bin ": " s
        }
        total[group] += share
    }
    END { for (g in total) printf "%6.2f %%  %s\n", total[g], g }' "$work/flat.txt" |
    sort -rn | head -n 30
echo
echo "Top symbols:"
head -n "$top" "$work/flat.txt"
