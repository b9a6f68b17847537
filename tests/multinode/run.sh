#!/usr/bin/env bash
# The multi-node day (issue 18): two `naqsha serve` nodes over one fresh PostgreSQL database,
# behind a real nginx on loopback, through a scripted day of reports, sign-ins, publications,
# news feeds and SMS. Prints a PASS or FAIL line after each check; exits 1 if any failed.
#
#   tests/multinode/run.sh                 # /admin and sign-in pinned to node A (the deploy guide's rule)
#   tests/multinode/run.sh --no-pin        # the same day with /admin round-robin too
#
# NAQSHA_BIN (default target/release/naqsha) is the binary under test;
# NAQSHA_CI_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test) a server whose
# user may create databases. Needs nginx (Debian's nginx-light), psql and python3; nothing
# else is installed. See tests/multinode/README.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
export NAQSHA_BIN=${NAQSHA_BIN:-$root/target/release/naqsha}
# The nodes run in a directory of their own: a path relative to here (as .ci/run gives it)
# is made absolute first.
case "$NAQSHA_BIN" in /*) ;; *) NAQSHA_BIN="$PWD/$NAQSHA_BIN" ;; esac
export NAQSHA_CI_POSTGRES_URL=${NAQSHA_CI_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}

for tool in nginx psql python3; do
    command -v "$tool" >/dev/null || PATH="$PATH:/usr/sbin:/sbin" command -v "$tool" >/dev/null || {
        echo "FAIL setup: $tool is not installed" >&2
        exit 1
    }
done
export PATH="$PATH:/usr/sbin:/sbin"
[ -x "$NAQSHA_BIN" ] || {
    echo "FAIL setup: no binary at $NAQSHA_BIN (cargo build --release -p naqsha --bin naqsha)" >&2
    exit 1
}

work=$(mktemp -d "${TMPDIR:-/tmp}/naqsha-multinode.XXXXXX")
database="naqsha_multinode_$$_$(date +%s)"
export NAQSHA_MULTINODE_WORK=$work NAQSHA_MULTINODE_DB=$database

# Whatever happens to the driver (a failure, Ctrl-C, a timeout), the processes it started,
# the database and the temporary directory go. The driver writes each pid it starts to
# $work/pids; it also cleans up itself, this is the net under it.
cleanup() {
    status=$?
    if [ -f "$work/pids" ]; then
        while read -r pid; do
            kill "$pid" 2>/dev/null || true
        done <"$work/pids"
        sleep 0.5
        while read -r pid; do
            kill -9 "$pid" 2>/dev/null || true
        done <"$work/pids"
    fi
    psql -q -X -d "$NAQSHA_CI_POSTGRES_URL" \
        -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT

# The whole day must end within 3 minutes; the driver's own steps time out well before. The
# driver runs in the background so that a signal to this script reaches it at once (it
# stops what it started and drops its database on SIGTERM).
timeout --signal=TERM --kill-after=10 180 python3 "$root/tests/multinode/day.py" "$@" &
driver=$!
trap 'kill -TERM "$driver" 2>/dev/null; wait "$driver"; exit 130' INT
trap 'kill -TERM "$driver" 2>/dev/null; wait "$driver"; exit 143' TERM
wait "$driver"
