#!/usr/bin/env bash
# Benchmark `oktactl user list -o json` against Okta's Python SDK on a mock org.
#
#   bench.sh [N_USERS] [LATENCY_MS]          (defaults: 20000 0)
#
# Environment:
#   OKTACTL    oktactl binary (default: target/release/oktactl of this checkout)
#   PYTHON     python with the `okta` package (default: .venv/bin/python beside this
#              script if present, else python3)
#   MOCK_ARGS  extra mock_org arguments, e.g. "--bucket 600 --window-secs 60"
#   MOCK_BIN   use this mock_org binary instead of building one
#
# Each side runs under /usr/bin/time -v and prints one line: wall seconds, user+sys
# CPU seconds, peak RSS, the requests the mock counted (reset before each run),
# how many of them were answered 429, and the number of users in the JSON output.
# A side whose command is missing is skipped with a note.
set -euo pipefail

N="${1:-20000}"
LATENCY="${2:-0}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OKTACTL="${OKTACTL:-$(cd "$HERE/.." && pwd)/target/release/oktactl}"
if [[ -z "${PYTHON:-}" ]]; then
    if [[ -x "$HERE/.venv/bin/python" ]]; then PYTHON="$HERE/.venv/bin/python"; else PYTHON=python3; fi
fi
PY_SCRIPT="$HERE/py_sdk_list.py"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/oktactl-bench.XXXXXX")"
MOCK_PID=""

cleanup() {
    if [[ -n "$MOCK_PID" ]]; then kill "$MOCK_PID" 2>/dev/null || true; wait "$MOCK_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

die() { echo "bench: $*" >&2; exit 1; }

# ---- tools -------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        echo "bench: installing Debian's 'time' package" >&2
        (apt-get install -y -qq time >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq time >/dev/null; }) \
            || die "could not install /usr/bin/time"
    else
        die "/usr/bin/time is missing (apt-get install time)"
    fi
fi
command -v curl >/dev/null || die "curl is required"

# ---- build the mock ----------------------------------------------------------
if [[ -n "${MOCK_BIN:-}" ]]; then
    [[ -x "$MOCK_BIN" ]] || die "MOCK_BIN=$MOCK_BIN is not executable"
elif [[ -f "$HERE/Cargo.toml" && -f "$HERE/mock_org.rs" ]]; then
    # Scratch layout: mock_org is a [[bin]] of the Cargo.toml beside this script.
    echo "bench: building mock_org (release)" >&2
    cargo build --quiet --release --manifest-path "$HERE/Cargo.toml" --bin mock_org
    MOCK_BIN="$(cargo metadata --format-version 1 --no-deps --manifest-path "$HERE/Cargo.toml" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/mock_org"
else
    # Project layout: examples/mock_org.rs of the crate containing this script.
    ROOT="$HERE"
    while [[ "$ROOT" != / && ! -f "$ROOT/examples/mock_org.rs" ]]; do ROOT="$(dirname "$ROOT")"; done
    [[ -f "$ROOT/examples/mock_org.rs" ]] || die "cannot find mock_org.rs (set MOCK_BIN)"
    echo "bench: building example mock_org (release) in $ROOT" >&2
    cargo build --quiet --release --manifest-path "$ROOT/Cargo.toml" --example mock_org
    MOCK_BIN="$(cargo metadata --format-version 1 --no-deps --manifest-path "$ROOT/Cargo.toml" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/examples/mock_org"
fi

# ---- start the mock and read its port ------------------------------------------
mkfifo "$WORK/mock.out"
# shellcheck disable=SC2086
"$MOCK_BIN" --port 0 --users "$N" --latency-ms "$LATENCY" ${MOCK_ARGS:-} >"$WORK/mock.out" 2>"$WORK/mock.err" &
MOCK_PID=$!
exec 3<"$WORK/mock.out"
if ! read -r -t 30 line <&3; then
    cat "$WORK/mock.err" >&2
    die "mock_org did not report its port"
fi
BASE="${line#listening }"
[[ "$BASE" =~ ^http://127\.0\.0\.1:[0-9]+$ ]] || die "unexpected mock output: $line"
echo "bench: mock at $BASE with $N users, ${LATENCY} ms latency ${MOCK_ARGS:+($MOCK_ARGS)}" >&2

stat_field() { # stat_field FILE KEY
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"
}

# run_side LABEL CMD... : runs CMD with stdout to a file, under /usr/bin/time -v
run_side() {
    local label="$1"; shift
    curl -fsS -X POST -d '' "$BASE/__reset" >/dev/null
    local rc=0
    OKTA_ORG_URL="$BASE" OKTA_API_TOKEN=bench-token \
        /usr/bin/time -v -o "$WORK/time.txt" "$@" >"$WORK/out.json" 2>"$WORK/err.txt" || rc=$?
    curl -fsS "$BASE/__stats" >"$WORK/stats.json"
    python3 - "$label" "$WORK/time.txt" "$WORK/out.json" "$(stat_field "$WORK/stats.json" requests)" \
        "$(stat_field "$WORK/stats.json" rate_limited)" "$rc" <<'EOF'
import json, sys
label, time_file, out_file, requests, limited, rc = sys.argv[1:]
t = {}
for line in open(time_file):
    if ":" in line:
        k, _, v = line.strip().rpartition(": ")
        t[k] = v
wall = 0.0
for part in t.get("Elapsed (wall clock) time (h:mm:ss or m:ss)", "0").split(":"):
    wall = wall * 60 + float(part)
cpu = float(t.get("User time (seconds)", 0)) + float(t.get("System time (seconds)", 0))
rss = int(t.get("Maximum resident set size (kbytes)", 0)) / 1024
try:
    users = len(json.load(open(out_file)))
except Exception:
    users = "unparsable"
note = "" if rc == "0" else f"  EXIT {rc}"
print(f"{label:<10} wall={wall:7.2f}s  cpu={cpu:7.2f}s  max_rss={rss:7.1f}MB  "
      f"requests={requests:>5} (429s: {limited})  users={users}{note}")
EOF
    if [[ "$rc" != 0 ]]; then sed 's/^/    | /' "$WORK/err.txt" | tail -5 >&2; fi
}

# ---- (a) oktactl --------------------------------------------------------------
if [[ -x "$OKTACTL" ]]; then
    run_side oktactl "$OKTACTL" user list -o json
else
    echo "oktactl    skipped: $OKTACTL not found (build it with cargo build --release)"
fi

# ---- (b) Okta Python SDK --------------------------------------------------------
if [[ -f "$PY_SCRIPT" ]] && "$PYTHON" -c 'import okta' 2>/dev/null; then
    run_side py-sdk "$PYTHON" "$PY_SCRIPT" --no-expiry
    echo "           (okta $("$PYTHON" -c 'import okta; print(okta.__version__)'), $("$PYTHON" --version 2>&1))"
else
    echo "py-sdk     skipped: $PYTHON cannot import okta or $PY_SCRIPT missing (pip install okta)"
fi
