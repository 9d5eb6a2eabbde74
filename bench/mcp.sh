#!/usr/bin/env bash
# The agent mode's costs (not a timed test): `oktactl mcp` against the mock org.
#
#   bench/mcp.sh [CALLS]           (default 200)
#
# Prints:
#   - per call: the median and p90 of CALLS `find_user` calls (by id) through
#     `oktactl mcp` with a bare JSON-RPC client (examples/mcp_bench.rs), the
#     same GET sent directly, and the difference: the server's own cost per
#     call beyond the Okta request (target: <= 2 ms);
#   - the server's resident memory after start (idle; target: <= 20 MB) and
#     after the calls;
#   - the same calls through the official Python SDK (tests/mcp/client.py in
#     tests/mcp/.venv, when present): what an agent built on it sees;
#   - the release binary's size with and without the `mcp` feature
#     (SKIP_SIZES=1 skips the second release build, which takes minutes).
set -euo pipefail

CALLS="${1:-200}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/oktactl-mcp-bench.XXXXXX")"
MOCK_PID=""
cleanup() {
    if [[ -n "$MOCK_PID" ]]; then kill "$MOCK_PID" 2>/dev/null || true; wait "$MOCK_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
cd "$ROOT"

echo "bench: building oktactl, mock_org and mcp_bench (release)" >&2
cargo build --quiet --release --bin oktactl --example mock_org --example mcp_bench
OKTACTL="$ROOT/target/release/oktactl"

# ---- the mock org --------------------------------------------------------------
"$ROOT/target/release/examples/mock_org" --port 0 --users "$((CALLS + 100))" >"$WORK/mock.out" 2>"$WORK/mock.err" &
MOCK_PID=$!
ORG=""
for _ in $(seq 100); do
    ORG="$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/mock.out" 2>/dev/null | head -1)" || true
    [[ -n "$ORG" ]] && break
    sleep 0.05
done
[[ -n "$ORG" ]] || { echo "bench: the mock org did not start" >&2; cat "$WORK/mock.err" >&2; exit 1; }
export OKTACTL_AUDIT_LOG="$WORK/audit.log" OKTACTL_CONFIG="$WORK/config.toml"

# ---- per call and memory, bare client ----------------------------------------
echo "== oktactl mcp, $CALLS find_user calls, bare JSON-RPC client (2025-11-25 session)"
"$ROOT/target/release/examples/mcp_bench" "$OKTACTL" "$ORG" "$CALLS" >"$WORK/bare.json"
python3 "$HERE/mcp_report.py" bare <"$WORK/bare.json"

# ---- the same through the official Python SDK --------------------------------
PY="$ROOT/tests/mcp/.venv/bin/python"
if [[ -x "$PY" ]] && "$PY" -c 'import mcp' 2>/dev/null; then
    for mode in legacy auto; do
        echo "== the same through the Python SDK (mode $mode)"
        python3 "$HERE/mcp_report.py" plan "$OKTACTL" "$ORG" "$CALLS" "$mode" >"$WORK/plan.json"
        if "$PY" "$ROOT/tests/mcp/client.py" <"$WORK/plan.json" >"$WORK/sdk.json" 2>"$WORK/py.err"; then
            python3 "$HERE/mcp_report.py" sdk <"$WORK/sdk.json"
        else
            echo "bench: the Python client failed" >&2
            cat "$WORK/py.err" >&2
        fi
    done
else
    echo "== Python SDK: skipped (no tests/mcp/.venv; .ci/run creates it)"
fi

# ---- binary size -------------------------------------------------------------
echo "== release binary size"
size() { stat -c %s "$1" 2>/dev/null || stat -f %z "$1"; }
WITH=$(size "$OKTACTL")
echo "with mcp:    $WITH bytes ($((WITH / 1024)) KiB)"
if [[ "${SKIP_SIZES:-0}" != 1 ]]; then
    cargo build --quiet --release --bin oktactl --no-default-features --target-dir "$ROOT/target/no-mcp"
    WITHOUT=$(size "$ROOT/target/no-mcp/release/oktactl")
    echo "without mcp: $WITHOUT bytes ($((WITHOUT / 1024)) KiB); the feature adds $(((WITH - WITHOUT) / 1024)) KiB"
fi
