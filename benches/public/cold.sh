#!/usr/bin/env bash
# Cold requests and page weight on 100,000 seeded cases: the first request of many filters
# (nothing cached yet) for the API, /stats and the map page /, and the first load of / in
# chromium.
#   benches/public/cold.sh [CASES]   (after `cargo build --release -p naqsha`; needs curl,
#                                     python3, node + npm ci, chromium)
set -euo pipefail
cd "$(dirname "$0")/../.."
cases=${1:-100000}
port=18091
base=http://127.0.0.1:$port
d=$(mktemp -d)
trap 'pkill -f "bind 127.0.0.1:$port" || true; rm -rf $d' EXIT
echo "seeding $cases cases"
target/release/naqsha demo seed --cases "$cases" --data-dir $d/data > /dev/null
(NAQSHA_LOG=warn target/release/naqsha serve --bind 127.0.0.1:$port --data-dir $d/data > $d/log 2>&1 &)
for i in $(seq 1 300); do curl -fsS $base/healthz >/dev/null 2>&1 && break; sleep 0.2; done
# The first request builds the snapshot of published cases; it is not a cold filter.
curl -s -o /dev/null -w "first request after start (builds the snapshot): %{time_total} s\n" $base/api/v1/cases

if [[ "${SKIP_PAGE_WEIGHT:-}" != 1 ]]; then
    node benches/public/page-weight.mjs $base/
    node benches/public/page-weight.mjs $base/ --js-off | tail -1
fi

# Distinct filters, each asked for once: every province with every start year, then a few
# category filters. Each URL below is requested exactly once, so every time is a cold one.
filters=()
for p in pk-pb pk-sd pk-kp pk-ba pk-is pk-gb pk-jk; do
    for y in 2016 2018 2020 2022 2024; do filters+=("province=$p&from=$y"); done
done
for f in platform=facebook platform=whatsapp act=threats harm=economic perpetrator=stranger \
         "kind=online_harassment_cyberstalking&platform=whatsapp" "act=threats&to=2021" \
         "harm=emotional&platform=instagram"; do
    filters+=("$f")
done

summary() { # label, then times in seconds on stdin
    python3 -c '
import sys, statistics
label = sys.argv[1]
t = sorted(float(x) * 1000 for x in sys.stdin.read().split())
p95 = t[min(len(t) - 1, round(0.95 * (len(t) - 1)))]
print(f"{label}: {len(t)} cold requests, min {t[0]:.1f} ms, median {statistics.median(t):.1f} ms, p95 {p95:.1f} ms, max {t[-1]:.1f} ms")
' "$1"
}

cold() { # path, label
    for f in "${filters[@]}"; do
        curl -s -o /dev/null -w "%{http_code} %{time_total}\n" "$base$1?$f"
    done > $d/times
    if grep -v '^200 ' $d/times; then echo "some requests failed" >&2; exit 1; fi
    cut -d' ' -f2 $d/times | summary "$2"
}

cold /api/v1/cases "GET /api/v1/cases"
cold /stats "GET /stats"
cold / "GET / (map page)"
# The same URLs again: now they are kept.
cold /stats "GET /stats, second request"
cold / "GET /, second request"
