#!/bin/sh
# Abuse soak (issue 12): six attackers against `naqsha serve --demo` while an honest visitor
# reports and /healthz is probed. See "## Faults and abuse (issue 12)" in benches/README.md.
#
#   benches/soak/run.sh --short      # CI: 60 s
#   benches/soak/run.sh              # 10 minutes
#
# NAQSHA_BIN (default target/release/naqsha) is the binary under test; the tool builds into
# BENCH_TARGET_DIR (default target/bench-tools). Exit status 1: a target was missed.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
target=${BENCH_TARGET_DIR:-$root/target/bench-tools}
bin=${NAQSHA_BIN:-$root/target/release/naqsha}
cargo build --release --quiet --manifest-path "$root/benches/soak/Cargo.toml" --target-dir "$target"
exec "$target/release/naqsha-soak" --bin "$bin" "$@"
