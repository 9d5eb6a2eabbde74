//! The local audit log, read for cooldowns: when each user last had each
//! command done to them by this tool, in this org. A change counts when its
//! outcome says it was done (or may have been: `unknown`, or an intent left
//! without an outcome); no-ops, failures and refusals do not.
//!
//! The file is streamed once per run; a line is at most 1 MiB (longer ones
//! are skipped), and only lines naming a command with a cooldown are parsed.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, ErrorKind, Read};
use std::path::Path;

use jiff::Timestamp;
use serde::Deserialize;

use super::commands::normalise;
use crate::error::{Error, Result};

const MAX_LINE: u64 = 1 << 20;
/// Intents waiting for their outcome line, at most.
const MAX_OPEN: usize = 100_000;

/// When a (command, user id) was last done.
#[derive(Debug, Default)]
pub struct History {
    last: HashMap<(String, String), Timestamp>,
}

/// Outcomes that say nothing was changed.
fn counts(outcome: &str) -> bool {
    !(outcome.starts_with("not_")
        || outcome.starts_with("would_")
        || matches!(
            outcome,
            "failed" | "refused" | "skipped" | "duplicate" | "no_factors" | "already_member"
        ))
}

struct Seen {
    command: String,
    user_id: String,
    at: Timestamp,
}

impl History {
    /// Read the log at `path` (none yet: empty) for `commands`, from `since` on.
    pub fn read(path: &Path, org: &str, commands: &[&str], since: Timestamp) -> Result<History> {
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(History::default()),
            Err(e) => return Err(Error::failed(format!(
                "cannot read the audit log {} for the policy's cooldowns: {e}",
                path.display()
            ))
            .hint(
                "the cooldowns are judged from it; fix its permissions or set OKTACTL_AUDIT_LOG",
            )),
        };
        let commands: Vec<String> = commands.iter().map(|c| normalise(c)).collect();
        let words: Vec<String> = commands
            .iter()
            .filter_map(|c| c.rsplit(' ').next())
            .map(regex::escape)
            .collect();
        let want = Wanted {
            org,
            words: regex::bytes::Regex::new(&words.join("|"))
                .map_err(|e| Error::failed(format!("cannot look for the commands: {e}")))?,
            commands,
            since,
        };
        let mut reader = BufReader::with_capacity(64 * 1024, file);
        let mut h = History::default();
        let mut open: HashMap<String, Seen> = HashMap::new();
        let mut line = Vec::new();
        loop {
            line.clear();
            let n = (&mut reader)
                .take(MAX_LINE + 1)
                .read_until(b'\n', &mut line)
                .map_err(|e| {
                    Error::failed(format!("reading the audit log {}: {e}", path.display()))
                })?;
            if n == 0 {
                break;
            }
            if line.last() != Some(&b'\n') && n as u64 > MAX_LINE {
                skip_rest(&mut reader)
                    .map_err(|e| Error::failed(format!("reading the audit log: {e}")))?;
                continue;
            }
            h.take(&line, &want, &mut open);
        }
        // Started and never finished: it may have happened.
        for seen in open.into_values() {
            h.record(seen);
        }
        Ok(h)
    }

    pub fn last(&self, command: &str, user_id: &str) -> Option<Timestamp> {
        self.last
            .get(&(normalise(command), user_id.to_string()))
            .copied()
    }

    fn record(&mut self, s: Seen) {
        let slot = self.last.entry((s.command, s.user_id)).or_insert(s.at);
        if *slot < s.at {
            *slot = s.at;
        }
    }

    fn take(&mut self, bytes: &[u8], want: &Wanted<'_>, open: &mut HashMap<String, Seen>) {
        // Cheap test first: most lines are about other commands.
        if !want.words.is_match(bytes) {
            return;
        }
        let Ok(l) = serde_json::from_slice::<Line<'_>>(bytes) else {
            return;
        };
        let Some(command) = l
            .command
            .as_deref()
            .map(normalise)
            .filter(|c| want.commands.contains(c))
        else {
            return;
        };
        if l.org.as_deref().is_some_and(|o| o != want.org) {
            return;
        }
        let at = l.time.as_deref().and_then(|t| t.parse::<Timestamp>().ok());
        let user_id = l.user_id.as_deref().map(str::to_string);
        let change_id = l.change_id.as_deref().map(str::to_string);
        let since = want.since;
        match l.phase.as_deref() {
            Some("intent") => {
                let refused = l.policy.and_then(|p| p.decision).as_deref() == Some("refuse");
                if let (Some(id), Some(user_id), Some(at), false) =
                    (change_id, user_id, at, refused)
                {
                    if at >= since && open.len() < MAX_OPEN {
                        open.insert(
                            id,
                            Seen {
                                command,
                                user_id,
                                at,
                            },
                        );
                    }
                }
            }
            Some("outcome") => {
                let done = l.outcome.as_deref().is_some_and(counts);
                let intent = change_id.and_then(|id| open.remove(&id));
                let seen = intent.or_else(|| {
                    Some(Seen {
                        command,
                        user_id: user_id?,
                        at: at?,
                    })
                });
                if let Some(seen) = seen.filter(|x| done && x.at >= since) {
                    self.record(seen);
                }
            }
            Some(_) => {}
            // The old format: one line per change, `result`.
            None => {
                let done = l.result.as_deref().is_some_and(counts);
                if let (Some(user_id), Some(at), true) = (user_id, at, done) {
                    if at >= since {
                        self.record(Seen {
                            command,
                            user_id,
                            at,
                        });
                    }
                }
            }
        }
    }
}

/// What a run looks for in the log.
struct Wanted<'a> {
    org: &'a str,
    commands: Vec<String>,
    /// The last word of each command, for a test before parsing.
    words: regex::bytes::Regex,
    since: Timestamp,
}

/// The fields of an audit line the cooldowns use, borrowed where they can be.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Line<'a> {
    #[serde(borrow)]
    time: Option<Cow<'a, str>>,
    #[serde(borrow)]
    phase: Option<Cow<'a, str>>,
    #[serde(borrow)]
    change_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    org: Option<Cow<'a, str>>,
    #[serde(borrow)]
    command: Option<Cow<'a, str>>,
    #[serde(borrow)]
    user_id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    outcome: Option<Cow<'a, str>>,
    /// The old format's outcome.
    #[serde(borrow)]
    result: Option<Cow<'a, str>>,
    #[serde(borrow)]
    policy: Option<Decided<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Decided<'a> {
    #[serde(borrow)]
    decision: Option<Cow<'a, str>>,
}

/// Discard the rest of an over-long line (also for `verified`'s reader).
pub(super) fn skip_rest(reader: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn done_changes_count_and_others_do_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("audit.log");
        let org = "https://acme.okta.com";
        let lines = [
            // Done: counts.
            r#"{"time":"2026-11-29T10:00:00Z","phase":"intent","change_id":"a","org":"https://acme.okta.com","command":"reset-mfa","user_id":"u1","call":"POST x"}"#,
            r#"{"time":"2026-11-29T10:00:01Z","phase":"outcome","change_id":"a","org":"https://acme.okta.com","command":"reset-mfa","user_id":"u1","outcome":"reset"}"#,
            // Failed, refused (intent marked), no-op: none counts.
            r#"{"time":"2026-11-29T11:00:00Z","phase":"intent","change_id":"b","command":"reset-mfa","user_id":"u2","call":"POST x"}"#,
            r#"{"time":"2026-11-29T11:00:01Z","phase":"outcome","change_id":"b","command":"reset-mfa","user_id":"u2","outcome":"failed"}"#,
            r#"{"time":"2026-11-29T11:00:00Z","phase":"intent","change_id":"c","command":"reset-mfa","user_id":"u3","policy":{"decision":"refuse"}}"#,
            r#"{"time":"2026-11-29T11:00:00Z","phase":"outcome","change_id":"c","command":"reset-mfa","user_id":"u3","outcome":"refused"}"#,
            r#"{"time":"2026-11-29T11:00:00Z","phase":"outcome","change_id":"d","command":"reset-mfa","user_id":"u4","outcome":"no_factors"}"#,
            // Another org, another command, too old: not counted.
            r#"{"time":"2026-11-29T11:00:00Z","phase":"outcome","change_id":"e","org":"https://other.okta.com","command":"reset-mfa","user_id":"u5","outcome":"reset"}"#,
            r#"{"time":"2026-11-29T11:00:00Z","phase":"outcome","change_id":"f","command":"unlock","user_id":"u1","outcome":"unlocked"}"#,
            r#"{"time":"2026-11-01T11:00:00Z","phase":"outcome","change_id":"g","command":"reset-mfa","user_id":"u6","outcome":"reset"}"#,
            // Unfinished, unknown and old-format lines count.
            r#"{"time":"2026-11-29T12:00:00Z","phase":"intent","change_id":"h","command":"reset-mfa","user_id":"u7","call":"POST x"}"#,
            r#"{"time":"2026-11-29T12:00:00Z","phase":"outcome","change_id":"i","command":"reset-mfa","user_id":"u8","outcome":"unknown"}"#,
            r#"{"time":"2026-11-29T12:00:00Z","command":"reset-mfa","user_id":"u9","result":"reset"}"#,
            "not json {\"command\"",
        ];
        let mut text = lines.join("\n");
        text.push('\n');
        text.push_str(&format!(
            "{{\"command\":\"reset-mfa\",\"x\":\"{}\"}}\n",
            "y".repeat(MAX_LINE as usize)
        ));
        text.push_str(r#"{"time":"2026-11-29T13:00:00Z","phase":"outcome","change_id":"j","command":"reset-mfa","user_id":"u10","outcome":"reset"}"#);
        std::fs::write(&path, text).unwrap();
        let h = History::read(&path, org, &["reset-mfa"], ts("2026-11-28T00:00:00Z")).unwrap();
        assert_eq!(h.last("reset-mfa", "u1"), Some(ts("2026-11-29T10:00:00Z")));
        for u in ["u2", "u3", "u4", "u5", "u6"] {
            assert_eq!(h.last("reset-mfa", u), None, "{u}");
        }
        assert_eq!(h.last("unlock", "u1"), None);
        for u in ["u7", "u8", "u9", "u10"] {
            assert!(h.last("reset_mfa", u).is_some(), "{u}");
        }
        let none = History::read(
            &dir.path().join("none"),
            org,
            &["reset-mfa"],
            ts("2026-11-28T00:00:00Z"),
        )
        .unwrap();
        assert_eq!(none.last("reset-mfa", "u1"), None);
    }
}
