#!/bin/sh
# Fault benchmark (issue 12): a stream of reports while PostgreSQL is away for 15 s and while
# the SQLite disk is full for 15 s. See "## Faults and abuse (issue 12)" in benches/README.md.
#
#   benches/faults/run.sh --short                  # CI: ~40 s a scenario; PostgreSQL cut by a proxy
#   benches/faults/run.sh                          # 60 s stream a scenario
#   benches/faults/run.sh --scenario postgres --outage stop   # stops the machine's PostgreSQL
#
# NAQSHA_BIN (default target/release/naqsha) is the binary under test; the tool builds into
# BENCH_TARGET_DIR (default target/bench-tools). Exit status 1: a target was missed.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
target=${BENCH_TARGET_DIR:-$root/target/bench-tools}
bin=${NAQSHA_BIN:-$root/target/release/naqsha}
cargo build --release --quiet --manifest-path "$root/benches/faults/Cargo.toml" --target-dir "$target"

case " $* " in
*" --outage stop "* | *" --outage=stop "*)
    # The tool starts PostgreSQL again itself (also on Ctrl-C); this covers it being killed.
    restart_postgres() {
        for dir in /etc/postgresql/*/main; do
            version=$(basename "$(dirname "$dir")")
            pg_ctlcluster --skip-systemctl-redirect "$version" main status >/dev/null 2>&1 ||
                pg_ctlcluster --skip-systemctl-redirect "$version" main start
        done
    }
    trap restart_postgres EXIT
    trap 'exit 130' INT TERM
    "$target/release/naqsha-faults" --bin "$bin" "$@"
    ;;
*)
    exec "$target/release/naqsha-faults" --bin "$bin" "$@"
    ;;
esac
