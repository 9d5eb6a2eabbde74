#!/usr/bin/env python3
"""Helpers of bench/mcp.sh.

    mcp_report.py bare                          < mcp_bench's JSON: the report lines
    mcp_report.py plan OKTACTL ORG CALLS MODE   the Python client's plan (stdout)
    mcp_report.py sdk                           < the Python client's output: the report line
"""

import json
import os
import statistics
import sys


def ms(us):
    return "%.2f ms" % (us / 1000)


def mib(kib):
    return "n/a" if kib is None else "%.1f MiB" % (kib / 1024)


def bare():
    r = json.load(sys.stdin)
    m, d = r["find_user_us"], r["direct_get_us"]
    print("find_user via mcp: median %s, p90 %s" % (ms(m["median"]), ms(m["p90"])))
    print("the GET alone:     median %s, p90 %s" % (ms(d["median"]), ms(d["p90"])))
    print("server overhead per call (median difference): %s (target <= 2 ms)" % ms(r["overhead_us_median"]))
    rss = r["rss_kib"]
    print("RSS: idle %s (target <= 20 MB), after the calls %s; %d tools listed"
          % (mib(rss["idle"]), mib(rss["after_calls"]), r["tools"]))


def plan(oktactl, org, calls, mode):
    env = {k: os.environ[k] for k in ("OKTACTL_AUDIT_LOG", "OKTACTL_CONFIG")}
    env.update(OKTA_ORG_URL=org, OKTA_API_TOKEN="00bench-token")
    step = {"op": "bench", "tool": "find_user", "args": {"user": "00u00000000000000001"}, "n": int(calls)}
    print(json.dumps({"server": {"command": oktactl, "args": ["mcp"], "env": env},
                      "mode": mode, "steps": [step]}))


def sdk():
    t = sorted(json.load(sys.stdin)["results"][0]["micros"])
    print("find_user via the SDK: median %s, p90 %s (the Python client's own costs included)"
          % (ms(statistics.median(t)), ms(t[int(len(t) * 0.9)])))


if __name__ == "__main__":
    {"bare": bare, "plan": plan, "sdk": sdk}[sys.argv[1]](*sys.argv[2:])
