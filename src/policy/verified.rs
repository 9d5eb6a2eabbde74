//! The local audit log, read for caller verification: when each user was
//! last verified (`command` `verify`, outcome `verified`), and when
//! challenges were sent to them (`verify` intent lines not refused), by any
//! operator of this org who writes to this log.
//!
//! The file is streamed once per read; a line is at most 1 MiB (longer ones
//! are skipped), and only lines that mention `verify` are parsed.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, ErrorKind, Read};
use std::path::Path;

use jiff::Timestamp;
use serde::Deserialize;

use super::history::skip_rest;
use crate::error::{Error, Result};

const MAX_LINE: u64 = 1 << 20;
/// Challenge times kept per user, at most (the cap needs a handful).
const MAX_KEPT: usize = 64;

/// What the log says of the verifications of each user id.
#[derive(Debug, Default)]
pub struct Verifications {
    verified: HashMap<String, Timestamp>,
    challenges: HashMap<String, Vec<Timestamp>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Line<'a> {
    #[serde(borrow)]
    time: Option<Cow<'a, str>>,
    #[serde(borrow)]
    phase: Option<Cow<'a, str>>,
    #[serde(borrow)]
    org: Option<Cow<'a, str>>,
    #[serde(borrow)]
    command: Option<Cow<'a, str>>,
    #[serde(borrow)]
    user_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    outcome: Option<Cow<'a, str>>,
    policy: Option<Decided>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Decided {
    decision: Option<String>,
}

impl Verifications {
    /// Read the log at `path` (none yet: nothing) for `org`, from `since` on.
    pub fn read(path: &Path, org: &str, since: Timestamp) -> Result<Verifications> {
        let cannot = |e: std::io::Error| {
            Error::failed(format!(
                "cannot read the audit log {} for caller verifications: {e}",
                path.display()
            ))
            .hint("verifications are judged from it; fix its permissions or set OKTACTL_AUDIT_LOG")
        };
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Verifications::default()),
            Err(e) => return Err(cannot(e)),
        };
        let mut reader = BufReader::with_capacity(64 * 1024, file);
        let mut v = Verifications::default();
        let mut line = Vec::new();
        loop {
            line.clear();
            let n = (&mut reader)
                .take(MAX_LINE + 1)
                .read_until(b'\n', &mut line)
                .map_err(cannot)?;
            if n == 0 {
                break;
            }
            if line.last() != Some(&b'\n') && n as u64 > MAX_LINE {
                skip_rest(&mut reader).map_err(cannot)?;
                continue;
            }
            v.take(&line, org, since);
        }
        Ok(v)
    }

    fn take(&mut self, bytes: &[u8], org: &str, since: Timestamp) {
        // Cheap test first: most lines are about other commands.
        if !contains(bytes, b"\"verify\"") {
            return;
        }
        let Ok(l) = serde_json::from_slice::<Line<'_>>(bytes) else {
            return;
        };
        if l.command.as_deref() != Some("verify") || l.org.as_deref().is_some_and(|o| o != org) {
            return;
        }
        let (Some(user), Some(at)) = (
            l.user_id.as_deref(),
            l.time.as_deref().and_then(|t| t.parse::<Timestamp>().ok()),
        ) else {
            return;
        };
        if at < since {
            return;
        }
        match l.phase.as_deref() {
            Some("intent") => {
                let refused = l.policy.and_then(|p| p.decision).as_deref() == Some("refuse");
                let list = self.challenges.entry(user.to_string()).or_default();
                if !refused {
                    list.push(at);
                    if list.len() > MAX_KEPT {
                        list.sort();
                        list.remove(0);
                    }
                }
            }
            Some("outcome") if l.outcome.as_deref() == Some("verified") => {
                let slot = self.verified.entry(user.to_string()).or_insert(at);
                if *slot < at {
                    *slot = at;
                }
            }
            _ => {}
        }
    }

    /// When the user was last verified (from `since` on).
    pub fn last_verified(&self, user_id: &str) -> Option<Timestamp> {
        self.verified.get(user_id).copied()
    }

    /// The times challenges were sent to the user (from `since` on), oldest first.
    pub fn challenges(&self, user_id: &str) -> Vec<Timestamp> {
        let mut v = self.challenges.get(user_id).cloned().unwrap_or_default();
        v.sort();
        v
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn verified_outcomes_and_challenges_per_user() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.log");
        let org = "https://acme.okta.com";
        let lines = [
            r#"{"time":"2026-11-29T10:00:00Z","phase":"intent","org":"https://acme.okta.com","command":"verify","user_id":"u1","call":"POST x"}"#,
            r#"{"time":"2026-11-29T10:00:09Z","phase":"outcome","org":"https://acme.okta.com","command":"verify","user_id":"u1","outcome":"verified"}"#,
            r#"{"time":"2026-11-29T10:05:00Z","phase":"intent","org":"https://acme.okta.com","command":"verify","user_id":"u1","call":"POST x"}"#,
            r#"{"time":"2026-11-29T10:05:30Z","phase":"outcome","org":"https://acme.okta.com","command":"verify","user_id":"u1","outcome":"rejected"}"#,
            // Refused: never sent, not a challenge.
            r#"{"time":"2026-11-29T10:06:00Z","phase":"intent","command":"verify","user_id":"u1","policy":{"decision":"refuse","rule":"verify.rate"}}"#,
            // Another org, another command, too old, not JSON.
            r#"{"time":"2026-11-29T10:07:00Z","phase":"intent","org":"https://other.okta.com","command":"verify","user_id":"u1"}"#,
            r#"{"time":"2026-11-29T10:07:00Z","phase":"outcome","command":"reset-mfa","user_id":"u1","outcome":"verified","x":"verify"}"#,
            r#"{"time":"2026-11-01T10:07:00Z","phase":"outcome","command":"verify","user_id":"u2","outcome":"verified"}"#,
            "not json \"verify\"",
        ];
        let mut text = lines.join("\n");
        text.push('\n');
        text.push_str(&format!(
            "{{\"command\":\"verify\",\"x\":\"{}\"}}\n",
            "y".repeat(MAX_LINE as usize)
        ));
        text.push_str(r#"{"time":"2026-11-29T11:00:00Z","phase":"outcome","command":"verify","user_id":"u3","outcome":"verified"}"#);
        std::fs::write(&path, text).unwrap();
        let v = Verifications::read(&path, org, ts("2026-11-28T00:00:00Z")).unwrap();
        assert_eq!(v.last_verified("u1"), Some(ts("2026-11-29T10:00:09Z")));
        assert_eq!(
            v.challenges("u1"),
            [ts("2026-11-29T10:00:00Z"), ts("2026-11-29T10:05:00Z")]
        );
        assert_eq!(v.last_verified("u2"), None);
        assert!(v.last_verified("u3").is_some());
        assert!(v.challenges("u9").is_empty());
        let none = Verifications::read(&dir.path().join("none"), org, Timestamp::MIN).unwrap();
        assert_eq!(none.last_verified("u1"), None);
    }
}
