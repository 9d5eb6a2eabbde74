//! One audit line, of either format, as the fields the reader uses.
//!
//! New format: two lines per change sharing a `change_id`, `phase` `intent`
//! (with the `call` about to be sent) then `outcome` (with `outcome`,
//! `request_id`, `error`). Old format: one line per change, no `phase`, the
//! result in `result`; it is read as a finished change. Any field may be null
//! or absent, and unknown fields are ignored.

use serde_json::{Map, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Intent,
    Outcome,
    /// An old-format line: the whole change, finished.
    Single,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub phase: Phase,
    pub time: Option<String>,
    pub change_id: Option<String>,
    pub operator: Option<String>,
    pub org: Option<String>,
    pub profile: Option<String>,
    pub command: Option<String>,
    pub ticket: Option<String>,
    pub user_id: Option<String>,
    pub user: Option<String>,
    pub group: Option<String>,
    pub call: Option<String>,
    pub outcome: Option<String>,
    pub request_id: Option<String>,
    pub error: Option<String>,
}

/// Parse one line; `Err` says why it cannot be read.
pub fn parse(bytes: &[u8]) -> Result<Record, String> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| format!("not JSON ({e})"))?;
    let Value::Object(map) = value else {
        return Err(format!("not a JSON object but {}", kind(&value)));
    };
    let phase = match map.get("phase") {
        None | Some(Value::Null) => Phase::Single,
        Some(Value::String(p)) if p == "intent" => Phase::Intent,
        Some(Value::String(p)) if p == "outcome" => Phase::Outcome,
        Some(Value::String(p)) => {
            return Err(format!(
                "unknown phase {} (this oktactl reads \"intent\" and \"outcome\")",
                Value::String(p.chars().take(40).collect())
            ))
        }
        Some(other) => return Err(format!("the phase is {}, not a string", kind(other))),
    };
    let f = |key: &str| field(&map, key);
    Ok(Record {
        phase,
        time: f("time"),
        change_id: f("change_id"),
        operator: f("operator"),
        org: f("org"),
        profile: f("profile"),
        command: f("command"),
        ticket: f("ticket"),
        user_id: f("user_id"),
        user: f("user"),
        group: f("group"),
        call: f("call"),
        // Old lines, and perhaps some outcome lines, name it `result`.
        outcome: f("outcome").or_else(|| f("result")),
        request_id: f("request_id"),
        error: f("error"),
    })
}

/// A field as text: a string as it is, null or absent as `None`, any other
/// value (a number, an object a later version may write) as its JSON.
fn field(map: &Map<String, Value>, key: &str) -> Option<String> {
    match map.get(key)? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_format_intent_and_outcome() {
        let intent = parse(br#"{"time":"2026-11-29T17:30:00.123Z","phase":"intent","change_id":"c-1","operator":"alice","org":"https://acme.okta.com","profile":"default","command":"unlock","channel":"cli","ticket":"HD-1","user_id":"00u1","user":"jane@x.com","group":null,"call":"POST /api/v1/users/00u1/lifecycle/unlock","policy":{"x":1}}"#).unwrap();
        assert_eq!(intent.phase, Phase::Intent);
        assert_eq!(intent.change_id.as_deref(), Some("c-1"));
        assert_eq!(
            intent.call.as_deref(),
            Some("POST /api/v1/users/00u1/lifecycle/unlock")
        );
        assert_eq!(intent.group, None);
        assert_eq!(intent.outcome, None);

        let outcome = parse(br#"{"time":"2026-11-29T17:30:00.456Z","phase":"outcome","change_id":"c-1","outcome":"unlocked","request_id":"XyZ","error":null}"#).unwrap();
        assert_eq!(outcome.phase, Phase::Outcome);
        assert_eq!(outcome.outcome.as_deref(), Some("unlocked"));
        assert_eq!(outcome.request_id.as_deref(), Some("XyZ"));
        assert_eq!(outcome.user, None);
    }

    #[test]
    fn old_format_is_a_single_finished_line() {
        let r = parse(br#"{"time":"2026-10-01T08:00:00Z","operator":"bob","org":"https://acme.okta.com","profile":"default","command":"grant","user_id":"00u2","user":"max@x.com","group":"00g1","result":"added","ticket":null,"request_id":"R1"}"#).unwrap();
        assert_eq!(r.phase, Phase::Single);
        assert_eq!(r.outcome.as_deref(), Some("added"));
        assert_eq!(r.group.as_deref(), Some("00g1"));
        assert_eq!(r.ticket, None);
        assert_eq!(r.change_id, None);
    }

    #[test]
    fn odd_values_are_text_and_bad_lines_say_why() {
        let r = parse(br#"{"phase":null,"user_id":42,"error":{"code":"E1"}}"#).unwrap();
        assert_eq!(r.phase, Phase::Single);
        assert_eq!(r.user_id.as_deref(), Some("42"));
        assert_eq!(r.error.as_deref(), Some(r#"{"code":"E1"}"#));

        assert!(parse(b"{\"time\":\"2026")
            .unwrap_err()
            .starts_with("not JSON"));
        assert!(parse(b"\xff\xfe").unwrap_err().starts_with("not JSON"));
        assert_eq!(
            parse(b"[1,2]").unwrap_err(),
            "not a JSON object but an array"
        );
        assert_eq!(
            parse(br#"{"phase":"later"}"#).unwrap_err(),
            r#"unknown phase "later" (this oktactl reads "intent" and "outcome")"#
        );
        assert_eq!(
            parse(br#"{"phase":3}"#).unwrap_err(),
            "the phase is a number, not a string"
        );
        // Deep nesting is refused by serde_json's recursion limit, not a crash.
        let deep = "[".repeat(100_000);
        assert!(parse(deep.as_bytes()).is_err());
    }
}
