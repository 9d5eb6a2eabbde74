//! A tool's arguments, checked here whatever the client validated: a
//! missing, unknown or invalid argument is a tool error of kind `usage`
//! that the model can read and correct (the protocol's advice), never a
//! protocol error.

use rmcp::model::JsonObject;
use serde_json::Value;

use super::schema::{MAX_LIMIT, MAX_TEXT};
use crate::error::{Error, Result};

pub struct Args {
    map: JsonObject,
    /// The names read so far; any other is unknown.
    known: Vec<&'static str>,
}

impl Args {
    pub fn new(map: Option<JsonObject>) -> Args {
        Args {
            map: map.unwrap_or_default(),
            known: Vec::new(),
        }
    }

    fn get(&mut self, name: &'static str) -> Option<&Value> {
        self.known.push(name);
        self.map.get(name).filter(|v| !v.is_null())
    }

    /// A text argument, trimmed; empty counts as absent.
    pub fn text(&mut self, name: &'static str) -> Result<Option<String>> {
        let Some(v) = self.get(name) else {
            return Ok(None);
        };
        let Value::String(s) = v else {
            return Err(bad(name, "must be a string"));
        };
        let s = s.trim();
        if s.chars().count() > MAX_TEXT {
            return Err(bad(name, &format!("is longer than {MAX_TEXT} characters")));
        }
        if s.chars().any(char::is_control) {
            return Err(bad(name, "holds control characters"));
        }
        Ok((!s.is_empty()).then(|| s.to_string()))
    }

    pub fn required(&mut self, name: &'static str) -> Result<String> {
        self.text(name)?.ok_or_else(|| missing(name))
    }

    pub fn flag(&mut self, name: &'static str) -> Result<bool> {
        match self.get(name) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(_) => Err(bad(name, "must be true or false")),
        }
    }

    /// A whole number from `min` to `max`.
    pub fn number(&mut self, name: &'static str, min: u64, max: u64) -> Result<Option<u64>> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => match v.as_u64() {
                Some(n) if (min..=max).contains(&n) => Ok(Some(n)),
                _ => Err(bad(
                    name,
                    &format!("must be a whole number from {min} to {max}"),
                )),
            },
        }
    }

    /// `limit`, 1 to `MAX_LIMIT`.
    pub fn limit(&mut self, default: u64) -> Result<usize> {
        let n = self.number("limit", 1, MAX_LIMIT)?.unwrap_or(default);
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    /// A list of texts (at most `max`).
    pub fn texts(&mut self, name: &'static str, max: usize) -> Result<Vec<String>> {
        let Some(v) = self.get(name) else {
            return Ok(Vec::new());
        };
        let Value::Array(items) = v else {
            return Err(bad(name, "must be a list of strings"));
        };
        if items.len() > max {
            return Err(bad(name, &format!("holds more than {max} items")));
        }
        let items = items.clone();
        let mut out = Vec::new();
        for item in items {
            match item {
                Value::String(s) if s.trim().chars().count() <= MAX_TEXT => {
                    if !s.trim().is_empty() {
                        out.push(s.trim().to_string());
                    }
                }
                _ => return Err(bad(name, "must be a list of short strings")),
            }
        }
        Ok(out)
    }

    /// A user id as find_user returns it (`00u` and letters or digits).
    /// A login or an email is refused: an ambiguous name must never pick
    /// the target of a change.
    pub fn user_id(&mut self) -> Result<String> {
        let id = self.required("user_id")?;
        if !is_user_id(&id) {
            return Err(Error::usage(format!(
                "user_id must be an Okta user id (00u…), not '{id}': change tools never look a user up by login or email"
            ))
            .hint("call find_user first and pass the `id` of the user it returns (ask the person which one when it returns several)"));
        }
        Ok(id)
    }

    /// After reading every argument: one the tool does not take is an error.
    pub fn finish(&self) -> Result<()> {
        let unknown: Vec<&str> = self
            .map
            .keys()
            .map(String::as_str)
            .filter(|k| !self.known.contains(k))
            .collect();
        if unknown.is_empty() {
            return Ok(());
        }
        let mut known = self.known.clone();
        known.sort_unstable();
        known.dedup();
        Err(
            Error::usage(format!("unknown argument(s): {}", unknown.join(", "))).hint(
                if known.is_empty() {
                    "this tool takes no arguments".to_string()
                } else {
                    format!("this tool takes: {}", known.join(", "))
                },
            ),
        )
    }
}

/// `00u` then letters and digits only (Okta ids are 20 such characters).
pub fn is_user_id(s: &str) -> bool {
    s.len() > 3
        && s.len() <= 64
        && s.starts_with("00u")
        && s.chars().all(|c| c.is_ascii_alphanumeric())
}

fn bad(name: &str, why: &str) -> Error {
    Error::usage(format!("argument '{name}' {why}"))
}

fn missing(name: &str) -> Error {
    Error::usage(format!("argument '{name}' is required"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn args(v: Value) -> Args {
        Args::new(v.as_object().cloned())
    }

    #[test]
    fn ids_logins_and_emails() {
        assert!(is_user_id("00u1a2b3c4d5e6f7g8h9"));
        for bad in [
            "jane@acme.com",
            "00u",
            "00u1 2",
            "00u1/..",
            "jane",
            "00g1abc",
            "",
        ] {
            assert!(!is_user_id(bad), "{bad}");
        }
        let e = args(json!({"user_id": "jane@acme.com"}))
            .user_id()
            .unwrap_err();
        assert!(e.message.contains("not 'jane@acme.com'"), "{}", e.message);
        assert_eq!(e.exit_code(), 2);
    }

    #[test]
    fn kinds_of_wrong_argument() {
        let mut a = args(json!({"user": 3, "limit": 0, "x": 1, "dry_run": "yes"}));
        assert!(a.text("user").is_err());
        assert!(a.limit(10).is_err());
        assert!(a.flag("dry_run").is_err());
        let e = a.finish().unwrap_err();
        assert!(
            e.message.contains("unknown argument(s): x"),
            "{}",
            e.message
        );
        let mut a = args(json!({"ticket": "  "}));
        assert!(a
            .required("ticket")
            .unwrap_err()
            .message
            .contains("required"));
        let mut a = args(json!({"ticket": "HD-1\u{1b}[2J"}));
        assert!(a.text("ticket").is_err());
        let mut a = args(json!({"user": "x".repeat(MAX_TEXT + 1)}));
        assert!(a.text("user").is_err());
        assert!(Args::new(None).finish().is_ok());
    }
}
