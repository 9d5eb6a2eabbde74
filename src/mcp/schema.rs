//! The JSON Schemas of the tools' arguments and results (2020-12, the
//! default of the protocol). Every output schema is an object at its root,
//! as clients of older protocol versions require. Results follow them;
//! errors (`isError: true`) carry `{"error": {kind, exit_code, message,
//! hints}}` instead.

use serde_json::{json, Value};

use super::catalog::{Def, Name};

/// The longest text argument (ids, logins, groups, tickets).
pub const MAX_TEXT: usize = 256;
/// The most rows a listing tool returns.
pub const MAX_LIMIT: u64 = 500;

fn text(description: &str) -> Value {
    json!({"type": "string", "minLength": 1, "maxLength": MAX_TEXT, "description": description})
}

fn maybe_text() -> Value {
    json!({"type": ["string", "null"]})
}

fn limit(default: u64) -> Value {
    json!({"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": default,
           "description": "The most rows returned"})
}

/// The arguments every change tool takes.
fn change_args(extra: Value, required: &[&str]) -> Value {
    let mut props = json!({
        "user_id": {"type": "string", "pattern": "^00u[A-Za-z0-9]+$", "maxLength": 64,
                    "description": "The user's Okta id (00u…), as find_user returned it. A login or email is refused, so that an ambiguous name can never pick the target"},
        "ticket": text("The help-desk ticket this change serves (the policy may require a pattern)"),
        "requester": text("Who asked for this change, e.g. the chat user's handle; written to the audit log and counted against the per-requester budget"),
        "dry_run": {"type": "boolean", "default": false,
                    "description": "Plan the change and return the call it would send, sending nothing"}
    });
    if let (Some(p), Value::Object(e)) = (props.as_object_mut(), extra) {
        p.extend(e);
    }
    let mut req = vec!["user_id", "ticket", "requester"];
    req.extend_from_slice(required);
    json!({"type": "object", "properties": props, "required": req, "additionalProperties": false})
}

pub fn input(def: &Def) -> Value {
    match def.name {
        Name::Whoami => json!({"type": "object", "additionalProperties": false}),
        Name::CheckPerms => json!({
            "type": "object",
            "properties": {
                "for": {"type": "string", "enum": ["provisioning", "passwords", "all"], "default": "all",
                        "description": "The jobs whose rights to check"},
                "group": {"type": "array", "items": text("A group id or exact name"), "maxItems": 20,
                          "description": "Also check that the group-scoped roles reach these groups"},
                "strict": {"type": "boolean", "default": false,
                           "description": "Fail on excess roles too (SUPER_ADMIN, ORG_ADMIN, roles the jobs do not need)"}
            },
            "additionalProperties": false
        }),
        Name::FindUser => json!({
            "type": "object",
            "properties": {"user": text("An Okta user id (00u…), a login, or an email address")},
            "required": ["user"],
            "additionalProperties": false
        }),
        Name::UserLog => json!({
            "type": "object",
            "properties": {
                "user": text("The user's id (00u…), login or email"),
                "since": {"type": "string", "pattern": "^[0-9]+[smhdw]$", "default": "24h",
                          "description": "How far back: a number and s, m, h, d or w (30m, 24h, 7d); at most 90d"},
                "type": {"type": "string", "enum": ["lock", "password", "mfa", "group", "all"], "default": "all",
                         "description": "lock: lock-outs, unlocks, failed sign-ins; password: resets and changes; mfa: factor events; group: membership changes"},
                "limit": limit(50)
            },
            "required": ["user"],
            "additionalProperties": false
        }),
        Name::Lockouts => json!({
            "type": "object",
            "properties": {
                "since": {"type": "string", "pattern": "^[0-9]+[smhdw]$", "default": "24h",
                          "description": "How far back: a number and s, m, h, d or w; at most 90d"},
                "all": {"type": "boolean", "default": false,
                        "description": "Also users unlocked since their lock-out"},
                "limit": limit(50)
            },
            "additionalProperties": false
        }),
        Name::Expiring => json!({
            "type": "object",
            "properties": {
                "within_days": {"type": "integer", "minimum": 0, "maximum": 365, "default": 14},
                "group": text("Only members of this group (id or exact name)"),
                "include_expired": {"type": "boolean", "default": false,
                                    "description": "Also passwords already expired, and PASSWORD_EXPIRED users"},
                "limit": limit(50)
            },
            "additionalProperties": false
        }),
        Name::Unlock => change_args(
            json!({"force": {"type": "boolean", "default": false,
                             "description": "Send the unlock even when the user is not LOCKED_OUT (Okta also unblocks an ACTIVE user blocked from unknown devices)"}}),
            &[],
        ),
        Name::ResetPassword | Name::SessionsClear => change_args(json!({}), &[]),
        Name::VerifyCaller => json!({
            "type": "object",
            "properties": {
                "user_id": {"type": "string", "pattern": "^00u[A-Za-z0-9]+$", "maxLength": 64,
                            "description": "The user's Okta id (00u…), as find_user returned it; a login or email is refused. Not with transaction"},
                "requester": text("Who asked, e.g. the chat user's handle; written to the audit log"),
                "ticket": text("The help-desk ticket (the policy may require a pattern)"),
                "method": {"type": "string", "enum": ["auto", "push", "sms", "email", "call", "totp"], "default": "auto",
                           "description": "auto and push send an Okta Verify push; the code methods are refused for agents"},
                "transaction": text("The second call: the transaction the first returned; waits for the answer")
            },
            "required": ["requester"],
            "additionalProperties": false
        }),
        Name::ResetMfa => change_args(
            json!({"factor": text("Reset only this factor: its id, or its type (sms, push, token:software:totp, …); default every factor")}),
            &[],
        ),
        Name::Grant | Name::Revoke => change_args(
            json!({"group": text("The group: its id (00g…) or exact name")}),
            &["group"],
        ),
    }
}

fn user_view() -> Value {
    json!({
        "type": "object",
        "properties": {
            "id": {"type": "string"}, "login": {"type": "string"}, "email": maybe_text(),
            "name": {"type": "string"}, "status": {"type": "string"}, "title": maybe_text(),
            "department": maybe_text(), "manager": maybe_text(), "created": maybe_text(),
            "last_login": maybe_text(), "password_changed": maybe_text(), "password_expires": maybe_text()
        },
        "required": ["id", "login", "name", "status"]
    })
}

fn roles() -> Value {
    json!({"type": ["array", "null"], "items": {"type": "object", "properties": {
        "type": {"type": "string"}, "label": {"type": "string"}, "assignment_type": {"type": "string"},
        "scope": {"type": "string"}, "via_group": {"type": ["object", "null"]}, "targets": {"type": "object"}
    }}})
}

pub fn output(def: &Def) -> Value {
    match def.name {
        Name::Whoami => json!({
            "type": "object",
            "properties": {
                "kind": {"type": "string", "const": "service_app"},
                "id": {"type": "string"}, "login": {"type": "string"}, "name": {"type": "string"},
                "status": {"type": "string"}, "client_id": {"type": "string"},
                "token_type": {"type": "string"}, "scopes": {"type": "array", "items": {"type": "string"}},
                "roles": roles(), "roles_error": {"type": "string"}
            },
            "required": ["roles"]
        }),
        Name::CheckPerms => json!({
            "type": "object",
            "properties": {
                "ok": {"type": "boolean"}, "for": {"type": "string"}, "strict": {"type": "boolean"},
                "subject": {"type": "object"},
                "required": {"type": "array", "items": {"type": "string"}},
                "missing": {"type": "array", "items": {"type": "string"}},
                "excess": {"type": "array", "items": {"type": "string"}},
                "roles": roles(),
                "checks": {"type": "array", "items": {"type": "object", "properties": {
                    "right": {"type": "string"}, "result": {"type": "string"},
                    "fix": maybe_text()
                }}},
                "health": {"type": "object"},
                "warnings": {"type": "array", "items": {"type": "string"}}
            },
            "required": ["ok", "for", "required", "missing", "checks"]
        }),
        Name::FindUser => json!({
            "type": "object",
            "properties": {
                "ambiguous": {"type": "boolean", "description": "Several users match: pick one by id"},
                "users": {"type": "array", "items": user_view()}
            },
            "required": ["ambiguous", "users"]
        }),
        Name::UserLog => json!({
            "type": "object",
            "properties": {
                "user_id": {"type": "string"}, "user": {"type": "string"},
                "events": {"type": "array", "items": {"type": "object", "properties": {
                    "published": maybe_text(), "event_type": maybe_text(), "display_message": maybe_text(),
                    "outcome": maybe_text(), "reason": maybe_text(), "actor": maybe_text(),
                    "client_ip": maybe_text(), "user_agent": maybe_text()
                }}},
                "truncated": {"type": "boolean", "description": "More events than the limit: narrow since or type"}
            },
            "required": ["user_id", "user", "events", "truncated"]
        }),
        Name::Lockouts => json!({
            "type": "object",
            "properties": {
                "lockouts": {"type": "array", "items": {"type": "object", "properties": {
                    "user_id": {"type": "string"}, "login": maybe_text(), "name": maybe_text(),
                    "status": maybe_text(), "still_locked": {"type": "boolean"},
                    "locked_at": {"type": "string"}, "event_type": {"type": "string"},
                    "failed_sign_ins": {"type": ["integer", "null"]}, "client_ip": maybe_text(),
                    "location": {"type": ["object", "null"]}, "user_agent": maybe_text(),
                    "unlocked_at": maybe_text(), "unlock_event": maybe_text(),
                    "unlocked_by": maybe_text(), "event_id": maybe_text()
                }, "required": ["user_id", "still_locked", "locked_at"]}},
                "total": {"type": "integer"},
                "truncated": {"type": "boolean"},
                "notes": {"type": "array", "items": {"type": "string"}},
                "events_read": {"type": "integer"}
            },
            "required": ["lockouts", "total", "truncated", "notes"]
        }),
        Name::Expiring => json!({
            "type": "object",
            "properties": {
                "users": {"type": "array", "items": {"type": "object", "properties": {
                    "id": {"type": "string"}, "login": {"type": "string"}, "email": maybe_text(),
                    "name": {"type": "string"}, "status": {"type": "string"},
                    "password_changed": {"type": "string"}, "expires": {"type": "string"},
                    "days_left": {"type": "integer"}, "policy": {"type": "string"}, "warn_days": {"type": "integer"}
                }}},
                "total": {"type": "integer", "description": "Users found, before the limit"},
                "truncated": {"type": "boolean"},
                "summary": {"type": "string"}
            },
            "required": ["users", "total", "truncated", "summary"]
        }),
        Name::VerifyCaller => json!({
            "type": "object",
            "properties": {
                "status": {"type": "string", "description": "waiting (first call: show the number), verified, rejected, timed_out, no_factor, failed"},
                "number": {"type": ["integer", "null"], "description": "The number the employee taps in Okta Verify"},
                "transaction": {"type": "string", "description": "Pass it back to wait for the answer"},
                "user": {"type": "string"},
                "user_id": {"type": "string"},
                "result": {"type": "string"},
                "method": {"type": ["string", "null"]},
                "factor_id": maybe_text(),
                "transaction_id": maybe_text(),
                "change_id": maybe_text(),
                "request_id": maybe_text(),
                "ticket": maybe_text(),
                "requester": {"type": "string"}
            },
            "required": ["status", "user_id"]
        }),
        Name::Unlock
        | Name::ResetPassword
        | Name::ResetMfa
        | Name::SessionsClear
        | Name::Grant
        | Name::Revoke => json!({
            "type": "object",
            "properties": {
                "result": {"type": "string", "description": "What became of the change: unlocked, not_locked, email_sent, reset, no_factors, sessions_cleared, added, already_member, removed, not_member; would_… under dry_run"},
                "dry_run": {"type": "boolean"},
                "user": {"type": "string", "description": "The user's login"},
                "user_id": {"type": "string"},
                "email": {"type": ["string", "null"], "description": "reset_password: where Okta sends the link"},
                "group": maybe_text(),
                "request": {"type": ["string", "null"], "description": "The call sent, or that would be sent"},
                "change_id": {"type": ["string", "null"], "description": "The audit log's id of the change"},
                "request_id": maybe_text(),
                "detail": {"type": ["string", "null"], "description": "reset_mfa: what the list shows after the change"},
                "ticket": {"type": "string"},
                "requester": {"type": "string"}
            },
            "required": ["result", "dry_run", "user_id", "ticket", "requester"]
        }),
    }
}
