#!/usr/bin/env bash
# Issue 19: the cost of her reply key per follow-up visit.
#
#   benches/reply_key/run.sh [STEPS] [PROFILE]
#
# 1. One derivation (argon2id 19 MiB, t=2, p=1): `cargo bench -p naqsha-core --bench reply_key`.
# 2. `naqsha serve --demo` on a fresh data dir; 8 reports through the API; then STEPS (300)
#    follow-up steps with wrong receipts (no derivation), with found receipts one at a time
#    and 8 at once, and wrong receipts 8 at once, with the server's RSS after each phase
#    (benches/reply_key/follow_up.py). PROFILE is `release` (default) or `debug`.
set -euo pipefail
cd "$(dirname "$0")/../.."
steps="${1:-300}"
profile="${2:-release}"
if [ "$profile" = release ]; then
    nice -n 10 cargo build --release --quiet -p naqsha --bin naqsha
    nice -n 10 cargo bench --quiet -p naqsha-core --bench reply_key -- --noplot 2>&1 | grep -E "^reply_key|time:"
else
    nice -n 10 cargo build --quiet -p naqsha --bin naqsha
fi
bin="target/$profile/naqsha"
port=18519
dir=$(mktemp -d)
NAQSHA_LOG=warn NAQSHA_CLIENT_IP_HEADER=X-Real-IP "$bin" serve --bind "127.0.0.1:$port" \
    --data-dir "$dir/data" --demo >"$dir/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.05; done
python3 benches/reply_key/follow_up.py "$port" "$pid" "$steps"
