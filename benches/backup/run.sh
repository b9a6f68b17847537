#!/usr/bin/env bash
# Backup and restore of a store with N published demo cases and M sealed reports: time, peak
# memory (GNU time) and file size of `naqsha backup`, then of `naqsha restore` into an empty
# data directory.
#   benches/backup/run.sh [CASES] [REPORTS]   (default 100000 cases, 2000 reports; needs
#                                              age-keygen (Debian age) and /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/../.."
cases=${1:-100000}
reports=${2:-2000}
cargo build --release --quiet -p naqsha --bin naqsha --example seed_reports
bin=target/release/naqsha
d=$(mktemp -d)
trap 'rm -rf $d' EXIT
age-keygen -o $d/key.txt 2> /dev/null
recipient=$(age-keygen -y $d/key.txt)
$bin demo seed --cases "$cases" --data-dir $d/data > /dev/null
target/release/examples/seed_reports "$d/data" "$reports"
echo "store: $cases published cases, $reports sealed reports; database $(du -h $d/data/naqsha.db | cut -f1)"
measure() { # label, command...
    local label=$1; shift
    /usr/bin/time -f "%e %M" -o $d/time "$@" 2> $d/err > /dev/null || { cat $d/err; exit 1; }
    read -r secs kib < $d/time
    echo "$label: ${secs} s, peak RSS $((kib / 1024)) MiB"
}
measure "naqsha backup" $bin backup --data-dir $d/data -r "$recipient" $d/b.age
echo "backup file: $(du -h $d/b.age | cut -f1)"
measure "naqsha restore" $bin restore --data-dir $d/restored -i $d/key.txt $d/b.age
