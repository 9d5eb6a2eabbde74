#!/usr/bin/env bash
# Benchmark `oktactl lockouts` against the mock org: one filtered System Log
# query (and one status search per 20 users), not a scan of the log.
#
#   bench/lockouts.sh [EVENTS] [LOCKOUTS] [LATENCY_MS]   (defaults: 50000 40 40)
#
# The mock serves EVENTS System Log events spread over the last 24 h,
# LOCKOUTS of them lock-outs (one in four unlocked again), and adds
# LATENCY_MS to every answer. Prints, for each run: wall time, the requests
# the mock counted (by path), and what was found:
#   lockouts         who is locked out now (the list)
#   lockouts --all   also those unlocked since
#   lockouts --once  a first watch run from 24 h back (the cursor start)
#   scan             for comparison: every event of the window, unfiltered,
#                    page by page (what a client without the filter reads)
#
# Environment:
#   OKTACTL    oktactl binary (default: release build of this checkout)
#   MOCK_BIN   mock_org binary (default: built as a release example)
set -euo pipefail

EVENTS="${1:-50000}"
LOCKOUTS="${2:-40}"
LATENCY="${3:-40}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/oktactl-lockouts.XXXXXX")"
MOCK_PID=""

cleanup() {
    if [[ -n "$MOCK_PID" ]]; then kill "$MOCK_PID" 2>/dev/null || true; wait "$MOCK_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
die() { echo "bench: $*" >&2; exit 1; }
command -v curl >/dev/null || die "curl is required"
command -v python3 >/dev/null || die "python3 is required"

TARGET="$(cargo metadata --format-version 1 --no-deps --manifest-path "$ROOT/Cargo.toml" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
if [[ -z "${OKTACTL:-}" || -z "${MOCK_BIN:-}" ]]; then
    echo "bench: building oktactl and mock_org (release)" >&2
    cargo build --quiet --release --manifest-path "$ROOT/Cargo.toml" --bin oktactl --example mock_org
fi
OKTACTL="${OKTACTL:-$TARGET/release/oktactl}"
MOCK_BIN="${MOCK_BIN:-$TARGET/release/examples/mock_org}"

mkfifo "$WORK/mock.out"
"$MOCK_BIN" --port 0 --users 20000 --log-events "$EVENTS" --lockouts "$LOCKOUTS" \
    --latency-ms "$LATENCY" >"$WORK/mock.out" 2>"$WORK/mock.err" &
MOCK_PID=$!
exec 3<"$WORK/mock.out"
read -r -t 60 line <&3 || { cat "$WORK/mock.err" >&2; die "mock_org did not report its port"; }
BASE="${line#listening }"
[[ "$BASE" =~ ^http://127\.0\.0\.1:[0-9]+$ ]] || die "unexpected mock output: $line"
echo "bench: mock at $BASE: $EVENTS events in the last 24 h, $LOCKOUTS lock-outs, ${LATENCY} ms latency" >&2

# run LABEL KIND CMD...: CMD's stdout to a file; KIND says how to count what it found.
run() {
    local label="$1" kind="$2"; shift 2
    curl -fsS -X POST -d '' "$BASE/__reset" >/dev/null
    local rc=0 start end
    start=$(date +%s.%N)
    env -i PATH="$PATH" HOME="$WORK" XDG_STATE_HOME="$WORK/state" OKTACTL_CONFIG="$WORK/config.toml" \
        OKTACTL_AUDIT_LOG="$WORK/audit.log" OKTA_ORG_URL="$BASE" OKTA_API_TOKEN=bench-token \
        "$@" >"$WORK/out" 2>"$WORK/err" || rc=$?
    end=$(date +%s.%N)
    curl -fsS "$BASE/__stats" >"$WORK/stats.json"
    python3 - "$label" "$kind" "$start" "$end" "$WORK/stats.json" "$WORK/out" "$rc" <<'EOF'
import json, sys
label, kind, start, end, stats_file, out_file, rc = sys.argv[1:]
stats = json.load(open(stats_file))
text = open(out_file).read()
try:
    if kind == "list":
        rows = json.loads(text)
        locked = sum(1 for r in rows if r["still_locked"])
        found = f"{len(rows)} rows ({locked} still locked)"
    elif kind == "lines":
        found = f"{len([l for l in text.splitlines() if l.strip()])} lock-out events"
    else:
        found = text.strip()
except Exception as e:
    found = f"unparsable output ({e})"
note = "" if rc == "0" else f"  EXIT {rc}"
print(f"{label:<16} wall={float(end) - float(start):6.2f}s  requests={stats['requests']:>3}  "
      f"{json.dumps(stats['by_path'])}  found: {found}{note}")
EOF
    if [[ "$rc" != 0 ]]; then tail -5 "$WORK/err" | sed 's/^/    | /' >&2; fi
}

run "lockouts" list "$OKTACTL" lockouts -o json
run "lockouts --all" list "$OKTACTL" lockouts --all -o json
run "lockouts --once" lines "$OKTACTL" lockouts --once -o json

# The same window read whole, following the next links: what a scan costs.
SINCE="$(python3 -c 'import datetime as d; print((d.datetime.now(d.timezone.utc) - d.timedelta(hours=24)).strftime("%Y-%m-%dT%H:%M:%SZ"))')"
UNTIL="$(python3 -c 'import datetime as d; print(d.datetime.now(d.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))')"
run "scan (no filter)" text python3 - "$BASE" "$SINCE" "$UNTIL" <<'EOF'
import json, re, sys, urllib.request
base, since, until = sys.argv[1:]
url = f"{base}/api/v1/logs?since={since}&until={until}&sortOrder=DESCENDING&limit=1000"
events = locks = 0
while url:
    req = urllib.request.Request(url, headers={"Authorization": "SSWS bench-token", "Accept": "application/json"})
    with urllib.request.urlopen(req) as r:
        page = json.load(r)
        links = r.headers.get_all("Link") or []
    events += len(page)
    locks += sum(1 for e in page if e["eventType"] in ("user.account.lock", "user.account.lock.limit"))
    url = next((m.group(1) for l in links for m in [re.match(r'<([^>]+)>;\s*rel="next"', l)] if m), None)
print(f"{events} events read, {locks} lock-outs among them")
EOF
