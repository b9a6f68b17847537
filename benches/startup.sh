#!/usr/bin/env bash
# Start-up time and memory of `naqsha serve --demo`.
#
#   benches/startup.sh [RUNS]
#
# For each run: a fresh empty data dir, `serve --demo` (init with argon2id 64 MiB, seeding 300
# cases), time until /healthz answers 200, and the resident memory (VmRSS, VmHWM) right after.
# Then a warm start of the same data dir (no init, no seeding). Needs curl; uses the release
# binary (built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
cargo build --release --quiet
bin=target/release/naqsha
port=18473

measure() { # $1 = data dir, $2 = extra args; prints "ms rss_kib hwm_kib"
    local start end pid
    start=$(date +%s%N)
    NAQSHA_LOG=warn "$bin" serve --bind "127.0.0.1:$port" --data-dir "$1" $2 >/dev/null 2>&1 &
    pid=$!
    until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.005; done
    end=$(date +%s%N)
    sleep 0.2
    local rss hwm
    rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
    hwm=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "$(( (end - start) / 1000000 )) $rss $hwm"
}

printf '%-6s %-28s %10s %12s %12s\n' run start ready_ms rss_MiB peak_MiB
for i in $(seq 1 "$runs"); do
    dir=$(mktemp -d)
    read -r ms rss hwm < <(measure "$dir/data" --demo)
    printf '%-6s %-28s %10s %12.1f %12.1f\n' "$i" "cold: init + 300 demo cases" "$ms" "$(echo "$rss/1024" | bc -l)" "$(echo "$hwm/1024" | bc -l)"
    read -r ms rss hwm < <(measure "$dir/data" "")
    printf '%-6s %-28s %10s %12.1f %12.1f\n' "$i" "warm: existing data dir" "$ms" "$(echo "$rss/1024" | bc -l)" "$(echo "$hwm/1024" | bc -l)"
    rm -rf "$dir"
done
