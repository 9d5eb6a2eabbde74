#!/usr/bin/env python3
"""List ALL users with Okta's official Python SDK and print them as one JSON array.

The comparison side of bench.sh: the same job as `oktactl user list -o json`.

    OKTA_ORG_URL=http://127.0.0.1:PORT OKTA_API_TOKEN=x python py_sdk_list.py [--no-expiry]

Fields: id, login, email, name, status, title, department, manager, created,
last_login, password_changed, password_expires. password_expires is
password_changed + maxAgeDays of the user's effective PASSWORD policy (lowest
priority number whose included groups contain the user; membership of non-Everyone
groups is read with the paged group-members call). --no-expiry skips that and
prints null, making exactly the user-list requests and nothing else.

Written against okta==3.4.6. In that version the `testing` block of the dict given
to Client() lands under `client` and is ignored by the validator, which only looks
at the top-level testing.testingDisableHttpsCheck; the environment variable
OKTA_TESTING_TESTINGDISABLEHTTPSCHECK (read by the SDK's ConfigSetter) does reach it,
so it is set below to allow the plain-http mock.
"""
import asyncio
import datetime as dt
import json
import os
import sys

os.environ.setdefault("OKTA_TESTING_TESTINGDISABLEHTTPSCHECK", "true")

import okta  # noqa: E402
from okta.client import Client as OktaClient  # noqa: E402
from okta.pagination import PaginationHelper  # noqa: E402

EVERYONE = "Everyone"


def ts(value):
    """Okta's timestamp style: 2024-01-02T03:04:05.000Z (None stays None)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    value = value.astimezone(dt.timezone.utc)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def enum_value(value):
    return getattr(value, "value", value)


async def all_pages(method, *args, **kwargs):
    """The SDK's cursor paging: call, read the Link rel=next cursor, repeat."""
    after = None
    items = []
    while True:
        data, resp, err = await method(*args, limit=200, after=after, **kwargs)
        if err is not None:
            raise RuntimeError(f"{method.__name__}: {err}")
        items.extend(data or [])
        after = PaginationHelper.extract_next_cursor(resp.headers)
        if not after or not data:
            return items


async def password_policies(client):
    """[(priority, include group ids, maxAgeDays)] of ACTIVE PASSWORD policies, by priority."""
    policies, _resp, err = await client.list_policies(type="PASSWORD")
    if err is not None:
        raise RuntimeError(f"list_policies: {err}")
    out = []
    for p in policies or []:
        p = getattr(p, "actual_instance", p)
        if enum_value(p.status) != "ACTIVE":
            continue
        groups = p.conditions.people.groups.include if p.conditions and p.conditions.people else []
        max_age = p.settings.password.age.max_age_days if p.settings and p.settings.password else 0
        out.append((p.priority or 0, list(groups or []), max_age or 0))
    return sorted(out)


async def expiry_lookup(client):
    """Returns f(user_id, password_changed) -> expiry datetime or None."""
    policies = await password_policies(client)
    members = {}
    everyone_ids = set()
    for _prio, groups, _age in policies:
        for gid in groups:
            if gid in members or gid in everyone_ids:
                continue
            group, _r, err = await client.get_group(gid)
            if err is None and group is not None and enum_value(group.type) == "BUILT_IN":
                everyone_ids.add(gid)
                continue
            users = await all_pages(client.list_group_users, gid)
            members[gid] = {u.id for u in users}

    def expires(user_id, changed):
        if changed is None:
            return None
        for _prio, groups, age in policies:
            if any(g in everyone_ids or user_id in members.get(g, ()) for g in groups):
                return changed + dt.timedelta(days=age) if age else None
        return None

    return expires


async def main():
    no_expiry = "--no-expiry" in sys.argv[1:]
    client = OktaClient(
        {
            "orgUrl": os.environ.get("OKTA_ORG_URL", "http://127.0.0.1:8080"),
            "token": os.environ.get("OKTA_API_TOKEN", "bench-token"),
            "testing": {"testingDisableHttpsCheck": True},
            "rateLimit": {"maxRetries": 2},
        }
    )
    users = await all_pages(client.list_users)
    expires = (lambda _id, _changed: None) if no_expiry else await expiry_lookup(client)
    rows = []
    for u in users:
        p = u.profile
        first, last = (p.first_name or ""), (p.last_name or "")
        rows.append(
            {
                "id": u.id,
                "login": p.login,
                "email": p.email,
                "name": f"{first} {last}".strip(),
                "status": enum_value(u.status),
                "title": p.title,
                "department": p.department,
                "manager": p.manager,
                "created": ts(u.created),
                "last_login": ts(u.last_login),
                "password_changed": ts(u.password_changed),
                "password_expires": ts(expires(u.id, u.password_changed)),
            }
        )
    json.dump(rows, sys.stdout, indent=2)
    sys.stdout.write("\n")
    print(f"py_sdk_list: okta {okta.__version__}, {len(rows)} users", file=sys.stderr)


if __name__ == "__main__":
    asyncio.run(main())
