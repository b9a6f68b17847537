#!/bin/sh
# Pull time and peak memory of `naqsha federation pull` for a feed of N cases (default
# 100,000): a generated feed on loopback (crates/naqsha/examples/federation_feed.rs, signed
# pages of 5,000), a fresh SQLite data dir, the first pull (everything), a second pull
# (nothing new), and `federation mapping`, which reads and parses every followed case as the
# world map's cache does. NAQSHA_BIN picks the binary (default target/debug/naqsha).
#
#   benches/federation/pull.sh 100000
set -eu
N=${1:-100000}
BIN=${NAQSHA_BIN:-target/debug/naqsha}
cargo build -q -p naqsha --example federation_feed
DIR=$(mktemp -d)
trap 'kill $FEED 2>/dev/null; rm -rf "$DIR"' EXIT
target/debug/examples/federation_feed "$N" > "$DIR/feed.out" &
FEED=$!
while [ ! -s "$DIR/feed.out" ]; do sleep 0.2; done
read -r URL KEY < "$DIR/feed.out"
export NAQSHA_LOG=warn NAQSHA_FEDERATION_ALLOW_PRIVATE_HOSTS=true
"$BIN" --data-dir "$DIR/data" migrate > /dev/null
"$BIN" --data-dir "$DIR/data" federation follow "$URL" --key "$KEY" --name Bench > /dev/null
/usr/bin/time -f "first pull: %e s wall, %U s user, peak RSS %M KiB" \
    "$BIN" --data-dir "$DIR/data" federation pull Bench
/usr/bin/time -f "second pull (nothing new): %e s wall, peak RSS %M KiB" \
    "$BIN" --data-dir "$DIR/data" federation pull Bench
/usr/bin/time -f "mapping (parses every case): %e s wall, peak RSS %M KiB" \
    "$BIN" --data-dir "$DIR/data" federation mapping > /dev/null
ls -l "$DIR/data/naqsha.db" | awk '{print "database:", $5, "bytes"}'
