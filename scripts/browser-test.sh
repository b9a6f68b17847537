#!/usr/bin/env bash
# Browser tests: Debian's chromium, driven by playwright-core, against the real `naqsha`
# binary (tests/browser/*.test.mjs, Node's built-in test runner). Each test file starts its
# own `naqsha serve --demo` on a free loopback port with a fresh data directory.
#
#   scripts/browser-test.sh                 build target/debug/naqsha if needed, run all
#   scripts/browser-test.sh FILE...         run only these test files
#   NAQSHA_BIN=path/to/naqsha scripts/...   test that binary instead (no build)
#   NAQSHA_SHOTS=/tmp/shots scripts/...     also save screenshots of the flows there
#
# Needs: node 20+, `npm ci` (playwright-core, axe-core), /usr/bin/chromium and the Noto
# fonts (Debian packages chromium and fonts-noto-core; .ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

chromium="${NAQSHA_CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$chromium" ]]; then
    echo "browser-test: $chromium not found; install it with: apt-get install chromium fonts-noto-core" >&2
    exit 1
fi

if [[ ! -f node_modules/playwright-core/package.json || ! -f node_modules/axe-core/package.json ]]; then
    npm ci --no-audit --no-fund
fi

if [[ -z "${NAQSHA_BIN:-}" ]]; then
    # A no-op when the binary is up to date.
    cargo build --quiet -p naqsha --bin naqsha
    export NAQSHA_BIN=target/debug/naqsha
fi

if [[ $# -gt 0 ]]; then
    files=("$@")
else
    files=(tests/browser/*.test.mjs)
fi

# Two files at a time: each runs a server and a browser, and CI machines have few cores.
exec node --test --test-concurrency=2 "${files[@]}"
