#!/usr/bin/env python3
"""Drive `oktactl mcp` with the official MCP Python SDK (`mcp` on PyPI), for
tests/it/mcp.rs and bench/mcp.sh. Written against mcp==2.3.0.

Reads a plan (JSON) on stdin:

    {"server": {"command": PATH, "args": [...], "env": {...}},
     "mode": "auto" | "legacy",          # auto: server/discover (2026-07-28), else initialize
     "client": {"name": ..., "version": ...},
     "elicitation": null | "accept" | "decline" | "cancel",   # null: no elicitation capability
     "steps": [{"op": "list"}, {"op": "call", "tool": NAME, "args": {...}},
               {"op": "bench", "tool": NAME, "args": {...}, "n": 200}]}

and prints one JSON document on stdout:

    {"protocol": VERSION, "server_info": {...}, "results": [one per step],
     "elicitations": [the elicitation requests the server sent],
     "wire": [["in"|"out", MESSAGE], ...]}     # every JSON-RPC message, both ways

A call's result is the CallToolResult as JSON; a protocol error is
{"protocol_error": {"code", "message"}}. A bench step records the wall time
of each call in microseconds. The server's stderr goes to this script's stderr.
"""

import json
import sys
import time
from contextlib import asynccontextmanager

import anyio
import mcp_types as types
from mcp import Client
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.shared.exceptions import MCPError


def dump(item):
    if isinstance(item, Exception):
        return {"exception": repr(item)}
    return item.message.model_dump(by_alias=True, exclude_none=True, mode="json")


@asynccontextmanager
async def recording(params, wire):
    """stdio_client, with every message copied into `wire` as it passes."""
    async with stdio_client(params, errlog=sys.stderr) as (read, write):
        to_client, from_server = anyio.create_memory_object_stream(0)
        to_server, from_client = anyio.create_memory_object_stream(0)

        async def inbound():
            async with to_client:
                async for item in read:
                    wire.append(["in", dump(item)])
                    await to_client.send(item)

        async def outbound():
            async with from_client:
                async for item in from_client:
                    wire.append(["out", dump(item)])
                    await write.send(item)
            await write.aclose()

        async with anyio.create_task_group() as tg:
            tg.start_soon(inbound)
            tg.start_soon(outbound)
            try:
                yield from_server, to_server
            finally:
                tg.cancel_scope.cancel()


async def main(plan):
    wire, elicitations = [], []
    answer = plan.get("elicitation")

    async def elicit(context, params):
        elicitations.append(params.model_dump(by_alias=True, exclude_none=True, mode="json"))
        if answer == "accept":
            return types.ElicitResult(action="accept", content={"confirm": True})
        return types.ElicitResult(action=answer)

    server = plan["server"]
    params = StdioServerParameters(
        command=server["command"], args=server.get("args", []), env=server.get("env", {})
    )
    client_info = plan.get("client", {"name": "oktactl-tests", "version": "1.0"})
    options = dict(
        mode=plan.get("mode", "auto"),
        client_info=types.Implementation(**client_info),
        read_timeout_seconds=60,
    )
    if answer is not None:
        options["elicitation_callback"] = elicit
    results = []
    async with Client(recording(params, wire), **options) as client:
        info = client.server_info
        out = {
            "protocol": client.protocol_version,
            "server_info": info.model_dump(by_alias=True, exclude_none=True, mode="json") if info else None,
        }
        for step in plan["steps"]:
            op = step["op"]
            if op == "list":
                listed = await client.list_tools()
                results.append(listed.model_dump(by_alias=True, exclude_none=True, mode="json"))
            elif op == "call":
                args = prior(step.get("args"), results)
                results.append(await call(client, step["tool"], args))
            elif op == "bench":
                times = []
                for _ in range(step.get("n", 200)):
                    start = time.perf_counter_ns()
                    result = await call(client, step["tool"], step.get("args"))
                    times.append((time.perf_counter_ns() - start) // 1000)
                    if result.get("isError") or "protocol_error" in result:
                        raise SystemExit(f"bench call failed: {result}")
                results.append({"micros": times})
            else:
                raise SystemExit(f"unknown op {op}")
    out.update(results=results, elicitations=elicitations, wire=wire)
    return out


def prior(args, results):
    """An argument "$prev.KEY" is KEY of the previous result's structuredContent."""
    if not args:
        return args
    out = {}
    for k, v in args.items():
        if isinstance(v, str) and v.startswith("$prev."):
            v = (results[-1].get("structuredContent") or {}).get(v[len("$prev."):])
        out[k] = v
    return out


async def call(client, tool, args):
    try:
        result = await client.call_tool(tool, args)
    except MCPError as e:
        return {"protocol_error": {"code": e.error.code, "message": e.error.message}}
    return result.model_dump(by_alias=True, exclude_none=True, mode="json")


if __name__ == "__main__":
    plan = json.load(sys.stdin)
    json.dump(anyio.run(main, plan), sys.stdout)
    sys.stdout.write("\n")
