#!/usr/bin/env bash
# Peak memory and request counts of oktactl against a hostile local server.
#
#   hostile.sh [OKTACTL_BINARY]
#
# Runs the ignored test `hostile::measure_hostile` (tests/it/hostile.rs): the
# test support's fake HTTP server serves, in turn, an endless chunked body, a
# 100 MB page, a two-page paging cycle and endless empty pages with next
# links, each to `oktactl user list -o json`. The child's peak RSS (VmHWM in
# /proc/PID/status) is read every 5 ms while it runs; a run is killed after
# 5 s or past 2 GiB. One line per case: exit code (or `killed`), seconds,
# peak MiB, requests the server received.
#
# Without an argument it measures this checkout's debug build and fails when
# a hostile-body case peaks at 64 MiB or more, or a case does not exit 7.
# With a binary (e.g. one built from an older commit) it only prints:
#
#   git worktree add /tmp/old <commit> && (cd /tmp/old && cargo build)
#   bench/hostile.sh /tmp/old/target/debug/oktactl
#
# Linux only (/proc).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE/.."
[[ -r /proc/self/status ]] || { echo "hostile: needs Linux /proc" >&2; exit 1; }

if [[ $# -ge 1 ]]; then
    BIN="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
    [[ -x "$BIN" ]] || { echo "hostile: $1 is not executable" >&2; exit 1; }
    export OKTACTL_BIN="$BIN"
fi

cargo test --quiet --test it hostile::measure_hostile -- --ignored --nocapture --test-threads 1 2>&1 \
    | sed -n '/^binary:/,/^test /p' | grep -v -e '^test ' -e '^\.*$'
