#!/usr/bin/env bash
# Benchmark a bulk `oktactl grant` against the mock org at its rate limit.
#
#   bench/grant.sh [ROWS] [CONCURRENCY] [login|id]   (defaults: 600 4 login)
#
# The mock counts requests in Okta's buckets (its documented mapping: the
# user lookups in `GET /users/{idOrLogin}`, the membership PUTs and member
# pages in `/groups`, …), each allowing 500 requests per 5-second window
# (100/s; 429 past it, with Okta's headers), the windows of different
# buckets not aligned; it adds 20 ms to every answer. Rows are the first ROWS
# users of a 20000-user org who are not yet members of the group, given by
# login, or by id with `id`. Prints: wall time, requests the mock counted, requests/s,
# 429s drawn (and of which kind), failed rows; then per bucket: requests,
# 429s, the most requests sent in one window as a share of the bucket, and
# the average rate as a share of the bucket's; and requests per row besides
# the member pages.
#
# Environment:
#   OKTACTL    oktactl binary (default: release build of this checkout)
#   MOCK_BIN   mock_org binary (default: built as a release example)
#   MOCK_ARGS  mock arguments (default: --bucket 500 --window-secs 5 --latency-ms 20;
#              add --share 50 for a token allowed half of each bucket, whose
#              429s come while the headers show requests left, or
#              --concurrency N for Okta's limit on requests in flight)
set -euo pipefail

ROWS="${1:-600}"
CONC="${2:-4}"
BY="${3:-login}"
[[ "$BY" == login || "$BY" == id ]] || { echo "bench: rows are given by 'login' or 'id', not '$BY'" >&2; exit 2; }
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
MOCK_ARGS="${MOCK_ARGS:---bucket 500 --window-secs 5 --latency-ms 20}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/oktactl-grant.XXXXXX")"
MOCK_PID=""

cleanup() {
    if [[ -n "$MOCK_PID" ]]; then kill "$MOCK_PID" 2>/dev/null || true; wait "$MOCK_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
die() { echo "bench: $*" >&2; exit 1; }
command -v curl >/dev/null || die "curl is required"

TARGET="$(cargo metadata --format-version 1 --no-deps --manifest-path "$ROOT/Cargo.toml" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
if [[ -z "${OKTACTL:-}" || -z "${MOCK_BIN:-}" ]]; then
    echo "bench: building oktactl and mock_org (release)" >&2
    cargo build --quiet --release --manifest-path "$ROOT/Cargo.toml" --bin oktactl --example mock_org
fi
OKTACTL="${OKTACTL:-$TARGET/release/oktactl}"
MOCK_BIN="${MOCK_BIN:-$TARGET/release/examples/mock_org}"

mkfifo "$WORK/mock.out"
# shellcheck disable=SC2086
"$MOCK_BIN" --port 0 --users 20000 $MOCK_ARGS >"$WORK/mock.out" 2>"$WORK/mock.err" &
MOCK_PID=$!
exec 3<"$WORK/mock.out"
read -r -t 30 line <&3 || { cat "$WORK/mock.err" >&2; die "mock_org did not report its port"; }
BASE="${line#listening }"
[[ "$BASE" =~ ^http://127\.0\.0\.1:[0-9]+$ ]] || die "unexpected mock output: $line"

# Group 1 holds the users whose number ends in 1: leave them out.
echo "$BY" >"$WORK/users.csv"
for ((i = 0, n = 0; n < ROWS; i++)); do
    ((i % 10 == 1)) && continue
    if [[ "$BY" == id ]]; then printf '00u%017d\n' "$i"; else echo "user$i@example.com"; fi >>"$WORK/users.csv"
    n=$((n + 1))
done

curl -fsS -X POST -d '' "$BASE/__reset" >/dev/null
start=$(date +%s.%N)
rc=0
OKTA_ORG_URL="$BASE" OKTA_API_TOKEN=bench-token OKTACTL_AUDIT_LOG="$WORK/audit.log" \
    "$OKTACTL" grant --from "$WORK/users.csv" --group "Group 1" --concurrency "$CONC" -o json \
    >"$WORK/out.json" 2>"$WORK/err.txt" || rc=$?
end=$(date +%s.%N)
curl -fsS "$BASE/__stats" >"$WORK/stats.json"

python3 - "$start" "$end" "$WORK/stats.json" "$WORK/out.json" "$rc" "$MOCK_ARGS" "$ROWS" "$BY" <<'EOF'
import json, re, sys
start, end, stats_file, out_file, rc, mock_args, rows, by = sys.argv[1:]
wall = float(end) - float(start)
stats = json.load(open(stats_file))
bucket = int(re.search(r"--bucket (\d+)", mock_args).group(1))
window = int(re.search(r"--window-secs (\d+)", mock_args).group(1))
per_sec = bucket / window
try:
    out = json.load(open(out_file))
    ok, failed = out["ok"], out["failed"]
    results = {}
    for r in out["results"]:
        results[r["result"]] = results.get(r["result"], 0) + 1
except Exception:
    ok, failed, results = "?", "unparsable output", {}
rate = stats["requests"] / wall if wall > 0 else 0.0
refusals = ", ".join(f"{n} {k}" for k, n in stats.get("refusals", {}).items())
print(f"rows={ok + failed if isinstance(failed, int) else '?'}  wall={wall:.2f}s  "
      f"requests={stats['requests']}  {rate:.1f} req/s  "
      f"429s={stats['rate_limited']}{f' ({refusals})' if refusals else ''}  failed_rows={failed}  exit={rc}")
print("results:", ", ".join(f"{n} {k}" for k, n in results.items()))
paths = stats.get("by_path", {})
pages = paths.get("GET /api/v1/groups/{id}/users", 0)
per_row = sum(n for p, n in paths.items()
              if p.startswith(("GET /api/v1/users", "PUT /api/v1/groups/{id}/users/", "DELETE /api/v1/groups/{id}/users/")))
print(f"by {by}: {per_row / int(rows):.3f} requests per row ({per_row} for {rows} rows: lookups and changes); "
      f"{(stats['requests'] - pages) / int(rows):.3f} with the group's own lookups, besides the {pages} member pages")
for name, b in stats.get("by_bucket", {}).items():
    print(f"  bucket {name:<22} requests={b['requests']:>5}  429s={b['limited']:>3}  "
          f"peak window={100 * b['peak'] / bucket:5.1f}% of {bucket}  "
          f"average={100 * b['requests'] / wall / per_sec:5.1f}% of {per_sec:.0f}/s")
print("by path:", json.dumps(stats.get("by_path", {})))
EOF
if [[ "$rc" != 0 ]]; then tail -5 "$WORK/err.txt" | sed 's/^/    | /' >&2; fi
