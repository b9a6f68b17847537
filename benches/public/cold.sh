#!/usr/bin/env bash
# Cold requests and page weight on 100,000 seeded cases: the first request of several filters
# (nothing cached yet) for the API and /stats, and the first load of / in chromium.
#   benches/public/cold.sh   (after `cargo build --release -p naqsha`; needs curl, node + npm ci, chromium)
set -euo pipefail
cd "$(dirname "$0")/../.."
d=$(mktemp -d)
target/release/naqsha demo seed --cases 100000 --data-dir $d/data > /dev/null
(NAQSHA_LOG=warn target/release/naqsha serve --bind 127.0.0.1:18091 --data-dir $d/data > $d/log 2>&1 &)
for i in $(seq 1 200); do curl -fsS http://127.0.0.1:18091/healthz >/dev/null 2>&1 && break; sleep 0.2; done
curl -s -o /dev/null http://127.0.0.1:18091/api/v1/cases
node benches/public/page-weight.mjs http://127.0.0.1:18091/
node benches/public/page-weight.mjs http://127.0.0.1:18091/ --js-off | tail -1
echo "cold filtered API queries (first request of each filter):"
for q in "act=threats&province=pk-sd" "platform=facebook&from=2020" "harm=economic&to=2022" "perpetrator=stranger" "kind=online_harassment_cyberstalking&platform=whatsapp" "province=pk-kp&from=2018&to=2021"; do curl -s -o /dev/null -w "$q %{http_code} %{time_total}\n" "http://127.0.0.1:18091/api/v1/cases?$q"; done
echo "cold /stats with filters:"
for q in "province=pk-pb" "from=2020" "platform=facebook"; do curl -s -o /dev/null -w "$q %{http_code} %{time_total}\n" "http://127.0.0.1:18091/stats?$q"; done
pkill -f "bind 127.0.0.1:18091" || true
rm -rf $d
