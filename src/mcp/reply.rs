//! A tool's answer: a short summary for the model, then the same result as
//! JSON text and as `structuredContent`; or an error, `isError: true`, with
//! a stable `kind` named after the exit-code class the command line would
//! exit with (a refusal by the gate included).

use rmcp::model::{CallToolResult, ContentBlock};
use serde::Serialize;
use serde_json::{json, Value};

use crate::error::{clean, Error, Kind};

/// A tool's result: the structured value and one line about it.
#[derive(Debug)]
pub struct Done {
    pub value: Value,
    pub summary: String,
}

impl Done {
    pub fn new(value: &impl Serialize, summary: impl Into<String>) -> Result<Done, Error> {
        let value = serde_json::to_value(value)
            .map_err(|e| Error::failed(format!("cannot encode the result: {e}")))?;
        Ok(Done {
            value,
            summary: summary.into(),
        })
    }
}

/// A failed call: the error, and for a change the row it came to.
#[derive(Debug)]
pub struct Failed {
    pub error: Error,
    pub change: Option<Box<Value>>,
}

impl From<Error> for Failed {
    fn from(error: Error) -> Failed {
        Failed {
            error,
            change: None,
        }
    }
}

/// The stable name of an error's class: the exit code's meaning.
pub fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Failed => "failed",
        Kind::Cancelled => "cancelled",
        Kind::Usage => "usage",
        Kind::NotFound => "not_found",
        Kind::Auth => "auth",
        Kind::Permission => "permission",
        Kind::RateLimited => "rate_limited",
        Kind::Network => "network",
        Kind::Policy => "policy",
        Kind::Interrupted => "interrupted",
    }
}

/// The error as the result's `structuredContent`.
pub fn error_value(e: &Error) -> Value {
    let mut hints: Vec<String> = Vec::new();
    if let Some(why) = e.why.as_deref().or(e.generic) {
        hints.push(clean(why));
    }
    hints.extend(e.hints.iter().map(|h| clean(h)));
    json!({"error": {
        "kind": kind_name(e.kind),
        "exit_code": e.exit_code(),
        "message": clean(&e.message),
        "hints": hints,
    }})
}

pub fn result(outcome: Result<Done, Failed>) -> CallToolResult {
    match outcome {
        Ok(done) => {
            let mut r = CallToolResult::structured(done.value);
            r.content
                .insert(0, ContentBlock::text(clean(&done.summary)));
            r
        }
        Err(Failed { error: e, change }) => {
            let mut value = error_value(&e);
            if let Some(change) = change {
                value["change"] = *change;
            }
            let mut text = format!("error ({}): {}", kind_name(e.kind), clean(&e.message));
            if let Some(hints) = value["error"]["hints"].as_array() {
                for h in hints.iter().filter_map(Value::as_str) {
                    text.push_str("\nhint: ");
                    text.push_str(h);
                }
            }
            let mut r = CallToolResult::structured_error(value);
            r.content.insert(0, ContentBlock::text(text));
            r
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_their_class_and_keep_hints() {
        let e = Error::usage("argument 'user_id' is required").hint("call find_user first");
        let r = result(Err(e.into()));
        assert_eq!(r.is_error, Some(true));
        let v = r.structured_content.unwrap_or_default();
        assert_eq!(v["error"]["kind"], "usage");
        assert_eq!(v["error"]["exit_code"], 2);
        assert_eq!(v["error"]["hints"][0], "call find_user first");
        let first = r
            .content
            .first()
            .and_then(|c| c.as_text())
            .map(|t| t.text.clone());
        assert!(first
            .unwrap_or_default()
            .starts_with("error (usage): argument"));
        for k in Kind::ALL {
            assert!(!kind_name(*k).is_empty());
        }
    }

    #[test]
    fn results_carry_summary_then_json() {
        let d = Done::new(&json!({"a": 1}), "one thing\u{1b}[2J").unwrap();
        let r = result(Ok(d));
        assert_eq!(r.is_error, Some(false));
        let texts: Vec<String> = r
            .content
            .iter()
            .filter_map(|c| c.as_text().map(|t| t.text.clone()))
            .collect();
        assert_eq!(
            texts,
            vec!["one thing\\u{1b}[2J".to_string(), r#"{"a":1}"#.to_string()]
        );
    }
}
