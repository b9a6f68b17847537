#!/bin/sh
# Import speed and peak memory of `naqsha import ushahidi` on N generated v3 rows.
#   benches/import/run.sh [ROWS] [NAQSHA_BINARY]
# Needs GNU time (Debian package `time`). Uses a fresh data dir under /tmp each run.
set -eu
ROWS=${1:-1000000}
BIN=${2:-target/release/naqsha}
HERE=$(dirname "$0")
WORK=$(mktemp -d /tmp/naqsha-import-bench.XXXXXX)
python3 "$HERE/gen_ushahidi.py" --rows "$ROWS" --seed 7 > "$WORK/posts.csv"
ls -l "$WORK/posts.csv"
"$BIN" --data-dir "$WORK/data" init > /dev/null
/usr/bin/time -v "$BIN" --data-dir "$WORK/data" import ushahidi "$WORK/posts.csv" \
    --mapping "$HERE/mapping.toml" 2> "$WORK/time.txt"
grep -E "Elapsed|Maximum resident|Percent of CPU" "$WORK/time.txt"
echo "Re-import (everything is in the ledger):"
/usr/bin/time -v "$BIN" --data-dir "$WORK/data" import ushahidi "$WORK/posts.csv" \
    --mapping "$HERE/mapping.toml" 2> "$WORK/time2.txt" | head -3
grep -E "Elapsed|Maximum resident|Percent of CPU" "$WORK/time2.txt"
ls -l "$WORK/data"
rm -rf "$WORK"
